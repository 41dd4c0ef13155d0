// Search (site-search.ts): the index files beside the search page, from the content model.
// The page itself is a template (content/search.njk); the reader's side is assets/search.js.
import type { NewsSite } from "../content/index.js";
import type { EleventyConfig } from "../eleventy-config.js";
import { wordsScript } from "../site-search.js";
import type { SiteBuild } from "./build.js";

export function useSearch(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  // A shard's run renders article and list pages only; the coordinating build writes these.
  if (build.shardFile) return;
  const page = { eleventyExcludeFromCollections: true };
  eleventyConfig.addTemplate("strichka-search-words.11ty.js", { data: { ...page, permalink: `${build.urls.search}words.js` }, render: () => wordsScript() });
  eleventyConfig.addTemplate("strichka-search-index.11ty.js", {
    data: { ...page, permalink: `${build.urls.search}index.js` },
    render: (data: { strichka: NewsSite }) => data.strichka.search.indexScript(),
  });
  // The month files are written by the build itself (index-files.ts): Eleventy would keep them all in memory.
}
