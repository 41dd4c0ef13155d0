// One URL scheme for the web and for a copy of _site/ opened from disk (file://).
// Model URLs are site-root paths: article pages end in ".html", list pages in "/".
// Pages link to each other with *relative* URLs to real files (".../index.html"),
// because file:// neither knows the site root nor opens a folder's index.html;
// canonical URLs and feeds use absolute URLs from site.url instead.
import { posix } from "node:path";
import type { DateTime } from "luxon";

/** Where articles and lists live: the plugin's `urls` option, over these defaults. */
export interface UrlOptions {
  /** Article URL pattern: {yyyy}, {MM}, {dd} (the Kyiv day of publication) and {slug}; ends in ".html" or "/". */
  articles: string;
  /** Folders of the topic pages, the tag pages, the archive and the authors' pages: "/temy/" and so on. */
  topics: string;
  tags: string;
  archive: string;
  authors: string;
}

export const DEFAULT_URLS: UrlOptions = {
  // The Kyiv day keeps slugs unique across days and URLs stable.
  articles: "/novyny/{yyyy}/{MM}/{dd}/{slug}.html",
  topics: "/temy/",
  tags: "/tehy/",
  archive: "/arkhiv/",
  authors: "/avtory/",
};

const FOLDER = /^\/(?:[a-z0-9-]+\/)+$/;

/**
 * URLs every site has at the same place, whatever its `urls` option: the home page, the
 * site-wide feeds, the sitemaps, robots.txt, the 404 page, the icon (the feeds' icon too),
 * the stylesheet and the scripts. Templates read them as `strichka.urls.atom` and so on,
 * like the rest of the scheme.
 */
export const FIXED_URLS = {
  home: "/",
  /** Atom 1.0 of the latest articles; RSS 2.0 and JSON Feed 1.1 of the same. */
  atom: "/feed.xml",
  rss: "/rss.xml",
  json: "/feed.json",
  /** The sitemap index: it lists the sitemap files (UrlScheme.sitemapFile). */
  sitemap: "/sitemap.xml",
  /** Google News sitemap of the last two days' articles. */
  newsSitemap: "/news-sitemap.xml",
  robots: "/robots.txt",
  /** The search page (its index files beside it, see site-search.ts). */
  search: "/poshuk/",
  /** The service worker (src/offline.ts), at the root so that its scope is the whole site, and its page for what was never opened online. */
  serviceWorker: "/sw.js",
  offline: "/offline.html",
  /** Netlify's redirect rules: a 301 for each article's old address (aliases). */
  redirects: "/_redirects",
  /** Served by hosts for every missing URL (Netlify and most others look for /404.html). */
  notFound: "/404.html",
  icon: "/assets/icon.svg",
  /**
   * The stylesheet and the scripts of the assets folder, where a build reads them: a
   * production build publishes them fingerprinted (/static/…, see assets.ts), so templates
   * write `strichka.urls.stylesheet | assetUrl` for the URL a page links to.
   */
  stylesheet: "/assets/style.css",
  /** Every page's script (the video player, the banner's end, the service worker's registration). */
  script: "/assets/strichka.js",
  /** The search page's script (site-search.ts). */
  searchScript: "/assets/search.js",
} as const;

/** The folder of the sitemap files the index lists. */
export const SITEMAP_FILES = "/sitemaps/";

/** The site's URL scheme: every URL a page links to or is written at. Every URL works from disk too: see relativeUrl. */
export class UrlScheme {
  readonly articles: string;
  readonly topics: string;
  readonly tags: string;
  readonly archive: string;
  readonly authors: string;
  readonly home = FIXED_URLS.home;
  readonly atom = FIXED_URLS.atom;
  readonly rss = FIXED_URLS.rss;
  readonly json = FIXED_URLS.json;
  readonly sitemap = FIXED_URLS.sitemap;
  readonly newsSitemap = FIXED_URLS.newsSitemap;
  readonly robots = FIXED_URLS.robots;
  readonly redirects = FIXED_URLS.redirects;
  readonly search = FIXED_URLS.search;
  readonly serviceWorker = FIXED_URLS.serviceWorker;
  readonly offline = FIXED_URLS.offline;
  readonly notFound = FIXED_URLS.notFound;
  readonly icon = FIXED_URLS.icon;
  readonly stylesheet = FIXED_URLS.stylesheet;
  readonly script = FIXED_URLS.script;
  readonly searchScript = FIXED_URLS.searchScript;

