// The content model: articles, topics, tags and list pages as templates read them (the
// `strichka` global data).
import { DateTime } from "luxon";
import { paginate, type ListPage } from "../pagination.js";
import { SiteSearch } from "../site-search.js";
import { SiteSitemaps } from "../site-sitemaps.js";
import { tagLetterPages, topTags, type TagLetterPage } from "../tag-letters.js";
import { UrlScheme } from "../urls.js";
import type { ArticleImage, BodyImage } from "../images.js";
import type { VideoOfTheDay } from "../video.js";
import type { BreakingNews } from "../breaking.js";
import type { SiteSettings } from "./schema.js";

export interface Topic {
  slug: string;
  title: string;
  description: string;
  url: string;
}

/** A journalist of the newsroom (_data/authors.json). */
export interface Author {
  slug: string;
  /** As the byline shows it: «Олена Коваль». */
  name: string;
  role?: string;
  bio?: string;
  /** A local image's path, from the site root. */
  photo?: string;
  /** The author's page: their articles, paginated like a topic's. */
  url: string;
  /** Their Atom feed. */
  feedUrl: string;
}

export interface Tag {
  name: string;
  slug: string;
  url: string;
}

/** A tag with how many articles carry it, for the tags index. */
export interface TagSummary extends Tag {
  count: number;
}

/**
 * What a list page's template may use of each of its items (`listing.items`): a big build
 * renders list pages in shards (see shards.ts), whose items carry these fields only.
 */
export const LIST_ITEM_FIELDS = ["title", "url", "date", "day", "dateOnly", "topic", "draft", "scheduled", "image", "live"] as const satisfies readonly (keyof Article)[];

/** One page of a paginated list: the archive, a topic or a tag. */
export interface Listing extends ListPage<Article> {
  kind: "archive" | "topic" | "tag" | "author";
  /** The list's name, e.g. the topic's title or «Київ». */
  heading: string;
  description?: string;
  /** The topic's or author's own Atom feed. */
  feedUrl?: string;
  /** An author's page: the author (their role, bio and photo). */
  author?: Author;
}

/** What a list or the related block needs of an article. */
export interface ArticleLink {
  title: string;
  url: string;
  date: Date;
}

export interface Article extends ArticleLink {
  /** Path inside the articles folder ("x.md"): with the publication day, the article's permanent feed id. */
  sourceFile: string;
  /**
   * The version of the article's file (a hash of its bytes). The body is not kept in memory
   * (a million articles' bodies would not fit): pages and feeds read it from the file
   * (`readArticleBody`), which must still be this version.
   */
  contentHash: string;
  /**
   * The front-matter fields of a site's own, as written (e.g. `article.frontMatter.photographer` in
   * an overridden layout); strichka's own fields (title, date, …) are the article's fields.
   */
  frontMatter: Readonly<Record<string, unknown>>;
  lede?: string;
  source?: string;
  /** The last update: `updated`, or the latest correction when that is later (feeds, sitemaps and JSON-LD follow it). */
  updated?: Date;
  /** Corrections (`corrections:`), oldest first; absent when none. */
  corrections?: readonly { date: Date; text: string }[];
  /**
   * A live blog (`live: true`): how many updates, its end (`liveUntil`), and whether it is
   * still on at the build's clock (its page says «Наживо»). The updates are read from the
   * body when its page is rendered (live-blog.ts).
   */
  live?: { updates: number; until?: Date; current: boolean };
  /** Kyiv calendar day of publication, YYYY-MM-DD. */
  day: string;
  /** The editor gave a day without a time: pages show no «00:00». */
  dateOnly: boolean;
  topic: Topic;
  tags: Tag[];
  /** Its authors (`author:` in its front matter), shared objects; empty: the newsroom's (site.author). */
  authors: readonly Author[];
  slug: string;
  /** Old URLs of the article (`aliases:` in its front matter), each redirected here. */
  aliases?: readonly string[];
  /**
   * Not published by this build: `draft: true` in its front matter, or scheduled (below).
   * Only the preview has such articles.
   */
  draft: boolean;
  /** Dated after the build's clock: published by the first production build after its date (the preview shows it, marked). */
  scheduled?: boolean;
  readingMinutes: number;
  /** The photo under the headline (`image:`), with its file once the content is checked (images.ts). */
  image?: ArticleImage;
  /** The photos of content/images/ its text shows (`![Опис](/images/x.jpg)`), with their files once checked; absent when none. */
  bodyImages?: BodyImage[];
  video?: VideoOfTheDay;
  related: ArticleLink[];
}

