// The site's sitemaps from the content model: which page goes into which file.
//
// sitemaps.org allows 50,000 URLs a file, and a newsroom passes that in a few years, so
// sitemap.xml is an index of files cut so that publishing changes as few of them as it can:
// - `sitemaps/YYYY-MM.xml`: the articles published in that month (in the site's zone),
//   oldest first; a month of more than 50,000 is cut into `YYYY-MM.xml`, `YYYY-MM-2.xml` …
//   A new article goes into its own month's file: older months' files stay byte for byte
//   the same (they change only when one of their articles is edited or deleted);
// - `sitemaps/lists.xml`, `lists-2.xml` …: the full numbered list pages (`/arkhiv/1/` …), in
//   the order they were made, whose articles never change (pagination.ts): a new page is
//   appended to the last file, so the earlier ones stay the same;
// - `sitemaps/pages.xml`, `pages-2.xml` …: the pages that change with every article: home,
//   the topics, tags and authors indexes (with the tags' letter pages), the first page of every list.
// Every URL has a <lastmod>: the latest publication or update among the articles the page
// shows (for home and the indexes, among all articles: an upper bound, never too early).
// Drafts are in none of them.
import type { Article, NewsSite } from "./content/index.js";
import { cutSitemap, latest, newsSitemapXml, recentNews, SITEMAP_LIMITS, sitemapIndexXml, sitemapXml, type SitemapEntry, type SitemapLimits } from "./sitemap.js";
import { absoluteUrl } from "./urls.js";

/** One file the sitemap index lists (written by the build: plugin/index-files.ts). */
export interface SitemapFile {
  /** Site-root URL of the file. */
  url: string;
  /** The latest lastmod of its URLs. */
  lastmod?: Date;
}

const changed = (article: Article) => article.updated ?? article.date;

/** The latest publication or update among the articles: `latest` of their entries, without making them. */
function latestChange(articles: readonly Article[]): Date | undefined {
  let newest: Date | undefined;
  let newestMs = -Infinity;
  for (const article of articles) {
    const date = changed(article);
    const ms = date.getTime();
    if (ms > newestMs) (newest = date), (newestMs = ms);
  }
  return newest;
}

const keysOf = <Item>(items: readonly Item[], keyOf: (item: Item) => string) => {
  let text = "";
  for (const item of items) text += keyOf(item);
  return text;
};

export class SiteSitemaps {
  /** Every sitemap file, in the order the index lists them: pages, lists, then months, newest first. */
  readonly files: readonly SitemapFile[];
  /**
   * The files this build writes (plugin/index-files.ts): all of
   * them, but in an incremental build only those whose entries changed (see incremental.ts).
   */
  filesToWrite: readonly SitemapFile[];
  /**
   * Each file's entries, made again when asked for: kept, a month's entries (an object and an
   * absolute URL an article) were ~100 bytes an article in the build's heap for the whole build.
   */
  readonly #entries = new Map<string, () => readonly SitemapEntry[]>();

  /** Each file's URLs and lastmods as text (see contentKey), made when asked for. */
  readonly #keys = new Map<string, () => string>();

