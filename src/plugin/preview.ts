// The preview (`npm start`) rewrites only the pages a change of articles alone has changed
// (see ../preview.ts); after a change to anything else, everything, until a build succeeds.
import type { EleventyConfig } from "../eleventy-config.js";
import type { SiteBuild } from "./build.js";

export function usePreview(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  eleventyConfig.on("eleventy.beforeWatch", (changedFiles: string[]) => build.changed(changedFiles));
  // (What a successful build wrote is committed by SiteBuild.finish, the plugin's one eleventy.after listener.)
}