/** The articles dated after the build's clock: how many, and the first one's time. */
export interface ScheduledArticles {
  count: number;
  next: Date | undefined;
}

/** An article's old URL: a page there (and a 301 rule) sends readers to the article. */
export interface Alias {
  /** The old URL, from the site root. */
  url: string;
  article: Article;
}

/** The article and list pages a build writes. */
export interface PagesToWrite {
  articles: readonly Article[];
  listings: readonly Listing[];
}

/** The articles of each topic, tag and author, in the feed's order, and the tags in the alphabet's order with their counts. */
function indexArticles(articles: readonly Article[], topics: readonly Topic[], authors: readonly Author[]) {
  const byTopic = new Map<string, Article[]>(topics.map((topic) => [topic.slug, []]));
  const byTag = new Map<string, Article[]>();
  const byAuthor = new Map<string, Article[]>(authors.map((author) => [author.slug, []]));
  const tagOfSlug = new Map<string, Tag>();
  for (const article of articles) {
    byTopic.get(article.topic.slug)?.push(article);
    for (const author of article.authors) byAuthor.get(author.slug)?.push(article);
    for (const tag of article.tags) {
      tagOfSlug.set(tag.slug, tag);
      const list = byTag.get(tag.slug);
      if (list) list.push(article);
      else byTag.set(tag.slug, [article]);
    }
  }
  const collator = new Intl.Collator("uk");
  const tags: TagSummary[] = [...tagOfSlug.values()].map((tag) => ({ ...tag, count: byTag.get(tag.slug)!.length })).sort((a, b) => collator.compare(a.name, b.name));
  return { byTopic, byTag, byAuthor, tags };
}

/**
 * The whole site's content. A class rather than a plain object on purpose: Eleventy
 * deep-copies plain objects of global data into every page's data, but passes class
 * instances by reference — with thousands of articles that is the difference between
 * O(n) and O(n²).
 */
export class NewsSite {
  /** The instant of this build, taken once (what "now" means for every page of it). */
  readonly buildTime: Date;
  /** The articles dated after buildTime (a production build leaves them out; the preview shows them, marked). */
  readonly scheduled: ScheduledArticles;
  /** The year in the site's zone when this build ran: day headings of other years show theirs. */
  readonly buildYear: number;
  /** All tags, in Ukrainian alphabetical order. */
  readonly tags: readonly TagSummary[];
  /** The authors of _data/authors.json, in its order (none without the file). */
  readonly authors: readonly Author[];
  /** The topics the masthead links to (the first ones of topics.json). */
  readonly navTopics: readonly Topic[];
  /** Every page of every paginated list (archive, topics, tags), for one Eleventy template. */
  readonly listings: readonly Listing[];
  /**
   * The article and list pages this build writes (the templates paginate over these): all
   * of them, but in a preview rebuild only those that changed (see preview.ts).
   */
  pagesToWrite: PagesToWrite;
  /** The breaking news banner every page shows, while it is current at buildTime (breaking.ts; set by the plugin). */
  breaking: BreakingNews | undefined = undefined;
  /**
   * The topics whose Atom feed this build writes (content/feeds/topics.njk paginates over
   * these): all of them, but in an incremental build only those whose latest articles changed.
   */
  topicFeedsToWrite: readonly Topic[];
  /** The authors whose Atom feed this build writes (content/feeds/authors.njk): as topicFeedsToWrite. */
  authorFeedsToWrite: readonly Author[];
  /**
   * The redirect pages this build writes (the aliases template paginates over these): all of
   * them, but in an incremental build only those that changed.
   */
  aliasesToWrite: readonly Alias[];
  /** Every article's old URLs, in the order of the articles. */
  readonly aliases: readonly Alias[];
  readonly #byTopic: Map<string, Article[]>;
  readonly #byTag: Map<string, Article[]>;
  readonly #byAuthor: Map<string, Article[]>;
  #sitemaps: SiteSitemaps | undefined;
  #search: SiteSearch | undefined;
  #tagLetterPages: TagLetterPage<TagSummary>[] | undefined;
  #topTags: TagSummary[] | undefined;

