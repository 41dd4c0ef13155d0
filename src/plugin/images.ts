// Photos in templates: the <picture> of an article's photo (partials/photo.njk) and the
// JPEG link previews use (base.njk), from what the content model knows of each file.
import type { EleventyConfig, EleventyPage } from "../eleventy-config.js";
import { heightAt, IMAGE_TYPES, IMAGE_WIDTHS, imageUrl, ogImage, pictureSources, type ArticleImage } from "../images.js";
import { absoluteUrl, relativeUrl } from "../urls.js";

/** A list's thumbnail: the smallest width made (every photo has it), twice or more the size it is shown at. */
const THUMBNAIL_WIDTH = IMAGE_WIDTHS[0];

export function registerImageFilters(eleventyConfig: EleventyConfig, { options }: { options: { listThumbnails: boolean } }): void {
  // item.image | listThumbnail: a list's small photo (the 400 px AVIF and JPEG, relative to
  // this page), when the plugin's listThumbnails option is on and the article has a photo.
  eleventyConfig.addFilter("listThumbnail", function (this: { page?: EleventyPage }, image: ArticleImage | undefined) {
    if (!options.listThumbnails || !image?.file) return undefined;
    const from = this.page?.url;
    const url = (format: "avif" | "jpeg") => (typeof from === "string" ? relativeUrl(imageUrl(image.file!, THUMBNAIL_WIDTH, format), from) : imageUrl(image.file!, THUMBNAIL_WIDTH, format));
    return { avif: url("avif"), src: url("jpeg"), width: THUMBNAIL_WIDTH, height: heightAt(image.file, THUMBNAIL_WIDTH) };
  });
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
