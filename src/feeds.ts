// Atom 1.0, RSS 2.0 and JSON Feed 1.1 through the `feed` package, with a thin layer that
// covers what feed 6.0 gets wrong or leaves to the caller (each point is tested):
// - Atom gets no xml:lang (its `language` option is RSS-only): we add it;
// - entry titles and summaries are written as type="html": plain text is escaped first;
// - a missing entry id becomes <id/>, a missing author goes unchecked: we refuse both;
// - feed `updated` defaults to the build time: we use the newest entry, so the same
//   content always gives the same feed;
// - control characters pass into CDATA and make the XML ill-formed: we strip them;
// - relative URLs in content stay relative: we make them absolute;
// - RSS <author> must be an e-mail address: names go into <dc:creator> instead;
// - json1() writes JSON Feed 1.0: we write 1.1 (`authors`, `language`, plain-text titles);
// - category labels go into Atom attributes with only & and " escaped, so a "<" makes
//   the XML ill-formed: we write them ourselves;
// - enclosure MIME types are guessed from file names: we give only a photo's JPEG, named
//   .jpeg (so image/jpeg in Atom too), with its length.
import { Feed } from "feed";
import { absolutizeUrls } from "./html-urls.js";

export interface FeedEntry {
  /** Permanent id (see entryId). */
  id: string;
  /** Plain text. */
  title: string;
  /** Absolute URL of the article. */
  url: string;
  published: Date;
  updated: Date;
  /** Plain text: the lede. */
  summary?: string;
  /** HTML of the body; relative URLs are made absolute against `url`. */
  contentHtml: string;
  /** The article's photo as link previews show it (a JPEG: absolute URL, bytes): Atom and RSS enclosure, JSON Feed image. */
  image?: { url: string; length: number };
  categories: { term: string; label: string; scheme: string }[];
  /** The entry's author when it has none of its own (`authors`), else the feed's. */
  authorName: string;
  /** Its own authors, each with the absolute URL of their page; none or empty: authorName. */
  authors?: readonly { name: string; url?: string }[];
}

export interface FeedSpec {
  /** Permanent id of the feed: the absolute URL of the page it follows. */
  id: string;
  title: string;
  subtitle: string;
  language: string;
  /** Absolute URLs. */
  homeUrl: string;
  atomUrl: string;
  rssUrl?: string;
  jsonUrl?: string;
  iconUrl?: string;
  authorName: string;
  entries: FeedEntry[];
}

