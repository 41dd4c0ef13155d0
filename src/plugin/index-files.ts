// The search index's month files and the sitemap files: written by the build itself, one
// at a time, rather than rendered as Eleventy pages.
//
// Why: Eleventy keeps every page it renders in memory until its run ends. These files are
// the archive's whole text index and every URL: at 10,000 articles the run kept 38 MB of
// them (3.8 KB an article, measured with a heap snapshot after the run), and at a million
// articles that took the build past its heap limit (BENCHMARKS.md). Written here, each
// file's text lives only while it is written.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Article, NewsSite } from "../content/index.js";
import { timedWithCpu } from "../metrics.js";
import { readFirstParagraph, shardScript } from "../site-search.js";
import { urlToFile } from "../urls.js";

/**
 * Writes the month files of `news.search.shardsToWrite` and the files of
 * `news.sitemaps.filesToWrite` into `output`; returns their paths relative to it.
 */
export async function writeIndexFiles(news: NewsSite, { output, articlesPath, timeZone }: { output: string; articlesPath: string; timeZone: string }): Promise<string[]> {
  // (The folder joined once: path.join per article normalised it a million times.)
  const folder = join(articlesPath, "/");
  const firstParagraph = (article: Article) => readFirstParagraph(folder + article.sourceFile);
  const files = [
    ...news.search.shardsToWrite.map((shard) => ({ url: shard.url, text: () => timedWithCpu("search", () => shardScript(shard, firstParagraph, timeZone)) })),
    ...news.sitemaps.filesToWrite.map((file) => ({ url: file.url, text: () => timedWithCpu("feeds", () => news.sitemaps.file(file.url)) })),
  ];
  const folders = new Set(files.map(({ url }) => dirname(join(output, urlToFile(url)))));
  await Promise.all([...folders].map((path) => mkdir(path, { recursive: true })));
  const written: string[] = [];
  for (const { url, text } of files) {
    const file = urlToFile(url).slice(1);
    await writeFile(join(output, file), text());
    written.push(file);
  }
  return written;
}
