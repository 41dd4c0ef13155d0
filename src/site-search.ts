// Search (README «Пошук»): the index of the published articles, cut by the month of
// publication (in the site's zone) into classic scripts that set a global — `<script src>`
// loads from file:// as from a web server, where fetch() and modules do not. The search page
// loads `index.js` (the months and their sizes, a few bytes a month), then month files newest
// first, as many as the query needs; `words.js` is the word rules (search/words.ts) the index
// was made with. A month's file changes only when one of its articles does: an incremental
// build rewrites one or two (see incremental.ts).
import { closeSync, openSync, readSync } from "node:fs";
import type { Article, NewsSite } from "./content/index.js";
import { formatNewsDate, formatNewsDateTime, toIsoWithOffset } from "./dates.js";
import { splitFrontMatter } from "./front-matter.js";
import { searchWords } from "./search/words.js";
import { FIXED_URLS, urlToFile } from "./urls.js";

/** Where the search page and its index live. */
const SEARCH_URL = FIXED_URLS.search;

/** One index file: a month's articles, or a part of a big month's (see monthParts). */
export interface SearchShard {
  /** "2026-01" for a whole month; "2026-01-14" for the part of a month that starts on that day. */
  name: string;
  url: string;
  articles: readonly Article[];
}

/** How much a word counts where it stands: a word of the title above one of the text. */
const WEIGHT = { title: 3, lede: 2, tags: 2, topic: 2, text: 1 } as const;
/** The first paragraph's words are indexed up to this many characters. */
const TEXT_CHARACTERS = 400;
/**
 * A month with more articles than this is cut into parts of whole days. The search page's
 * first batch is about 1,500 articles (content/assets/search.js) but at least one file: a
 * national newsroom's month (300–400 articles a day, ~10,000) would be a first download of
 * some 2 MB gzipped instead of ~250 KB.
 */
export const PART_ARTICLES = 500;

/**
 * A month's articles (newest first) as index files, newest first: the whole month when it has
 * at most PART_ARTICLES, else parts of consecutive days, filled from the month's first day
 * while the next day fits (a day of more than PART_ARTICLES is a part of its own). Filled
 * from the oldest, so that a new article changes only the newest part (or starts one), and
 * an edit elsewhere changes only the parts from its day to the month's end.
 */
export function monthParts<T extends { day: string }>(month: string, articles: readonly T[]): { name: string; articles: T[] }[] {
  if (articles.length <= PART_ARTICLES) return [{ name: month, articles: [...articles] }];
  // A part is a run of the newest-first list: [start, end), grown towards the newest.
  const parts: { name: string; start: number; end: number }[] = [];
  for (let end = articles.length; end > 0; ) {
    const day = articles[end - 1]!.day;
    let start = end - 1;
    while (start > 0 && articles[start - 1]!.day === day) start--;
    const part = parts.at(-1);
    if (part && part.end - start <= PART_ARTICLES) part.start = start;
    else parts.push({ name: day, start, end });
    end = start;
  }
  return parts.reverse().map(({ name, start, end }) => ({ name, articles: articles.slice(start, end) }));
}

export class SiteSearch {
  /** Newest first. */
  readonly shards: readonly SearchShard[];
  /** The files this build writes: all, but in an incremental build only the changed ones. */
  shardsToWrite: readonly SearchShard[];

  constructor(news: NewsSite) {
    const byMonth = new Map<string, Article[]>();
    // news.articles is newest first: so are the months and each month's articles.
    for (const article of news.articles) {
      if (article.draft) continue;
      const month = article.day.slice(0, 7);
      const list = byMonth.get(month);
      if (list) list.push(article);
      else byMonth.set(month, [article]);
    }
    this.shards = [...byMonth].flatMap(([month, articles]) => monthParts(month, articles).map(({ name, articles }) => ({ name, url: `${SEARCH_URL}${name}.js`, articles })));
    this.shardsToWrite = this.shards;
  }

  /** `index.js`: the files (months and parts of months), newest first, with how many articles each has. */
  indexScript(): string {
    return `window.strichkaSearchMonths = ${JSON.stringify(this.shards.map((shard) => [shard.name, shard.articles.length]))};\n`;
  }
}

