// Sitemaps by the protocol (sitemaps.org 0.9) and Google News sitemaps: the XML, the cutting
// into files within the protocol's limits, and which articles are news. Pure functions; what
// goes into which file is site-sitemaps.ts.
import { offsetMinutes } from "./dates.js";
import { escapeHtml, stripNonXmlCharacters } from "./feeds.js";

export const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
export const NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";

/** What one sitemap file may hold (sitemaps.org: 50,000 URLs, 50 MB = 52,428,800 bytes uncompressed). */
export interface SitemapLimits {
  urls: number;
  bytes: number;
}

export const SITEMAP_LIMITS: SitemapLimits = { urls: 50_000, bytes: 52_428_800 };

/** Google News: articles of the last two days, at most 1,000 in one news sitemap. */
export const NEWS_LIMITS = { maxAgeMs: 2 * 86_400_000, count: 1_000 } as const;

export interface SitemapEntry {
  /** Absolute URL. */
  url: string;
  lastmod?: Date;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const URLSET_OPEN = `<urlset xmlns="${SITEMAP_NAMESPACE}">\n`;
const URLSET_CLOSE = "</urlset>\n";

const twoDigits = (value: number) => String(value).padStart(2, "0");

/** 2026-01-14T23:40:00+02:00: always 25 characters. */
const W3C_DATE_TIME_LENGTH = 25;
// Local times in the years 0000–9999, which toISOString writes with four digits.
const FIRST_MS = Date.parse("0000-01-02T00:00:00Z");
const LAST_MS = Date.parse("9999-12-30T23:59:59Z");

/**
 * W3C datetime to the second with the zone's offset, as the pages and JSON-LD write it
 * (toIsoWithOffset in dates.ts, which is as slow per instant as luxon): 2026-01-14T23:40:00+02:00.
 * Years 0000–9999 (articles are 1991–2100).
 */
export function w3cDateTime(date: Date, zone: string): string {
  const ms = date.getTime();
  if (!(ms >= FIRST_MS && ms <= LAST_MS)) throw new RangeError(`A sitemap date must be in the years 0000–9999, not ${String(date)}`);
  const offset = offsetMinutes(ms, zone);
  const sign = offset < 0 ? "-" : "+";
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${sign}${twoDigits(Math.trunc(Math.abs(offset) / 60))}:${twoDigits(Math.trunc(Math.abs(offset) % 60))}`;
}

function urlElement({ url, lastmod }: SitemapEntry, zone: string, tag = "url"): string {
  return `<${tag}><loc>${escapeHtml(stripNonXmlCharacters(url))}</loc>${lastmod ? `<lastmod>${w3cDateTime(lastmod, zone)}</lastmod>` : ""}</${tag}>\n`;
}

// What urlElement's output weighs, without writing it (a million of them are cut per build):
// the tags, the escaped URL, and a lastmod of 25 characters (see w3cDateTime).
const URL_TAGS_BYTES = Buffer.byteLength("<url><loc></loc></url>\n");
const LASTMOD_BYTES = Buffer.byteLength("<lastmod></lastmod>") + W3C_DATE_TIME_LENGTH;

function urlElementBytes({ url, lastmod }: SitemapEntry): number {
  return URL_TAGS_BYTES + Buffer.byteLength(escapeHtml(stripNonXmlCharacters(url))) + (lastmod ? LASTMOD_BYTES : 0);
}

/** A sitemap file (`<urlset>`) of these pages, in this order. */
export function sitemapXml(entries: readonly SitemapEntry[], zone: string): string {
  // Appended, without an array of 50,000 strings to join (faster in some runs, never slower, on a busy machine).
  let xml = XML_DECLARATION + URLSET_OPEN;
  for (const entry of entries) xml += urlElement(entry, zone);
  return xml + URLSET_CLOSE;
}

/** A sitemap index (`<sitemapindex>`): `url` is a sitemap file's, `lastmod` the latest of what it lists. */
export function sitemapIndexXml(files: readonly SitemapEntry[], zone: string): string {
  const sitemaps = files.map((file) => urlElement(file, zone, "sitemap")).join("");
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NAMESPACE}">\n${sitemaps}</sitemapindex>\n`;
}

/**
 * `entries` cut, in order, into runs that each fit one sitemap file: at most `limits.urls`
 * URLs and `limits.bytes` bytes of XML. Cut from the start, so entries appended at the end
 * never move an earlier cut. No entries, no files.
 */
export function cutSitemap<Entry extends SitemapEntry>(entries: readonly Entry[], limits: SitemapLimits = SITEMAP_LIMITS): Entry[][] {
  const envelope = Buffer.byteLength(XML_DECLARATION + URLSET_OPEN + URLSET_CLOSE);
  const parts: Entry[][] = [];
  let part: Entry[] = [];
  let bytes = envelope;
  for (const entry of entries) {
    const size = urlElementBytes(entry);
    if (envelope + size > limits.bytes) throw new RangeError(`The sitemap entry of ${entry.url} alone is larger than ${limits.bytes} bytes`);
    if (part.length > 0 && (part.length === limits.urls || bytes + size > limits.bytes)) {
      parts.push(part);
      part = [];
      bytes = envelope;
    }
    part.push(entry);
    bytes += size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** The latest of the entries' lastmod values. */
export function latest(entries: readonly SitemapEntry[]): Date | undefined {
  let newest: Date | undefined;
  for (const { lastmod } of entries) if (lastmod && (!newest || lastmod > newest)) newest = lastmod;
  return newest;
}

export interface NewsItem {
  /** Absolute URL. */
  url: string;
  title: string;
  date: Date;
  draft?: boolean;
}

/**
 * The articles a Google News sitemap lists at the instant `now`: published in the two days
 * up to it (`now` − 48 h inclusive; later than `now` is not published yet), drafts never,
 * newest first, at most 1,000.
 */
export function recentNews<Item extends Omit<NewsItem, "url">>(items: readonly Item[], now: Date, limits: { maxAgeMs: number; count: number } = NEWS_LIMITS): Item[] {
  const from = now.getTime() - limits.maxAgeMs;
  return items
    .filter((item) => !item.draft && item.date.getTime() >= from && item.date.getTime() <= now.getTime())
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .slice(0, limits.count);
}

/** A Google News sitemap of these articles (see recentNews), with the publication's name and language. */
export function newsSitemapXml(items: readonly NewsItem[], publication: { name: string; language: string }, zone: string): string {
  const name = escapeHtml(stripNonXmlCharacters(publication.name));
  const language = escapeHtml(publication.language);
  const urls = items.map(
    (item) =>
      `<url><loc>${escapeHtml(stripNonXmlCharacters(item.url))}</loc><news:news><news:publication><news:name>${name}</news:name><news:language>${language}</news:language></news:publication>` +
      `<news:publication_date>${w3cDateTime(item.date, zone)}</news:publication_date><news:title>${escapeHtml(stripNonXmlCharacters(item.title))}</news:title></news:news></url>\n`,
  );
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NAMESPACE}" xmlns:news="${NEWS_NAMESPACE}">\n${urls.join("")}</urlset>\n`;
}