  constructor(
    readonly news: NewsSite,
    limits: SitemapLimits = SITEMAP_LIMITS,
  ) {
    const files: SitemapFile[] = [];
    const add = <Item>(name: string, items: readonly Item[], toEntry: (item: Item) => SitemapEntry, keyOf: (item: Item) => string) => {
      let from = 0;
      cutSitemap(items.map(toEntry), limits).forEach((part, index) => {
        const url = news.urls.sitemapFile(index === 0 ? name : `${name}-${index + 1}`);
        const range = [from, (from += part.length)] as const;
        this.#entries.set(url, () => items.slice(...range).map(toEntry));
        this.#keys.set(url, () => keysOf(items.slice(...range), keyOf));
        files.push({ url, lastmod: latest(part) });
      });
    };
    const asIs = (entry: SitemapEntry) => entry;
    const entryKey = (entry: SitemapEntry) => `${entry.url}\t${entry.lastmod?.getTime() ?? ""}\n`;
    add("pages", this.#pageEntries(), asIs, entryKey);
    add("lists", this.#listEntries(), asIs, entryKey);
    const monthEntry = (article: Article): SitemapEntry => ({ url: this.#absolute(article.url), lastmod: changed(article) });
    // (Site-root URLs: the site's URL is in every page's fingerprint, incremental.ts.)
    const articleKey = (article: Article) => `${article.url}\t${changed(article).getTime()}\n`;
    for (const [month, articles] of this.#months()) {
      if (!this.#fitsOneFile(articles, limits)) {
        add(month, articles, monthEntry, articleKey);
        continue;
      }
      // A month far below the limits (every month but a million-article newsroom's) is one
      // file: its entries need not be made to be cut (100,000 absolute URLs a build).
      const url = news.urls.sitemapFile(month);
      this.#entries.set(url, () => articles.map(monthEntry));
      this.#keys.set(url, () => keysOf(articles, articleKey));
      files.push({ url, lastmod: latestChange(articles) });
    }
    this.files = files;
    this.filesToWrite = files;
  }

  /**
   * What a file's XML is made of besides the site's URL and the zone, as text: each URL
   * (site-root for articles) with its lastmod, one a line: for a hash, cheaper than the file's entries.
   */
  contentKey(url: string): string {
    return this.#keys.get(url)?.() ?? "";
  }

  /**
   * Whether these articles' entries surely fit one file: an upper bound of their XML (an
   * escaped character is at most 6 bytes, "&quot;"; any other at most 3 in UTF-8) within the limits.
   */
  #fitsOneFile(articles: readonly Article[], limits: SitemapLimits): boolean {
    if (articles.length > limits.urls) return false;
    const site = this.news.site.url.length + 1;
    let bytes = 1_000;
    for (const article of articles) bytes += 200 + 6 * (site + article.url.length);
    return bytes <= limits.bytes;
  }

  get #zone(): string {
    return this.news.options.timeZone;
  }

  #absolute(path: string): string {
    return absoluteUrl(path, this.news.site.url);
  }

  /** Home, the indexes and every list's first page. */
  #pageEntries(): SitemapEntry[] {
    const { news } = this;
    const newest = this.#listingLastmod(news.articles);
    return [
      ...[news.urls.home, news.urls.topics, news.urls.tags, ...news.tagLetterPages.map((page) => page.url), ...news.authorsIndex.map((page) => page.url)].map((url) => ({ url: this.#absolute(url), lastmod: newest })),
      ...news.listings.filter((listing) => listing.number === 0).map((listing) => ({ url: this.#absolute(listing.url), lastmod: this.#listingLastmod(listing.items) })),
    ];
  }

  /** The latest publication or update among the articles (drafts aside). */
  #listingLastmod(items: readonly Article[]): Date | undefined {
    // Compared as numbers: a Date comparison converts both dates, and this runs over every list page's articles.
    let newest: Date | undefined;
    let newestMs = -Infinity;
    for (const article of items) {
      if (article.draft) continue;
      const date = changed(article);
      const ms = date.getTime();
      if (ms > newestMs) (newest = date), (newestMs = ms);
    }
    return newest;
  }

  /**
   * The full numbered list pages, in the order they were made: page k of a list of n articles
   * of `size` a page appeared with its ((k + 1) × size)-th article from the oldest (n − (k + 1)
   * × size from the newest), when its first page first held more than 2 × size − 1.
   */
  #listEntries(): SitemapEntry[] {
    const { news } = this;
    const size = news.options.pageSize;
    const lists = new Map<string, readonly Article[]>([
      [news.urls.archive, news.articles],
      ...news.topics.map((topic): [string, readonly Article[]] => [topic.url, news.articlesOfTopic(topic.slug)]),
      ...news.tags.map((tag): [string, readonly Article[]] => [tag.url, news.articlesOfTag(tag.slug)]),
      ...news.authors.map((author): [string, readonly Article[]] => [author.url, news.articlesOfAuthor(author.slug)]),
    ]);
    const pages = news.listings
      .filter((listing) => listing.number > 0)
      .map((listing) => {
        const list = lists.get(listing.url.slice(0, -`${listing.number}/`.length))!;
        const made = list[list.length - (listing.number + 1) * size]!;
        return { made, madeMs: made.date.getTime(), url: listing.url, entry: { url: this.#absolute(listing.url), lastmod: this.#listingLastmod(listing.items) } };
      });
    // (The time as a number once per page, not read from its Date in each of the sort's comparisons.)
    pages.sort((a, b) => a.madeMs - b.madeMs || (a.made.url < b.made.url ? -1 : a.made.url > b.made.url ? 1 : 0) || (a.url < b.url ? -1 : 1));
    return pages.map((page) => page.entry);
  }

  /** Published articles by month in the site's zone ("2026-01"), newest month first, each oldest first. */
  #months(): Map<string, Article[]> {
    const months = new Map<string, Article[]>();
    for (let index = this.news.articles.length - 1; index >= 0; index--) {
      const article = this.news.articles[index]!;
      if (article.draft) continue;
      const month = article.day.slice(0, 7);
      const articles = months.get(month);
      if (articles) articles.push(article);
      else months.set(month, [article]);
    }
    return new Map([...months].sort(([a], [b]) => (a < b ? 1 : -1)));
  }

  /** sitemap.xml: the index of every file. */
  index(): string {
    return sitemapIndexXml(
      this.files.map((file) => ({ url: this.#absolute(file.url), lastmod: file.lastmod })),
      this.#zone,
    );
  }

  /** One of the files (its site-root URL, as in `files`). */
  file(url: string): string {
    const entries = this.#entries.get(url)?.();
    if (!entries) throw new Error(`${url} is not one of this site's sitemap files (${this.files.map((file) => file.url).join(", ")})`);
    return sitemapXml(entries, this.#zone);
  }

  /** news-sitemap.xml: the articles of the two days up to the build's instant. */
  newsSitemap(): string {
    const { news } = this;
    const items = recentNews(news.articles, news.buildTime).map((article) => ({ url: this.#absolute(article.url), title: article.title, date: article.date }));
    return newsSitemapXml(items, { name: news.site.title, language: news.site.language }, this.#zone);
  }
}
