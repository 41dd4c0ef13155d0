// One URL scheme for the web and for a copy of _site/ opened from disk (file://).
// Model URLs are site-root paths: article pages end in ".html", list pages in "/".
// Pages link to each other with *relative* URLs to real files (".../index.html"),
// because file:// neither knows the site root nor opens a folder's index.html;
// canonical URLs and feeds use absolute URLs from site.url instead.
import { posix } from "node:path";
import type { DateTime } from "luxon";

/** `/novyny/2026/01/14/<slug>.html`: the Kyiv day keeps slugs unique across days and URLs stable. */
export function articleUrl(published: DateTime, slug: string): string {
  return `/novyny/${published.toFormat("yyyy/MM/dd")}/${slug}.html`;
}

export function topicUrl(slug: string): string {
  return `/temy/${slug}/`;
}

export function topicFeedUrl(slug: string): string {
  return `/temy/${slug}/feed.xml`;
}

export function tagUrl(slug: string): string {
  return `/tehy/${slug}/`;
}

/** Fixed pages and feeds. */
export const URLS = {
  home: "/",
  archive: "/arkhiv/",
  topics: "/temy/",
  tags: "/tehy/",
  atom: "/feed.xml",
  rss: "/rss.xml",
  json: "/feed.json",
  sitemap: "/sitemap.xml",
} as const;

/** Served by hosts for every missing URL (Netlify and most others look for /404.html). */
export const NOT_FOUND_URL = "/404.html";

/** The file a site-root URL is served from: `/temy/x/` → `/temy/x/index.html`. */
export function urlToFile(url: string): string {
  return url.endsWith("/") ? `${url}index.html` : url;
}

/**
 * A site-root URL as seen from the page at `fromUrl`, pointing at the file itself:
 * relativeUrl("/temy/viina/", "/novyny/2026/01/14/x.html") → "../../../../temy/viina/index.html".
 * Anything else (absolute, protocol-relative, already relative, fragments) is returned as is.
 */
export function relativeUrl(target: string, fromUrl: string): string {
  if (!target.startsWith("/") || target.startsWith("//")) return target;
  const cut = target.search(/[?#]/);
  const path = cut === -1 ? target : target.slice(0, cut);
  const suffix = cut === -1 ? "" : target.slice(cut);
  const fromDir = fromUrl.endsWith("/") ? fromUrl : posix.dirname(fromUrl);
  return posix.relative(fromDir, urlToFile(path)) + suffix;
}

/** An absolute URL under the site's base URL, which may itself have a path (`https://host/news/`). */
export function absoluteUrl(target: string, siteUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return target;
  return siteUrl.replace(/\/+$/, "") + (target.startsWith("/") ? target : `/${target}`);
}