  constructor(options: Partial<UrlOptions> = {}) {
    const urls = { ...DEFAULT_URLS, ...options };
    const problems: string[] = [];
    if (!/^\/.*\{slug\}.*(\.html|\/)$/.test(urls.articles) || /[^a-z0-9/{}.-]|\{(?!yyyy\}|MM\}|dd\}|slug\})/i.test(urls.articles)) {
      problems.push(`articles "${urls.articles}" must start with "/", contain {slug}, end in ".html" or "/", and use only {yyyy}, {MM}, {dd}, {slug}`);
    }
    for (const key of ["topics", "tags", "archive", "authors"] as const) {
      if (!FOLDER.test(urls[key])) problems.push(`${key} "${urls[key]}" must be a folder such as "/${key}/" (lower-case Latin letters, digits, hyphens)`);
    }
    if (new Set([urls.topics, urls.tags, urls.archive, urls.authors]).size < 4) problems.push("topics, tags, archive and authors need folders of their own");
    if (problems.length > 0) throw new TypeError(`strichka plugin option urls: ${problems.join("; ")}`);
    this.articles = urls.articles;
    this.topics = urls.topics;
    this.tags = urls.tags;
    this.archive = urls.archive;
    this.authors = urls.authors;
  }

  /** The options this scheme was made from, defaults filled in (to make the same scheme elsewhere, e.g. in a child process). */
  get options(): UrlOptions {
    return { articles: this.articles, topics: this.topics, tags: this.tags, archive: this.archive, authors: this.authors };
  }

  article(published: DateTime, slug: string): string {
    return this.articles.replace(/\{(yyyy|MM|dd|slug)\}/g, (_, token: string) => (token === "slug" ? slug : published.toFormat(token)));
  }

  topic(slug: string): string {
    return `${this.topics}${slug}/`;
  }

  /** A topic's Atom feed: the site-wide feed's file name in the topic's folder. */
  topicFeed(slug: string): string {
    return `${this.topic(slug)}${posix.basename(this.atom)}`;
  }

  /** An author's page (their articles, paginated like a topic's). */
  author(slug: string): string {
    return `${this.authors}${slug}/`;
  }

  /** An author's Atom feed: the site-wide feed's file name in the author's folder. */
  authorFeed(slug: string): string {
    return `${this.author(slug)}${posix.basename(this.atom)}`;
  }

  tag(slug: string): string {
    return `${this.tags}${slug}/`;
  }

  /** A sitemap file the index lists: "2026-01" (a month's articles), "pages", "lists-2" and so on. */
  sitemapFile(name: string): string {
    return `${SITEMAP_FILES}${name}.xml`;
  }
}

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
  return relativePath(fromDir, urlToFile(path)) + suffix;
}

/**
 * posix.relative for absolute paths, with a fast path for clean ones (no ".", ".." or empty
 * segments): pages compute hundreds of thousands of these in a large build.
 */
export function relativePath(fromDir: string, to: string): string {
  if (to.endsWith("/") || fromDir.includes("/.") || to.includes("/.") || fromDir.includes("//") || to.includes("//")) return posix.relative(fromDir, to);
  const from = fromDir.endsWith("/") ? fromDir : `${fromDir}/`;
  const target = `${to}/`;
  // Just after the last "/" the two share.
  let common = 0;
  for (let index = 0; index < from.length && index < target.length && from[index] === target[index]; index++) {
    if (from[index] === "/") common = index + 1;
  }
  let ups = 0;
  for (let index = common; index < from.length; index++) if (from[index] === "/") ups++;
  const rest = to.slice(common);
  return rest === "" ? "../".repeat(ups).slice(0, -1) : "../".repeat(ups) + rest;
}

/** An absolute URL under the site's base URL, which may itself have a path (`https://host/news/`). */
export function absoluteUrl(target: string, siteUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return target;
  return siteUrl.replace(/\/+$/, "") + (target.startsWith("/") ? target : `/${target}`);
}
