// Incremental production builds: render only the article and list pages whose content
// differs from what the output folder already holds.
//
// `strichka build` builds into the site before the published one (see publish.ts), so the
// folder it starts from is the output of the build before last. Beside every site it builds
// it keeps that site's page state: a fingerprint of everything that is the same for all
// pages (templates, data, assets, options, versions, the year) and a hash of each article
// and list page's data. When the fingerprint is unchanged, a page whose hash is unchanged
// would come out byte for byte as the file that is already there, so it is not rendered;
// every other page is, as are the few pages that are not paginated over the model (home,
// feeds, indexes). Anything else changed → everything is rendered.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { Listing, NewsSite, PagesToWrite } from "./content/index.js";
import { walkFiles } from "./walk.js";

/** What a built site's pages were made of. */
export interface PageState {
  /** Everything all pages depend on (see sourceFingerprint). */
  fingerprint: string;
  /** Each article and list page's URL → the hash of its data. */
  pages: Record<string, string>;
}

/**
 * A page's hash: 64 bits of two FNV-1a hashes of its text, in base 36. Not cryptographic:
 * it only has to change when the page's data does (a page's old and new data colliding is a
 * 2⁻⁶⁴ chance), and a sha256 per page was 1.4 s of a 100,000-article build.
 */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(36) + "." + (b >>> 0).toString(36);
}

/**
 * The hash of every article and list page's data. Cheap at a million pages: what an article
 * page shows is its own file (its content hash: front matter and body) and its related
 * news; what a list page shows is its own fields and its articles' files. Everything else a
 * page shows (topics, videos, options, templates, versions) is in the fingerprint.
 */
export function pageHashes(news: NewsSite, { latestCount }: { latestCount: number }): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const article of news.articles) {
    let text = `${article.contentHash}\0${article.sourceFile}\0${article.url}`;
    for (const link of article.related) text += `\0${link.url}\t${link.title}\t${link.date.getTime()}`;
    hashes.set(article.url, hash(text));
  }
  for (const listing of news.listings) {
    let text = JSON.stringify({ ...listing, items: undefined } satisfies Omit<Listing, "items"> & { items: undefined });
    for (const item of listing.items) text += `\0${item.url}\t${item.contentHash}`;
    hashes.set(listing.url, hash(text));
  }
  // The site-wide files that are many (and so rendered only when changed): sitemap files,
  // and each topic's feed (its latest articles' files; the feed's own fields are the topic's).
  for (const file of news.sitemaps.files) hashes.set(file.url, hash(news.sitemaps.contentOf(file.url)));
  for (const topic of news.topics) {
    let text = topic.slug;
    for (const article of news.articlesOfTopic(topic.slug).filter((entry) => !entry.draft).slice(0, latestCount)) text += `\0${article.url}\t${article.contentHash}`;
    hashes.set(news.urls.topicFeed(topic.slug), hash(text));
  }
  return hashes;
}

/** The pages whose data differs from `previous`'s (all of them when there is none, or the fingerprints differ). */
export function pagesToRender(news: NewsSite, hashes: ReadonlyMap<string, string>, fingerprint: string, previous: PageState | undefined): PagesToWrite {
  if (!previous || previous.fingerprint !== fingerprint) return { articles: news.articles, listings: news.listings };
  const changed = (url: string) => previous.pages[url] !== hashes.get(url);
  return { articles: news.articles.filter((article) => changed(article.url)), listings: news.listings.filter((listing) => changed(listing.url)) };
}

/**
 * Sets which sitemap files and topic feeds the build writes (those that differ from
 * `previous`'s, all without one) and returns their URLs.
 */
export function selectSiteFiles(news: NewsSite, hashes: ReadonlyMap<string, string>, fingerprint: string, previous: PageState | undefined): string[] {
  const changed = (url: string) => !previous || previous.fingerprint !== fingerprint || previous.pages[url] !== hashes.get(url);
  news.sitemaps.filesToWrite = news.sitemaps.files.filter((file) => changed(file.url));
  news.topicFeedsToWrite = news.topics.filter((topic) => changed(news.urls.topicFeed(topic.slug)));
  return [...news.sitemaps.filesToWrite.map((file) => file.url), ...news.topicFeedsToWrite.map((topic) => news.urls.topicFeed(topic.slug))];
}

/**
 * A fingerprint of what every page depends on: the files below `folders` (templates,
 * data, assets, images: their paths and contents, `skip` left out) and `settings` (options,
 * versions, the year day headings are relative to).
 */
export function sourceFingerprint(folders: readonly string[], skip: (path: string) => boolean, settings: unknown): string {
  const digest = createHash("sha256").update(JSON.stringify(settings));
  // Paths relative to each folder (in the order given): the same site in another place (a CI
  // machine's fresh clone) has the same fingerprint.
  [...new Set(folders)].forEach((folder, index) => {
    for (const file of walkFiles(folder, { wanted: () => true, skip }).files) {
      digest.update(`\0${index}:${relative(folder, file)}\0`).update(readFileSync(file));
    }
  });
  return digest.digest("base64url");
}

/** A page state read from disk, or undefined when it is missing or not one: it is only ever an optimisation. */
export function parsePageState(text: string): PageState | undefined {
  try {
    const state = JSON.parse(text) as Partial<PageState>;
    if (typeof state.fingerprint !== "string" || !state.pages || typeof state.pages !== "object") return undefined;
    if (!Object.values(state.pages).every((value) => typeof value === "string")) return undefined;
    return { fingerprint: state.fingerprint, pages: state.pages };
  } catch {
    return undefined;
  }
}