/** `words.js`: the word rules, the same code the index was made with. */
export function wordsScript(): string {
  return `window.strichkaSearchWords = (${searchWords.toString()})();\n`;
}

/**
 * A month's file: its articles (link from the search page, title, date, topic, lede) and,
 * for each word stem, the articles it is in with the weight of where it stands
 * (article × 4 + weight). `firstParagraph` gives an article's first paragraph as text.
 */
export function shardScript(shard: SearchShard, firstParagraph: (article: Article) => string, zone: string): string {
  const docs: string[][] = [];
  const words: Record<string, number[]> = {};
  const month = ++shardsMade;
  /** The stems this month has: at its end they let go of its postings (else each would keep those of the last month it was in). */
  const used: Stem[] = [];
  /** Adds an article's stem: once per article, with the best weight of where it stands. */
  const post = (stem: Stem, index: number, weight: number) => {
    if (stem.month !== month) {
      stem.month = month;
      stem.postings = words[stem.stem] ??= [];
      used.push(stem);
    }
    const postings = stem.postings;
    const last = postings.length - 1;
    if (last === -1 || postings[last]! >> 2 !== index) postings.push(index * 4 + weight);
    else if ((postings[last]! & 3) < weight) postings[last] = index * 4 + weight;
  };
  const add = (text: string, index: number, weight: number) => {
    for (const word of rules.words(text)) post(stemOf(word), index, weight);
  };
  for (let index = 0; index < shard.articles.length; index++) {
    const article = shard.articles[index]!;
    docs.push([
      // Relative to the search page, so that it works from disk and under a sub-path.
      `..${urlToFile(article.url)}`,
      article.title,
      toIsoWithOffset(article.date, zone),
      article.dateOnly ? formatNewsDate(article.date, zone) : formatNewsDateTime(article.date, zone),
      article.topic.title,
      article.lede ?? "",
    ]);
    add(article.title, index, WEIGHT.title);
    add(article.lede ?? "", index, WEIGHT.lede);
    // (A site's tags and topics are few: their stems are looked up once.)
    for (const tag of article.tags) for (const stem of stemsOfName(tag.name)) post(stem, index, WEIGHT.tags);
    for (const stem of stemsOfName(article.topic.title)) post(stem, index, WEIGHT.topic);
    add(firstParagraph(article).slice(0, TEXT_CHARACTERS), index, WEIGHT.text);
  }
  for (const stem of used) stem.postings = NO_POSTINGS;
  return `strichkaSearch.shard(${JSON.stringify(shard.name)}, ${JSON.stringify({ docs, words })});\n`;
}

const rules = searchWords();
/** A word stem, with its postings in the month file being made. */
interface Stem {
  stem: string;
  /** Which month file `postings` belongs to (see shardScript). */
  month: number;
  postings: number[];
}
let shardsMade = 0;
const NO_POSTINGS: number[] = [];
/**
 * Stems by word, and by stem: news repeats its words, stemming tries every ending (~70) on
 * each, and one look-up per word finds both its stem and the month's postings of it.
 */
const stemOfWord = new Map<string, Stem>();
const stemByName = new Map<string, Stem>();
/** The stems of a tag's or topic's name. */
const stemsOfNames = new Map<string, Stem[]>();
function stemOf(word: string): Stem {
  let found = stemOfWord.get(word);
  if (found === undefined) {
    // (Bounded: a million articles' words, names and numbers would not fit.)
    if (stemOfWord.size > 500_000) {
      stemOfWord.clear();
      stemByName.clear();
      stemsOfNames.clear();
    }
    const stem = rules.stem(word);
    found = stemByName.get(stem);
    if (found === undefined) stemByName.set(stem, (found = { stem, month: 0, postings: [] }));
    stemOfWord.set(word, found);
  }
  return found;
}
function stemsOfName(name: string): Stem[] {
  let found = stemsOfNames.get(name);
  if (found === undefined) stemsOfNames.set(name, (found = rules.words(name).map(stemOf)));
  return found;
}

/**
 * The first paragraph of a Markdown body as plain text: no headings, markup or link targets.
 * `whole`: the body is all there; false when it is the body's beginning only, and then
 * undefined when the paragraph may go on past it (the whole body will tell).
 */
