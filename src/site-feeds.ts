// The site's feeds from the content model: the same data the pages use.
import type { MarkdownIt } from "markdown-it";
import type { Article, Author, NewsSite, Topic } from "./content/index.js";
import { atomXml, createFeed, entryId, escapeHtml, jsonFeed, rssXml, type FeedEntry, type FeedSpec } from "./feeds.js";
import { rewriteUrls } from "./html-urls.js";
import { ogImage, type ArticleImage, type ImageFile } from "./images.js";
import { UKRAINIAN } from "./locale.js";
import { absoluteUrl } from "./urls.js";

// Feed entries' bodies, by the version of the article's file, for each markdown-it
// instance: kept across the preview's rebuilds (each has a new content model), where the
// same few thousand latest articles are in the feeds every time.
const renderedBodies = new WeakMap<MarkdownIt, Map<string, string>>();
const RENDERED_BODIES_LIMIT = 10_000;

/** Whose feed: a topic's or an author's (none: the site's). */
export type FeedOf = { topic: Topic } | { author: Author };

export class SiteFeeds {
  readonly #specs = new Map<string, FeedSpec>();

  constructor(
    readonly news: NewsSite,
    readonly markdown: MarkdownIt,
    /** How many of the latest articles a feed carries. */
    readonly size: number,
    /** An article's Markdown body (read from its file: the model does not keep bodies). */
    readonly bodyOf: (article: Article) => string,
    /** Before a photo's credit: «Фото: УНІАН» (the locale's photoCredit). */
    readonly photoCredit: string = UKRAINIAN.photoCredit,
  ) {}

  /** The photo at the top of an entry's content, as readers show it (no <picture>: feed readers take one image). */
  #photoHtml(image: ArticleImage & { file: ImageFile }): string {
    const og = ogImage(image.file);
    const caption = [image.caption && escapeHtml(image.caption), image.credit && `${escapeHtml(this.photoCredit)} ${escapeHtml(image.credit)}`].filter(Boolean).join(" ");
    return `<figure><img src="${escapeHtml(this.#absolute(og.url))}" alt="${escapeHtml(image.alt)}" width="${og.width}" height="${og.height}">${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>\n`;
  }

  #absolute(path: string): string {
    return absoluteUrl(path, this.news.site.url);
  }

  /** Rendered once per article body, however many feeds (and builds) carry it. */
  #bodyHtml(article: Article): string {
    let bodies = renderedBodies.get(this.markdown);
    if (!bodies) renderedBodies.set(this.markdown, (bodies = new Map()));
    let html = bodies.get(article.contentHash);
    if (html === undefined) {
      html = this.markdown.render(this.bodyOf(article));
      if (bodies.size >= RENDERED_BODIES_LIMIT) bodies.clear();
      bodies.set(article.contentHash, html);
    }
    return html;
  }

  entry(article: Article): FeedEntry {
    const { site } = this.news;
    return {
      id: entryId(site.url, article.day, article.sourceFile),
      title: article.title,
      url: this.#absolute(article.url),
      published: article.date,
      updated: article.updated ?? article.date,
      summary: article.lede,
      ...(article.image?.file && { image: { url: this.#absolute(ogImage(article.image.file).url), length: article.image.file.ogBytes ?? 0 } }),
      // Root-relative URLs belong under site.url, which may have a path of its own.
      contentHtml: (article.image?.file ? this.#photoHtml({ ...article.image, file: article.image.file }) : "") + rewriteUrls(this.#bodyHtml(article), (url) => (url.startsWith("/") && !url.startsWith("//") ? this.#absolute(url) : url)),
      categories: [
        { term: article.topic.slug, label: article.topic.title, scheme: this.#absolute(this.news.urls.topics) },
        ...article.tags.map((tag) => ({ term: tag.slug, label: tag.name, scheme: this.#absolute(this.news.urls.tags) })),
      ],
      authorName: site.author,
      // Its own authors, each with their page; none: the newsroom (authorName).
      authors: article.authors.map((author) => ({ name: author.name, url: this.#absolute(author.url) })),
    };
  }

  /** The site-wide feed, a topic's or an author's. */
  spec(of?: FeedOf): FeedSpec {
    const key = !of ? "" : "topic" in of ? `topic:${of.topic.slug}` : `author:${of.author.slug}`;
    let spec = this.#specs.get(key);
    if (!spec) {
      const { site, urls } = this.news;
      const own = !of
        ? { articles: this.news.articles, url: urls.home, feedUrl: urls.atom, title: site.title, subtitle: site.description }
        : "topic" in of
          ? { articles: this.news.articlesOfTopic(of.topic.slug), url: of.topic.url, feedUrl: urls.topicFeed(of.topic.slug), title: `${of.topic.title} — ${site.title}`, subtitle: of.topic.description }
          : { articles: this.news.articlesOfAuthor(of.author.slug), url: of.author.url, feedUrl: of.author.feedUrl, title: `${of.author.name} — ${site.title}`, subtitle: of.author.role ?? of.author.name };
      spec = {
        id: this.#absolute(own.url),
        title: own.title,
        subtitle: own.subtitle,
        language: site.language,
        homeUrl: this.#absolute(own.url),
        atomUrl: this.#absolute(own.feedUrl),
        ...(!of && { rssUrl: this.#absolute(urls.rss), jsonUrl: this.#absolute(urls.json) }),
        iconUrl: this.#absolute(urls.icon),
        authorName: site.author,
        entries: own.articles.filter((article) => !article.draft).slice(0, this.size).map((article) => this.entry(article)),
      };
      this.#specs.set(key, spec);
    }
    return spec;
  }

  atom(of?: FeedOf): string {
    return atomXml(createFeed(this.spec(of)));
  }

  rss(): string {
    return rssXml(createFeed(this.spec()));
  }

  json(): string {
    const spec = this.spec();
    return jsonFeed(createFeed(spec), spec.entries);
  }
}
