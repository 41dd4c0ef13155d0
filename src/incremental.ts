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
import type { Article, ArticleLink, NewsSite, PagesToWrite } from "./content/index.js";
import type { ArticleImage, BodyImage } from "./images.js";
import { walkFiles } from "./walk.js";

/** What a built site's pages were made of. */
export interface PageState {
  /** Everything all pages depend on (see sourceFingerprint). */
  fingerprint: string;
  /** Each article and list page's URL → the hash of its data. */
  pages: ReadonlyMap<string, string>;
}

/**
 * Page hashes: 64 bits of two FNV-1a-style lanes, in base 36. Not cryptographic: a hash only
 * has to change when the page's data does (its old and new data colliding is a 2⁻⁶⁴ chance).
 * A sha256 per page was 1.4 s of a 100,000-article build, and hashing each page's text in
 * JavaScript 2 s (most of it building the text): an article is hashed once from its file's
 * content hash, and pages mix those numbers.
 */
class Hasher {
  a = 0x811c9dc5;
  b = 0x9747b28c;

  reset(): this {
    this.a = 0x811c9dc5;
    this.b = 0x9747b28c;
    return this;
  }

  text(value: string): this {
    for (let index = 0; index < value.length; index++) this.number(value.charCodeAt(index));
    return this.number(0xffff);
  }

  number(value: number): this {
    this.a = Math.imul(this.a ^ value, 0x01000193);
    this.b = Math.imul(this.b ^ value, 0x5bd1e995) ^ (this.b >>> 15);
    return this;
  }

  hasher(other: Hasher): this {
    return this.number(other.a).number(other.b);
  }

  toString(): string {
    return `${(this.a >>> 0).toString(36)}.${(this.b >>> 0).toString(36)}`;
  }
}

/** Long texts are digested natively (a JavaScript loop over every character is slower). */
const digest = (text: string) => createHash("md5").update(text).digest("base64url");
const hash = (text: string) => new Hasher().text(digest(text)).toString();

type OwnData = ArticleLink & { contentHash?: string; image?: ArticleImage; bodyImages?: BodyImage[]; live?: { current: boolean } };

/** Mixes into `hasher` an article's own data: what every page that shows it shows of it. */
function ownHash(hasher: Hasher, article: OwnData): Hasher {
  hasher.text(article.contentHash ?? `${article.url}\t${article.title}\t${article.date.getTime()}`);
  // Its photo's version: the file is not in the fingerprint (build.ts); its front matter is in the content hash.
  if (article.image?.file) hasher.text(article.image.file.id);
  // A live blog's «Наживо» is the build clock's to say: its end passing changes the page.
  if (article.live?.current) hasher.text("live");
  for (const image of article.bodyImages ?? []) if (image.file) hasher.text(image.file.id);
  return hasher;
}

/**
 * Each article's own data hashed once (see ownHash), kept as two numbers an article in typed
 * arrays by its place in the feed: a hasher object an article lived through the whole of
 * pageHashes (the heap's scavenges copied each of them).
 */
class OwnHashes {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly #articles: readonly OwnData[];

  constructor(articles: readonly OwnData[]) {
    this.#articles = articles;
    this.a = new Int32Array(articles.length);
    this.b = new Int32Array(articles.length);
    const scratch = new Hasher();
    articles.forEach((article, place) => {
      ownHash(scratch.reset(), article);
      this.a[place] = scratch.a;
      this.b[place] = scratch.b;
      (article as Placed)[FEED_PLACE] = place;
    });
  }

  /** Mixes the article at `place` in the feed into `page`. */
  mixPlace(page: Hasher, place: number): Hasher {
    return page.number(this.a[place]!).number(this.b[place]!);
  }

  /** Mixes `article` into `page` (an article not in the feed — none today — is hashed here). */
  mix(page: Hasher, article: OwnData): Hasher {
    const place = (article as Placed)[FEED_PLACE];
    // The mark may be another build's (the preview keeps articles across builds): checked.
    return place !== undefined && this.#articles[place] === article ? this.mixPlace(page, place) : page.hasher(ownHash(new Hasher(), article));
  }
}