  constructor(
    readonly site: SiteSettings,
    readonly topics: readonly Topic[],
    /** Newest first; drafts only in preview (`npm start`). */
    readonly articles: readonly Article[],
    readonly videos: readonly VideoOfTheDay[],
    readonly options: {
      timeZone: string;
      pageSize: number;
      navTopics?: number;
      archiveHeading?: string;
      buildTime?: Date;
      scheduled?: ScheduledArticles;
      authors?: readonly Author[];
      /**
       * Each article's related news as places in `articles`: `count` entries an article, how
       * far after it each one is (0: no more), as relatedArticles worked them out. For the
       * page hashes (incremental.ts), which would otherwise look each one up.
       */
      relatedPlaces?: { count: number; after: Int32Array };
    },
    /** Where lists live, for templates: `strichka.urls.archive` and so on. */
    readonly urls: UrlScheme = new UrlScheme(),
  ) {
    this.buildTime = options.buildTime ?? new Date();
    this.scheduled = options.scheduled ?? { count: 0, next: undefined };
    this.buildYear = DateTime.fromJSDate(this.buildTime).setZone(options.timeZone).year;
    // Every page carries the masthead: a newsroom with 40 topics links the main ones there,
    // and the rest from «Усі теми» (the topics index), not 40 links on every page.
    this.navTopics = topics.slice(0, options.navTopics ?? topics.length);
    this.authors = options.authors ?? [];
    const index = indexArticles(articles, topics, this.authors);
    this.#byTopic = index.byTopic;
    this.#byTag = index.byTag;
    this.#byAuthor = index.byAuthor;
    this.tags = index.tags;
    this.listings = this.#paginate(options.pageSize, options.archiveHeading);
    this.pagesToWrite = { articles, listings: this.listings };
    this.topicFeedsToWrite = topics;
    this.authorFeedsToWrite = this.authors;
    this.aliases = articles.flatMap((article) => (article.aliases ?? []).map((url) => ({ url, article })));
    this.aliasesToWrite = this.aliases;
  }

  /** Every list's pages: the archive, each topic's, tag's and author's. */
  #paginate(pageSize: number, archiveHeading = "Архів новин"): Listing[] {
    return [
      ...paginate(this.articles, pageSize, this.urls.archive).map((page): Listing => ({ ...page, kind: "archive", heading: archiveHeading })),
      ...this.topics.flatMap((topic) =>
        paginate(this.articlesOfTopic(topic.slug), pageSize, topic.url).map(
          (page): Listing => ({ ...page, kind: "topic", heading: topic.title, description: topic.description, feedUrl: this.urls.topicFeed(topic.slug) }),
        ),
      ),
      ...this.tags.flatMap((tag) =>
        paginate(this.articlesOfTag(tag.slug), pageSize, tag.url).map((page): Listing => ({ ...page, kind: "tag", heading: tag.name })),
      ),
      ...this.authors.flatMap((author) =>
        paginate(this.articlesOfAuthor(author.slug), pageSize, author.url).map(
          (page): Listing => ({ ...page, kind: "author", heading: author.name, ...(author.role && { description: author.role }), feedUrl: author.feedUrl, author }),
        ),
      ),
    ];
  }

  /** The authors index (content/authors-index.njk paginates over it): one page when there are authors, none otherwise. */
  get authorsIndex(): readonly { url: string }[] {
    return this.authors.length > 0 ? [{ url: this.urls.authors }] : [];
  }

  /** The tags by letter, when there are too many for one index page (tag-letters.ts); none otherwise. */
  get tagLetterPages(): readonly TagLetterPage<TagSummary>[] {
    return (this.#tagLetterPages ??= tagLetterPages(this.tags, this.urls.tags));
  }

  /** The most used tags, for an index page that cannot list them all. */
  get topTags(): readonly TagSummary[] {
    return (this.#topTags ??= topTags(this.tags));
  }

  /** The search index's month files (site-search.ts), cut when first asked for. */
  get search(): SiteSearch {
    return (this.#search ??= new SiteSearch(this));
  }

  /** The sitemap index's files (site-sitemaps.ts), cut when a template first asks. */
  get sitemaps(): SiteSitemaps {
    return (this.#sitemaps ??= new SiteSitemaps(this));
  }

  articlesOfTopic(slug: string): readonly Article[] {
    return this.#byTopic.get(slug) ?? [];
  }

  articlesOfTag(slug: string): readonly Article[] {
    return this.#byTag.get(slug) ?? [];
  }

  articlesOfAuthor(slug: string): readonly Article[] {
    return this.#byAuthor.get(slug) ?? [];
  }
}
