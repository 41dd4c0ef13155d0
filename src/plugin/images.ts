// Photos in templates: the <picture> of an article's photo (partials/photo.njk) and the
// JPEG link previews use (base.njk), from what the content model knows of each file.
import type { EleventyConfig, EleventyPage } from "../eleventy-config.js";
import { IMAGE_TYPES, ogImage, pictureSources, type ArticleImage } from "../images.js";
import { absoluteUrl } from "../urls.js";

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
