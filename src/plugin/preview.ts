// The preview (`npm start`) rewrites only the pages a change of articles alone has changed
// (see ../preview.ts); after a change to anything else, everything, until a build succeeds.
import type { EleventyConfig } from "../eleventy-config.js";
import type { SiteBuild } from "./build.js";

export function usePreview(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  eleventyConfig.on("eleventy.beforeWatch", (changedFiles: string[]) => build.changed(changedFiles));
  // Fired only when a build has succeeded.
  eleventyConfig.on("eleventy.after", () => build.committed());
}