// Characters XML 1.0 does not allow, and lone surrogates: a feed reader rejects the whole
// feed for one of them.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without what XML 1.0 forbids (above): every string a feed carries goes through it. */
export function stripNonXmlCharacters(text: string): string {
  return text.replace(NOT_XML, "");
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * A tag URI (RFC 4151) that never changes when the title or the URL slug does: the site's
 * host, the Kyiv day of first publication and the article's file.
 * tag:strichka.netlify.app,2026-01-14:perehovory-u-zhenevi.md
 */
export function entryId(siteUrl: string, day: string, sourceFile: string): string {
  return `tag:${new URL(siteUrl).host},${day}:${encodeURI(sourceFile)}`;
}

// Category labels are handed to `feed` as placeholders and written back, escaped, into
// each format's output (see the list at the top).
const categoryLabels = new WeakMap<Feed, string[]>();
const CATEGORY_PLACEHOLDER = /strichka-category-(\d+)/g;

function restoreCategories(output: string, feed: Feed, escape: (label: string) => string): string {
  const labels = categoryLabels.get(feed) ?? [];
  return output.replace(CATEGORY_PLACEHOLDER, (_, index: string) => escape(labels[Number(index)] ?? ""));
}

export function createFeed(spec: FeedSpec): Feed {
  const problems: string[] = [];
  spec.entries.forEach((entry, index) => {
    if (!entry.id) problems.push(`entry ${index} (${entry.url}) has no id`);
    if (!entry.authorName && !spec.authorName) problems.push(`entry ${index} (${entry.url}) has no author, nor has the feed`);
  });
  if (!spec.id) problems.push("the feed has no id");
  if (problems.length > 0) throw new Error(`Cannot write the feed ${spec.atomUrl}: ${problems.join("; ")}`);

  const newest = spec.entries.reduce<Date | undefined>((latest, entry) => (!latest || entry.updated > latest ? entry.updated : latest), undefined);
  const feed = new Feed({
    id: spec.id,
    title: stripNonXmlCharacters(spec.title),
    description: stripNonXmlCharacters(spec.subtitle),
    link: spec.homeUrl,
    language: spec.language,
    // With no entries, a fixed date rather than "now": identical content, identical feed.
    updated: newest ?? new Date(0),
    generator: "strichka (Eleventy)",
    feedLinks: { atom: spec.atomUrl, ...(spec.rssUrl && { rss: spec.rssUrl }), ...(spec.jsonUrl && { json: spec.jsonUrl }) },
    author: { name: stripNonXmlCharacters(spec.authorName) },
    ...(spec.iconUrl && { favicon: spec.iconUrl }),
  });
  const labels: string[] = [];
  categoryLabels.set(feed, labels);
  for (const entry of spec.entries) {
    feed.addItem({
      id: entry.id,
      title: escapeHtml(stripNonXmlCharacters(entry.title)),
      link: entry.url,
      date: entry.updated,
      published: entry.published,
      ...(entry.summary && { description: escapeHtml(stripNonXmlCharacters(entry.summary)) }),
      content: stripNonXmlCharacters(absolutizeUrls(entry.contentHtml, entry.url)),
      ...(entry.image && { image: { url: entry.image.url, length: entry.image.length, type: "image/jpeg" } }),
      author: entryAuthors(entry, spec.authorName),
      category: entry.categories.map((category) => ({ term: category.term, name: `strichka-category-${labels.push(stripNonXmlCharacters(category.label)) - 1}`, scheme: category.scheme })),
    });
  }
  return feed;
}

/** An entry's authors as `feed` takes them: its own (with their pages), else the newsroom. */
function entryAuthors(entry: FeedEntry, feedAuthor: string): { name: string; link?: string }[] {
  if (entry.authors && entry.authors.length > 0) return entry.authors.map((author) => ({ name: stripNonXmlCharacters(author.name), ...(author.url && { link: author.url }) }));
  return [{ name: stripNonXmlCharacters(entry.authorName || feedAuthor) }];
}

/** Atom 1.0 with the feed's language as xml:lang. */
export function atomXml(feed: Feed): string {
  const language = feed.options.language ?? "uk";
  const xml = feed.atom1().replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeHtml(language)}">`);
  return restoreCategories(xml, feed, escapeHtml);
}

/** RSS 2.0; author names as <dc:creator>, since RSS's <author> is an e-mail address. */
export function rssXml(feed: Feed): string {
  const xml = feed.rss2().replace(/<author>([^<]*)<\/author>/g, "<dc:creator>$1</dc:creator>");
  return restoreCategories(xml, feed, escapeHtml);
}

interface JsonFeedItem {
  title?: string;
  summary?: string;
  author?: unknown;
  authors?: unknown[];
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) from the same feed. */
export function jsonFeed(feed: Feed, entries: readonly FeedEntry[]): string {
  const json = JSON.parse(feed.json1()) as { version: string; author?: unknown; authors?: unknown[]; language?: string; items: JsonFeedItem[] };
  json.version = "https://jsonfeed.org/version/1.1";
  json.language = feed.options.language ?? "uk";
  if (json.author) {
    json.authors = [json.author];
    delete json.author;
  }
  json.items.forEach((item, index) => {
    const entry = entries[index]!;
    // JSON Feed titles and summaries are plain text: no HTML escaping here.
    item.title = stripNonXmlCharacters(entry.title);
    if (entry.summary) item.summary = stripNonXmlCharacters(entry.summary);
    // All of its authors (feed 6.0 writes the first one only), with their pages.
    if (item.author) {
      delete item.author;
      item.authors = entryAuthors(entry, feed.options.author?.name ?? "").map(({ name, link }) => ({ name, ...(link && { url: link }) }));
    }
  });
  // Placeholders are ASCII, so they are the same inside JSON strings.
  return restoreCategories(`${JSON.stringify(json, null, 2)}\n`, feed, (label) => JSON.stringify(label).slice(1, -1));
}
