// From parsed article files to the site's articles, with the checks across files: two
// articles with one URL, two spellings of one tag.
import { describeValue, type ContentProblem } from "../errors.js";
import { slugify } from "../slug.js";
import { ASSETS_DIR, FINGERPRINTED_DIR } from "../assets.js";
import { IMAGES_DIR } from "../images.js";
import { FIXED_URLS, SITEMAP_FILES, type UrlScheme } from "../urls.js";
import type { ParsedArticle } from "./article-file.js";
import type { ArticleSource, LoadOptions } from "./load.js";
import type { Authors } from "./authors.js";
import type { Article, Author, ScheduledArticles, Tag, Topic } from "./model.js";

/**
 * The articles of the site (drafts and scheduled ones only when options.includeDrafts), with
 * the checks across files: two articles with one URL, two spellings of one tag. An article
 * dated after `now` (the build's clock) is scheduled: left out like a draft, and counted; it
 * still claims its URL and tags, so that a clash is found before it goes out.
 */
export function toArticles(
  sources: Iterable<ArticleSource>,
  topics: ReadonlyMap<string, Topic>,
  options: LoadOptions,
  urls: UrlScheme,
  problems: ContentProblem[],
  now: Date,
  /** _data/authors.json; undefined when it has problems of its own (articles' authors are then not checked). */
  authors: Authors | undefined,
): { articles: Article[]; scheduled: ScheduledArticles } {
  const articles: Article[] = [];
  const scheduled: ScheduledArticles = { count: 0, next: undefined };
  const nowMs = now.getTime();
  const addresses = new SiteAddresses(urls);
  const tags = new TagIndex(urls);
  for (const { sourceFile, parsed, hash } of sources) {
    if (parsed.slug === "") {
      problems.push({ file: parsed.file, message: "has a file name with no letters or digits to make a URL from; rename the file (e.g. 2026-01-14-novyna-dnia.md) or add a slug field, e.g. slug: novyna-dnia" });
      continue;
    }
    addresses.add(parsed, problems);
    const articleTags = tags.tagsOf(parsed, problems);
    const articleAuthors = authorsOf(parsed, authors, problems);
    const topic = topics.get(parsed.topic);
    const isScheduled = parsed.date > nowMs && !parsed.draft;
    if (isScheduled) {
      scheduled.count++;
      if (scheduled.next === undefined || parsed.date < scheduled.next.getTime()) scheduled.next = new Date(parsed.date);
    }
    // No topic: topics.json has problems of its own, and nothing is built.
    if (!topic || ((parsed.draft || isScheduled) && !options.includeDrafts)) continue;
    const article = toArticle(parsed, hash, topic, articleTags, articleAuthors, sourceFile);
    // Whether the live blog is still on is the build clock's to say, like scheduling.
    if (parsed.live) article.live = { updates: parsed.live.updates, ...(parsed.live.until !== undefined && { until: new Date(parsed.live.until) }), current: parsed.live.until === undefined || parsed.live.until > nowMs };
    // (Only the preview has scheduled articles: unpublished like drafts, marked otherwise.)
    if (isScheduled) Object.assign(article, { draft: true, scheduled: true });
    articles.push(article);
  }
  return { articles, scheduled };
}

/**
 * Every address the articles claim: their URLs and their old ones (`aliases`). Two claims
 * on one address are a problem (both files named), as is an alias where the site has a page
 * of its own (lists, feeds, sitemaps, assets).
 */
class SiteAddresses {
  /** Address → the file that claims it, and how. */
  readonly #claims = new Map<string, { file: string; alias: boolean }>();
  readonly #reserved: readonly string[];

  constructor(readonly urls: UrlScheme) {
    this.#reserved = [urls.topics, urls.tags, urls.archive, urls.authors, SITEMAP_FILES, FINGERPRINTED_DIR, FIXED_URLS.search, `/${ASSETS_DIR}/`, `/${IMAGES_DIR}/`];
  }

  add({ file, url, ownSlug, aliases = [] }: ParsedArticle, problems: ContentProblem[]): void {
    const clash = this.#claims.get(url);
    if (clash) {
      const rename = ownSlug ? "change the slug of one of them" : "rename one of the files or give it a slug field";
      problems.push({ file, field: ownSlug ? "slug" : undefined, message: `gives the URL ${url}, which ${clash.file} ${clash.alias ? "lists in its aliases" : "has too"}; ${clash.alias ? "remove the alias there" : rename}` });
    }
    this.#claims.set(url, { file, alias: false });
    for (const alias of aliases) {
      const owner = this.#claims.get(alias);
      if (alias === url) {
        problems.push({ file, field: "aliases", message: `${describeValue(alias)} is the article's own URL; remove it from aliases` });
      } else if (owner) {
        problems.push({ file, field: "aliases", message: `${describeValue(alias)} is ${owner.alias ? "an alias" : "the URL"} of ${owner.file} too; an address can lead to one article only` });
      } else if (this.#isSitePage(alias)) {
        problems.push({ file, field: "aliases", message: `${describeValue(alias)} is a page of the site itself (home, lists, feeds or assets); remove it from aliases` });
      } else {
        this.#claims.set(alias, { file, alias: true });
      }
    }
  }

