// Search (README «Пошук»): the index of the published articles, cut by the month of
// publication (in the site's zone) into classic scripts that set a global — `<script src>`
// loads from file:// as from a web server, where fetch() and modules do not. The search page
// loads `index.js` (the months and their sizes, a few bytes a month), then month files newest
// first, as many as the query needs; `words.js` is the word rules (search/words.ts) the index
// was made with. A month's file changes only when one of its articles does: an incremental
// build rewrites one or two (see incremental.ts).
import type { Article, NewsSite } from "./content/index.js";
import { formatNewsDate, formatNewsDateTime, toIsoWithOffset } from "./dates.js";
import { searchWords } from "./search/words.js";
import { FIXED_URLS, urlToFile } from "./urls.js";

/** Where the search page and its index live. */
const SEARCH_URL = FIXED_URLS.search;

/** One month's index file. */
export interface SearchShard {
  /** "2026-01". */
  name: string;
  url: string;
  articles: readonly Article[];
}

/** How much a word counts where it stands: a word of the title above one of the text. */
const WEIGHT = { title: 3, lede: 2, tags: 2, topic: 2, text: 1 } as const;
/** The first paragraph's words are indexed up to this many characters. */
const TEXT_CHARACTERS = 400;

export class SiteSearch {
  /** Newest month first. */
  readonly shards: readonly SearchShard[];
  /** The month files this build writes: all, but in an incremental build only the changed ones. */
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
    this.shards = [...byMonth].map(([name, articles]) => ({ name, url: `${SEARCH_URL}${name}.js`, articles }));
    this.shardsToWrite = this.shards;
  }

  /** `index.js`: the months, newest first, with how many articles each has. */
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
  shard.articles.forEach((article, index) => {
    docs.push([
      // Relative to the search page, so that it works from disk and under a sub-path.
      `..${urlToFile(article.url)}`,
      article.title,
      toIsoWithOffset(article.date, zone),
      article.dateOnly ? formatNewsDate(article.date, zone) : formatNewsDateTime(article.date, zone),
      article.topic.title,
      article.lede ?? "",
    ]);
    const best = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const word of rules.words(text)) {
        const stem = stemOf(word);
        if ((best.get(stem) ?? 0) < weight) best.set(stem, weight);
      }
    };
    add(article.title, WEIGHT.title);
    add(article.lede ?? "", WEIGHT.lede);
    add(article.tags.map((tag) => tag.name).join(" "), WEIGHT.tags);
    add(article.topic.title, WEIGHT.topic);
    add(firstParagraph(article).slice(0, TEXT_CHARACTERS), WEIGHT.text);
    for (const [stem, weight] of best) (words[stem] ??= []).push(index * 4 + weight);
  });
  return `strichkaSearch.shard(${JSON.stringify(shard.name)}, ${JSON.stringify({ docs, words })});\n`;
}

const rules = searchWords();
/** Stems by word: news repeats its words, and stemming tries every ending (~70) on each. */
const stems = new Map<string, string>();
function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    if (stems.size > 500_000) stems.clear();
    stems.set(word, (stem = rules.stem(word)));
  }
  return stem;
}

/** The first paragraph of a Markdown body as plain text: no headings, markup or link targets. */
export function firstParagraphText(markdown: string): string {
  for (const block of markdown.split(/\n\s*\n/)) {
    const text = block.trim();
    if (text === "" || /^(#|<|```|\||>|!\[|\{%)/.test(text)) continue;
    return text
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/[*_`~]/g, "")
      .replace(/\s+/g, " ");
  }
  return "";
}
