// Photos in templates: the <picture> of an article's photo (partials/photo.njk) and the
// JPEG link previews use (base.njk), from what the content model knows of each file.
import type { EleventyConfig, EleventyPage } from "../eleventy-config.js";
import { heightAt, IMAGE_FORMATS, IMAGE_TYPES, imageUrl, imageWidths, ogImage, type ArticleImage, type ImageFormat } from "../images.js";
import { absoluteUrl, relativeUrl } from "../urls.js";

/** The photo's width in the layout: the article column (46rem less its padding), or the screen less the padding. */
export const PHOTO_SIZES = "(min-width: 46rem) 44rem, calc(100vw - 2rem)";

/** What partials/photo.njk writes of a photo, with URLs relative to the page. */
export interface PictureSources {
  /** AVIF and WebP, in that order, for <source>. */
  sources: { type: string; srcset: string }[];
  /** The JPEG fallback's srcset and src (800 px, or the widest there is below it). */
  srcset: string;
  src: string;
  sizes: string;
  /** The widest output's: the aspect ratio the page reserves before the photo arrives. */
  width: number;
  height: number;
}

/** The <picture> of `image` as seen from the page at `from` (undefined: URLs from the site root). */
export function pictureSources(image: ArticleImage, from: string | undefined, sizes = PHOTO_SIZES): PictureSources | undefined {
  const file = image.file;
  if (!file) return undefined;
  const url = (width: number, format: ImageFormat) => {
    const path = imageUrl(file, width, format);
    return from === undefined ? path : relativeUrl(path, from);
  };
  const widths = imageWidths(file.width);
  const srcset = (format: ImageFormat) => widths.map((width) => `${url(width, format)} ${width}w`).join(", ");
  const widest = widths.at(-1)!;
  const fallback = widths.filter((width) => width <= 800).at(-1)!;
  return {
    sources: IMAGE_FORMATS.filter((format) => format !== "jpeg").map((format) => ({ type: IMAGE_TYPES[format], srcset: srcset(format) })),
    srcset: srcset("jpeg"),
    src: url(fallback, "jpeg"),
    sizes,
    width: widest,
    height: heightAt(file, widest),
  };
}

export function registerImageFilters(eleventyConfig: EleventyConfig): void {
  // image | pictureSources: the sources of its <picture>, relative to this page.
  eleventyConfig.addFilter("pictureSources", function (this: { page?: EleventyPage }, image: ArticleImage) {
    const from = this.page?.url;
    return pictureSources(image, typeof from === "string" ? from : undefined);
  });
  // image | ogImage(site.url): the JPEG for og:image (absolute), with its size; undefined without a file.
  eleventyConfig.addFilter("ogImage", (image: ArticleImage | undefined, siteUrl: string) => {
    if (!image?.file) return undefined;
    const og = ogImage(image.file);
    return { ...og, url: absoluteUrl(og.url, siteUrl), type: IMAGE_TYPES.jpeg };
  });
}
