// Reading on the go (src/offline.ts): `sw.js` at the site's root for production builds; the
// pages register it (assets/strichka.js) when base.njk gives the script its URL.
import type { NewsSite } from "../content/index.js";
import type { EleventyConfig } from "../eleventy-config.js";
import { offlineWorkerScript } from "../offline.js";
import { FIXED_URLS, urlToFile } from "../urls.js";
import type { SiteBuild } from "./build.js";

/** The latest articles kept at installation, for a reader who goes offline before opening them. */
const LATEST_KEPT = 10;
/**
 * Pages kept at most (README «Reading the site anywhere»), the least recently opened going
 * first: a page is 12–40 KB of HTML, so at most about 8 MB, weeks of a regular reader's news.
 */
const MAX_PAGES = 200;
const OFFLINE_PAGE = FIXED_URLS.offline;
const WORKER = FIXED_URLS.serviceWorker;

export function useOffline(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  // Only production builds register it: in the preview (`npm start`) it would keep drafts' pages.
  // (Shards render pages too: they need its URL, and leave the file to the coordinating build.)
  eleventyConfig.addGlobalData("strichkaWorker", () => (build.production ? WORKER : undefined));
  if (build.shardFile) return;
  eleventyConfig.addTemplate("strichka-sw.11ty.js", {
    data: { permalink: WORKER, eleventyExcludeFromCollections: true },
    render: ({ strichka }: { strichka: NewsSite }) => {
      // Nothing here is written by hand: the scheme's URLs, the assets as this build publishes
      // them (their fingerprinted names), the articles' own URLs.
      const file = (url: string) => urlToFile(url).slice(1);
      const latest = strichka.articles.filter((article) => !article.draft).slice(0, LATEST_KEPT);
      return offlineWorkerScript({
        fresh: [file(FIXED_URLS.home), file(OFFLINE_PAGE)],
        keep: [...build.assets.map((asset) => file(asset.publishedUrl)), ...latest.map((article) => file(article.url))],
        offlinePage: file(OFFLINE_PAGE),
        maxPages: MAX_PAGES,
      });
    },
  });
}
