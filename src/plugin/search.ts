// Search (site-search.ts): the index files beside the search page, from the content model.
// The page itself is a template (content/search.njk); the reader's side is assets/search.js.
import { join } from "node:path";
import type { Article, NewsSite } from "../content/index.js";
import type { EleventyConfig } from "../eleventy-config.js";
import { timedWithCpu } from "../metrics.js";
import { readFirstParagraph, shardScript, wordsScript, type SearchShard } from "../site-search.js";
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
  // (The folder joined once: path.join per article normalised it 10,000 times.)
  let folder: string | undefined;
  const firstParagraph = (article: Article) => readFirstParagraph((folder ??= join(build.articlesPath, "/")) + article.sourceFile);
  eleventyConfig.addTemplate("strichka-search-months.11ty.js", {
    data: { ...page, pagination: { data: "strichka.search.shardsToWrite", size: 1, alias: "shard" }, permalink: (data: { shard: SearchShard }) => data.shard.url },
    render: (data: { shard: SearchShard }) => timedWithCpu("search", () => shardScript(data.shard, firstParagraph, build.options.timeZone)),
  });
}
