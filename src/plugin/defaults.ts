// strichka's own layouts, partials and page templates, for every one the site does not have
// itself: a site overrides any of them by a file of the same name.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { EleventyConfig } from "../eleventy-config.js";
import type { ContentProblem } from "../errors.js";
import { parseYaml, splitFrontMatter } from "../front-matter.js";
import type { SiteBuild } from "./build.js";
import { DEFAULT_INCLUDES, DEFAULT_INPUT } from "./folders.js";

/** Our page templates, by their path inside the input folder. */
const DEFAULT_PAGES = ["index.njk", "topics-index.njk", "tags-index.njk", "authors-index.njk", "tag-letters.njk", "404.njk", "feeds/atom.njk", "feeds/rss.njk", "feeds/json.njk", "feeds/topics.njk", "feeds/authors.njk", "feeds/sitemap.njk", "feeds/news-sitemap.njk", "feeds/robots.njk", "feeds/redirects.njk", "search.njk", "offline.njk"];

/**
 * Pages strichka once had as templates and now writes itself: a site's own copy (made to
 * override ours) would fail with an Eleventy error about a missing filter, so it is named,
 * with what to do, before anything is built.
 */
const RETIRED_PAGES: Readonly<Record<string, string>> = {
  "feeds/sitemaps.njk": "strichka writes the sitemap files itself now (as a template, every sitemap stayed in memory until the build's end); delete this file, and change sitemap.njk or news-sitemap.njk for what you need",
};

/** A site's own copies of retired pages, as problems that stop its build before anything is read. */
export function retiredPageProblems(input: string): ContentProblem[] {
  return Object.entries(RETIRED_PAGES)
    .filter(([page]) => existsSync(join(input, page)))
    .map(([page, message]) => ({ file: relative(process.cwd(), join(input, page)), message }));
}

export function useDefaults(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  const { input, includes } = eleventyConfig.directories;
  // Layouts: an alias to our file, for each one the site does not have. (Virtual templates
  // would do too, but with the includes folder outside the input folder Eleventy also
  // renders them as pages.)
  for (const name of readdirSync(DEFAULT_INCLUDES).filter((file) => file.endsWith(".njk"))) {
    if (!existsSync(join(includes, name))) eleventyConfig.addLayoutAlias(name, relative(includes, join(DEFAULT_INCLUDES, name)));
  }
  // Partials ({% include %}) are found by Nunjucks: the site's folder first, then ours.
  // The loader's searchPaths are not Eleventy's API (docs/eleventy-internals.md).
  eleventyConfig.amendLibrary("njk", (environment) => {
    const loader = environment.loaders?.[0];
    if (loader?.searchPaths && !loader.searchPaths.includes(DEFAULT_INCLUDES)) loader.searchPaths.push(DEFAULT_INCLUDES);
  });
  // (Not rendered; SiteBuild.begin stops the build with retiredPageProblems.)
  for (const page of Object.keys(RETIRED_PAGES)) eleventyConfig.ignores.add(join(input, page));
  // (A shard's run renders article and list pages only, see shards.ts.)
  for (const page of build.shardFile ? [] : DEFAULT_PAGES) {
    if (existsSync(join(input, page))) continue;
    const { body, data } = readTemplate(join(DEFAULT_INPUT, page));
    eleventyConfig.addTemplate(page, body, data);
  }
}

/** A template file as Eleventy's addTemplate takes it: the body and the front-matter data. */
function readTemplate(path: string): { body: string; data: Record<string, unknown> } {
  const { yaml, body } = splitFrontMatter(readFileSync(path, "utf8"));
  return { body, data: yaml ? parseYaml(yaml) : {} };
}