/** Emphasis and code marks, and white space other than single spaces (see firstParagraphText). */
const MARKUP = /[*_`~]/;
const SPACES = /\s\s|[^\S ]/;
export function firstParagraphText(markdown: string): string;
export function firstParagraphText(markdown: string, whole: boolean): string | undefined;
export function firstParagraphText(markdown: string, whole = true): string | undefined {
  const separator = /\n\s*\n/g;
  for (let from = 0; ; ) {
    const match = separator.exec(markdown);
    if (!match && !whole) return undefined;
    const text = markdown.slice(from, match ? match.index : markdown.length).trim();
    if (text !== "" && !/^(#|<|```|\||>|!\[|\{%)/.test(text)) {
      // (Each replacement only where it has something to replace: most paragraphs have no link.)
      let plain = text.indexOf("](") === -1 ? text : text.replace(/!\[[^\]]*\]\([^)]*\)/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
      if (MARKUP.test(plain)) plain = plain.replace(/[*_`~]/g, "");
      return SPACES.test(plain) ? plain.replace(/\s+/g, " ") : plain;
    }
    if (!match) return "";
    from = match.index + match[0].length;
  }
}

/** The bytes an article file is read into (most files fit; a longer one is read whole). */
let fileBuffer = Buffer.allocUnsafe(64 * 1024);
const NEWLINE = 0x0a;
const BLANK_LINE = Buffer.from("\n\n");
const FRONT_MATTER_END = Buffer.from("\n---");
/** How blocks that are not a paragraph begin (see firstParagraphText), as bytes. */
const NOT_A_PARAGRAPH = ["#", "<", "```", "|", ">", "![", "{%"].map((start) => Buffer.from(start));

/**
 * The first paragraph of the article file at `path` as plain text (firstParagraphText of its
 * body). Only that paragraph's bytes are decoded where the bytes show where it ends: decoding
 * Ukrainian text is what reading a file costs most (a 4 KB article's body 30 µs, its first
 * paragraph 7 µs). Unlike the pages' readArticleBody, the file's version is not checked: a
 * file changed since it was loaded changes its month's hash, so the next build writes that
 * month's file again.
 */
export function readFirstParagraph(path: string): string {
  const file = openSync(path, "r");
  let length = 0;
  try {
    // Until a read returns less than asked for: the file's end (no fstat for its size: one call less).
    for (;;) {
      const wanted = fileBuffer.length - length;
      const read = readSync(file, fileBuffer, length, wanted, length);
      length += read;
      if (read < wanted) break;
      fileBuffer = Buffer.concat([fileBuffer, Buffer.allocUnsafe(fileBuffer.length)]);
    }
  } finally {
    closeSync(file);
  }
  const bytes = fileBuffer.subarray(0, length);
  // A CR anywhere (Windows line ends): the whole text, as splitFrontMatter reads it.
  if (bytes.indexOf(0x0d) !== -1) return firstParagraphText(splitFrontMatter(bytes.toString("utf8")).body);
  // The body's start, as splitFrontMatter finds it (its markers are ASCII: the same bytes).
  let body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes[body] === 0x2d && bytes[body + 1] === 0x2d && bytes[body + 2] === 0x2d && bytes[body + 3] !== 0x2d) {
    const afterOpen = bytes.indexOf(NEWLINE, body);
    const close = afterOpen === -1 ? -1 : bytes.indexOf(FRONT_MATTER_END, afterOpen);
    const bodyStart = close === -1 ? -1 : bytes.indexOf(NEWLINE, close + 4);
    if (bodyStart === -1) return "";
    body = bodyStart + 1;
  }
  // Where the first block that does not look like a heading, HTML, a table… ends: the text
  // up to there has the first paragraph, or firstParagraphText says it cannot tell.
  let end = length;
  for (let from = body; from < length; ) {
    const blank = bytes.indexOf(BLANK_LINE, from);
    if (blank === -1) break;
    let first = from;
    while (first < blank && (bytes[first] === 0x20 || bytes[first] === 0x09 || bytes[first] === NEWLINE)) first++;
    if (first < blank && !NOT_A_PARAGRAPH.some((start) => bytes.subarray(first, first + start.length).equals(start))) {
      end = blank + 2;
      break;
    }
    from = blank + 2;
  }
  return firstParagraphText(bytes.toString("utf8", body, end), end === length) ?? firstParagraphText(bytes.toString("utf8", body));
}