  #isSitePage(address: string): boolean {
    const fixed: readonly string[] = [...Object.values(FIXED_URLS), "/index.html"];
    return fixed.includes(address) || this.#reserved.some((folder) => address.startsWith(folder));
  }
}

/** The tags of all articles: one spelling per tag page, each name transliterated once. */
class TagIndex {
  // A few hundred tags on thousands of articles: each is transliterated once.
  readonly #slugOfName = new Map<string, string>();
  readonly #ownerOfSlug = new Map<string, { name: string; file: string }>();
  readonly #tagOfSlug = new Map<string, Tag>();

  constructor(readonly urls: UrlScheme) {}

  /** An article's tags; a tag with no letters, or spelled otherwise elsewhere, is a problem. */
  tagsOf({ file, tags: names }: ParsedArticle, problems: ContentProblem[]): Tag[] {
    const tags: Tag[] = [];
    for (const name of names) {
      const slug = this.#slugOf(name);
      const owner = this.#ownerOfSlug.get(slug);
      if (slug === "") {
        problems.push({ file, field: "tags", message: `${describeValue(name)} has no letters or digits to make a URL from; reword the tag` });
      } else if (owner && owner.name !== name) {
        problems.push({ file, field: "tags", message: `${describeValue(name)} and ${describeValue(owner.name)} (in ${owner.file}) would share the page ${this.urls.tag(slug)}; write the tag the same way everywhere` });
      } else {
        // One Tag object per tag, shared by its articles (a new one per article was ~75 MB at 100,000 articles).
        let shared = this.#tagOfSlug.get(slug);
        if (!shared) {
          this.#ownerOfSlug.set(slug, { name, file });
          this.#tagOfSlug.set(slug, (shared = { name, slug, url: this.urls.tag(slug) }));
        }
        tags.push(shared);
      }
    }
    return tags;
  }

  #slugOf(name: string): string {
    let slug = this.#slugOfName.get(name);
    if (slug === undefined) this.#slugOfName.set(name, (slug = slugify(name)));
    return slug;
  }
}

/** An article's authors (the shared objects); an unknown slug is a problem that lists the known ones. */
function authorsOf({ file, authors: slugs }: ParsedArticle, authors: Authors | undefined, problems: ContentProblem[]): readonly Author[] {
  if (!slugs || !authors) return NO_AUTHORS;
  const found: Author[] = [];
  for (const slug of slugs) {
    const author = authors.bySlug.get(slug);
    if (author) found.push(author);
    else {
      const known = authors.bySlug.size === 0 ? `${authors.file} has no authors yet; add the author there (slug, name) or remove the field` : `use one of: ${[...authors.bySlug.keys()].join(", ")}, or add the author to ${authors.file}`;
      problems.push({ file, field: "author", message: `${describeValue(slug)} is not an author in ${authors.file}; ${known}` });
    }
  }
  return found;
}

/** `updated`, or the latest correction when that is later: a correction modifies the article. */
function lastUpdate({ updated, corrections, live, date }: ParsedArticle): Date | undefined {
  // (A live blog's latest update too, when after its start.)
  const latest = Math.max(updated ?? -Infinity, ...(corrections ?? []).map((correction) => correction.date), live && live.latest > date ? live.latest : -Infinity);
  return latest === -Infinity ? undefined : new Date(latest);
}

const NO_FIELDS: Readonly<Record<string, unknown>> = Object.freeze({});
/** Most articles have no author of their own (the newsroom's): one shared empty list. */
const NO_AUTHORS: readonly Author[] = Object.freeze([]);

function toArticle(parsed: ParsedArticle, contentHash: string, topic: Topic, tags: Tag[], authors: readonly Author[], sourceFile: string): Article {
  return {
    sourceFile,
    contentHash,
    // Most articles have no fields of their own: one shared empty object for all of them.
    frontMatter: Object.keys(parsed.data).length === 0 ? NO_FIELDS : parsed.data,
    title: parsed.title,
    lede: parsed.lede,
    source: parsed.source,
    date: new Date(parsed.date),
    updated: lastUpdate(parsed),
    ...(parsed.corrections && { corrections: parsed.corrections.map(({ date, text }) => ({ date: new Date(date), text })) }),
    day: parsed.day,
    dateOnly: parsed.dateOnly,
    url: parsed.url,
    topic,
    tags,
    authors,
    slug: parsed.slug,
    ...(parsed.aliases && { aliases: parsed.aliases }),
    draft: parsed.draft,
    readingMinutes: parsed.readingMinutes,
    ...(parsed.image && { image: parsed.image }),
    ...(parsed.bodyImages && { bodyImages: parsed.bodyImages }),
    video: undefined,
    related: [],
  };
}