/**
 * An article's place in the feed, marked on the article by OwnHashes: a list page's items
 * are found by it. (A Map from article to place was 4.5 s of a million-article build: a
 * lookup per item of every list page, each a cache miss in a million-entry table.)
 */
const FEED_PLACE = Symbol("feed place");
type Placed = { [FEED_PLACE]?: number };

/**
 * The hash of every article and list page's data. Cheap at a million pages: what an article
 * page shows is its own file (its content hash: front matter and body) and its related
 * news; what a list page shows is its own fields and its articles' files. Everything else a
 * page shows (topics, videos, options, templates, versions) is in the fingerprint.
 */
export function pageHashes(news: NewsSite, { latestCount }: { latestCount: number }): Map<string, string> {
  const hashes = new Map<string, string>();
  // An article's own data is its file's content (its URL, title, date … follow from it and
  // from what the fingerprint covers): hashed once, mixed into every page that shows it.
  const own = new OwnHashes(news.articles);
  hashArticlePages(news, own, hashes);
  const page = new Hasher();
  for (const listing of news.listings) {
    const { items: _items, ...fields } = listing;
    // (A few hundred characters: hashed here, where a native digest's setup cost more.)
    page.reset().text(JSON.stringify(fields));
    for (const item of listing.items) own.mix(page, item);
    hashes.set(listing.url, page.toString());
  }
  hashSiteFiles(news, latestCount, hashes);
  return hashes;
}

/** Each article page's hash: the article's own data and its related news'. */
function hashArticlePages(news: NewsSite, own: OwnHashes, hashes: Map<string, string>): void {
  const { articles } = news;
  // Related news by their places, as the indexes worked them out, when the model has them (and they are the lists it shows).
  const related = news.options.relatedPlaces;
  const { count, after } = related && related.after.length === related.count * articles.length ? related : { count: 0, after: undefined };
  /** Whether the places are the article's related news, link for link. */
  const placed = (links: readonly ArticleLink[], place: number) => {
    if (!after || links.length > count || (links.length < count && after[place * count + links.length] !== 0)) return false;
    for (let slot = 0; slot < links.length; slot++) if (articles[place + after[place * count + slot]!] !== links[slot]) return false;
    return true;
  };
  const page = new Hasher();
  articles.forEach((article, place) => {
    own.mixPlace(page.reset(), place);
    if (placed(article.related, place)) {
      for (let slot = 0; slot < article.related.length; slot++) own.mixPlace(page, place + after![place * count + slot]!);
    } else for (const link of article.related) own.mix(page, link);
    hashes.set(article.url, page.toString());
  });
}

/**
 * The hashes of the site-wide files that are many (and so rendered only when changed):
 * sitemap files, search files, redirect pages, and each topic's and author's feed (its
 * latest articles' files; the feed's own fields are the topic's or author's).
 */
function hashSiteFiles(news: NewsSite, latestCount: number, hashes: Map<string, string>): void {
  for (const file of news.sitemaps.files) hashes.set(file.url, hash(news.sitemaps.contentKey(file.url)));
  for (const [url, shardHash] of searchShardHashes(news)) hashes.set(url, shardHash);
  // A redirect page shows its article's title and links to its URL.
  for (const alias of news.aliases) hashes.set(alias.url, new Hasher().text(alias.url).text(alias.article.url).text(alias.article.title).toString());
  // (The file's path too: it is the entry's id.)
  const feedHash = (key: string, articles: readonly Article[]) => {
    let text = key;
    for (const article of articles.filter((entry) => !entry.draft).slice(0, latestCount)) text += `\0${article.url}\t${article.contentHash}\t${article.sourceFile}\t${article.image?.file?.id ?? ""}`;
    return hash(text);
  };
  for (const topic of news.topics) hashes.set(news.urls.topicFeed(topic.slug), feedHash(topic.slug, news.articlesOfTopic(topic.slug)));
  for (const author of news.authors) hashes.set(author.feedUrl, feedHash(author.slug, news.articlesOfAuthor(author.slug)));
}

