// Reading on the go (src/offline.ts): `sw.js` at the site's root for production builds; the
// pages register it (assets/strichka.js) when base.njk gives the script its URL.
import { createHash } from "node:crypto";
import type { NewsSite } from "../content/index.js";
import type { EleventyConfig } from "../eleventy-config.js";
import { offlineWorkerScript } from "../offline.js";
import { FIXED_URLS, urlToFile } from "../urls.js";
import type { SiteBuild } from "./build.js";

/** The latest articles kept at installation, for a reader who goes offline before opening them. */
const LATEST_KEPT = 10;
const OFFLINE_PAGE = FIXED_URLS.offline;
const WORKER = FIXED_URLS.serviceWorker;

export function useOffline(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  if (build.shardFile) return;
  // Only production builds register it: in the preview (`npm start`) it would keep drafts' pages.
  eleventyConfig.addGlobalData("strichkaWorker", () => (build.production ? WORKER : undefined));
  eleventyConfig.addTemplate("strichka-sw.11ty.js", {
    data: { permalink: WORKER, eleventyExcludeFromCollections: true },
    render: ({ strichka }: { strichka: NewsSite }) => {
      const files = [urlToFile("/"), urlToFile(OFFLINE_PAGE), ...build.assets.map((asset) => asset.publishedUrl), ...strichka.articles.filter((article) => !article.draft).slice(0, LATEST_KEPT).map((article) => urlToFile(article.url))].map((url) => url.slice(1));
      return offlineWorkerScript({ version: createHash("sha256").update(files.join("\n")).digest("base64url").slice(0, 12), precache: files, offlinePage: OFFLINE_PAGE.slice(1) });
    },
  });
}
