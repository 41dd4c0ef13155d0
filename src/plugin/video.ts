// «Відео дня»: where the block goes in an article's body, and its YouTube links.
import type { EleventyConfig } from "../eleventy-config.js";
import { placeVideo, youtubeEmbedUrl, youtubeWatchUrl } from "../video.js";

export function registerVideoFilters(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("placeVideo", (body: string, block: string) => placeVideo(body, block));
  eleventyConfig.addFilter("youtubeEmbedUrl", (id: string) => youtubeEmbedUrl(id));
  eleventyConfig.addFilter("youtubeWatchUrl", (id: string) => youtubeWatchUrl(id));
}