/**
 * Each search index file's hash: its articles' files (and their URLs, which follow from them
 * and the fingerprint; their topics' titles are in the fingerprint).
 */
export function searchShardHashes(news: NewsSite): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const shard of news.search.shards) {
    let text = shard.name;
    for (const article of shard.articles) text += `\0${article.contentHash}\t${article.url}`;
    hashes.set(shard.url, hash(text));
  }
  return hashes;
}

/** The pages whose data differs from `previous`'s (all of them when there is none, or the fingerprints differ). */
export function pagesToRender(news: NewsSite, hashes: ReadonlyMap<string, string>, fingerprint: string, previous: PageState | undefined): PagesToWrite {
  if (!previous || previous.fingerprint !== fingerprint) return { articles: news.articles, listings: news.listings };
  const changed = (url: string) => previous.pages.get(url) !== hashes.get(url);
  return { articles: news.articles.filter((article) => changed(article.url)), listings: news.listings.filter((listing) => changed(listing.url)) };
}

/**
 * Sets which sitemap files, topic and author feeds, redirect pages and search files the build writes (those that differ from
 * `previous`'s, all without one) and returns their URLs.
 */
export function selectSiteFiles(news: NewsSite, hashes: ReadonlyMap<string, string>, fingerprint: string, previous: PageState | undefined): string[] {
  const changed = (url: string) => !previous || previous.fingerprint !== fingerprint || previous.pages.get(url) !== hashes.get(url);
  news.sitemaps.filesToWrite = news.sitemaps.files.filter((file) => changed(file.url));
  news.topicFeedsToWrite = news.topics.filter((topic) => changed(news.urls.topicFeed(topic.slug)));
  news.authorFeedsToWrite = news.authors.filter((author) => changed(author.feedUrl));
  news.aliasesToWrite = news.aliases.filter((alias) => changed(alias.url));
  news.search.shardsToWrite = news.search.shards.filter((shard) => changed(shard.url));
  return [...news.sitemaps.filesToWrite.map((file) => file.url), ...news.topicFeedsToWrite.map((topic) => news.urls.topicFeed(topic.slug)), ...news.authorFeedsToWrite.map((author) => author.feedUrl), ...news.aliasesToWrite.map((alias) => alias.url), ...news.search.shardsToWrite.map((shard) => shard.url)];
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

/**
 * A page state as a file: the URLs and their hashes in two arrays. (An object keyed by URL
 * cost 10 times as much to read and write at 100,000 articles: JSON.parse makes every key
 * a property name, interned one by one.)
 */
export function pageStateText(state: PageState): string {
  return JSON.stringify({ fingerprint: state.fingerprint, urls: [...state.pages.keys()], hashes: [...state.pages.values()] });
}

/**
 * A page state read from disk (the pages of which `keep` holds only), or undefined when it is
 * missing or not one: it is only ever an optimisation. The format before pageStateText's (an
 * object of URLs) is read too, so that the build after an upgrade is still incremental.
 */
export function parsePageState(text: string, keep: (url: string) => boolean = () => true): PageState | undefined {
  try {
    const state = JSON.parse(text) as { fingerprint?: unknown; urls?: unknown; hashes?: unknown; pages?: unknown };
    if (typeof state.fingerprint !== "string") return undefined;
    const { urls, hashes } = Array.isArray(state.urls) && Array.isArray(state.hashes) ? state : state.pages && typeof state.pages === "object" ? { urls: Object.keys(state.pages), hashes: Object.values(state.pages) } : {};
    if (!Array.isArray(urls) || !Array.isArray(hashes) || urls.length !== hashes.length) return undefined;
    const pages = new Map<string, string>();
    for (let index = 0; index < urls.length; index++) {
      const url: unknown = urls[index];
      const hash: unknown = hashes[index];
      if (typeof url !== "string" || typeof hash !== "string") return undefined;
      if (keep(url)) pages.set(url, hash);
    }
    return { fingerprint: state.fingerprint, pages };
  } catch {
    return undefined;
  }
}
