// The content model is the site's data: loaded and checked before Eleventy reads a single
// template, so that all of the editors' mistakes are reported together and nothing is
// half-built. Articles are not Eleventy templates: the model reads them, and the article
// pages paginate over it (see pages.ts).
import { join } from "node:path";
import { parseNewsDate } from "../dates.js";
import type { EleventyConfig } from "../eleventy-config.js";
import { parseYaml } from "../front-matter.js";
import { recordSettings } from "../settings.js";
import type { SiteBuild } from "./build.js";

export function useContentModel(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  eleventyConfig.on("eleventy.before", ({ directories }) => build.begin(directories));
  eleventyConfig.on("eleventy.after", () => build.finish());
  // Templates read the model as `strichka`, the texts as `uiText`. (The model is a class
  // instance: Eleventy hands it to templates as it is, see docs/eleventy-internals.md.)
  eleventyConfig.addGlobalData("strichka", () => build.model);
  eleventyConfig.addGlobalData("uiText", build.text);
  // Eleventy still watches the articles, for the preview.
  eleventyConfig.ignores.add(join(build.articlesPath, "**"));
  eleventyConfig.addWatchTarget(build.articlesPath);
  // Front matter of pages: YAML without timestamp guessing (see front-matter.ts).
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: (text) => parseYaml(text) } });
  // Zone-less dates are the site's wall-clock time, for Eleventy's page.date as for the model.
  eleventyConfig.addDateParsing((value) => parseNewsDate(value, build.options.timeZone)?.toJSDate());
  // For the strichka command: `new` writes articles where this site's build reads them, and
  // `build` makes production builds incremental.
  recordSettings(eleventyConfig, { articlesDir: build.options.articlesDir, build });
}
