// Minified templates instead of minified pages (see ../minify.ts): in a production build,
// the layouts, partials and HTML page templates are minified before Eleventy compiles them.
import { join } from "node:path";
import type { EleventyConfig } from "../eleventy-config.js";
import { timed } from "../metrics.js";
import { MinifiedTemplates } from "../minify.js";
import type { SiteBuild } from "./build.js";
import { DEFAULT_INCLUDES, DEFAULT_INPUT } from "./folders.js";

export function useMinifiedTemplates(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  if (!build.options.minify) return;
  const templates = new MinifiedTemplates();
  // Nunjucks hands every template's source to an extension's `preprocess` before compiling
  // it; ours swaps in the minified text (docs/eleventy-internals.md).
  eleventyConfig.amendLibrary("njk", (environment) => environment.addExtension("strichkaMinify", { tags: [], preprocess: templates.lookup }));
  // Read beside the content model (SiteBuild.alongBegin), before any template is compiled.
  build.alongBegin(async () => {
    templates.clear();
    if (!build.production) return;
    const { input, includes } = eleventyConfig.directories;
    const articles = build.articlesPath;
    const skip = (path: string) => path.startsWith(articles) || path.startsWith(join(DEFAULT_INPUT, "articles"));
    await timed("minification", () => templates.load([includes, input, DEFAULT_INCLUDES, DEFAULT_INPUT], skip, build.urls));
  });
}
