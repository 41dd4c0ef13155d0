// The safety net for published URLs (README, «Постійні адреси»). An article's URL comes from
// its file name (or slug field) and its Kyiv day, never from the headline; still, a changed
// date, slug or file name moves the page, and every link shared to it would break. With the
// previous build's parses at hand (the article cache `strichka build` keeps), a published
// article whose URL changed fails the build unless its old URL is among its aliases, which
// keep the old address working (a redirect page and a 301 rule).
import type { ContentProblem } from "../errors.js";
import type { ParsedArticle } from "./article-file.js";
import type { ArticleCache, CachedArticle } from "./cache.js";

interface Read {
  key: string;
  /** The cache's entry before this load parsed the file again (undefined: a new file). */
  before: CachedArticle | undefined;
  parsed: ParsedArticle;
  hash: string;
}

export class UrlMoves {
  readonly #reads: Read[] = [];

  /** `now`: the build's clock; an article dated after it is not published yet, and may move freely, as a draft may. */
  constructor(
    readonly cache: ArticleCache,
    readonly now: Date = new Date(),
  ) {}

  /** A file this load parsed anew; `before` is what the previous build made of it (undefined: a new file). Unchanged files cannot have moved. */
  reparsed(key: string, before: CachedArticle | undefined, parsed: ParsedArticle, hash: string): void {
    this.#reads.push({ key, before, parsed, hash });
  }

  /**
   * After every file was read, before the cache's sweep: a problem for each published page
   * that moved without an alias for its old URL. Its file's entry is put back as it was, so
   * that the next build sees the move again rather than take the new URL as published.
   */
  check(problems: ContentProblem[]): void {
    // Files gone since the previous build, by content: a new file with the same bytes is the same article renamed.
    // (Only when there are new files: the look at every entry costs ~0.1 s at 100,000.)
    const gone = new Map<string, [string, ParsedArticle, CachedArticle]>();
    const published = (parsed: ParsedArticle | undefined): parsed is ParsedArticle => isPublished(parsed, this.now);
    if (this.#reads.some((read) => !read.before)) for (const [key, entry] of this.cache.unread()) if (published(entry.parsed)) gone.set(entry.hash, [key, entry.parsed, entry]);
    for (const { key, before, parsed, hash } of this.#reads) {
      if (!published(parsed)) continue;
      if (published(before?.parsed)) {
        if (moved(before.parsed, parsed)) {
          const field = parsed.slug !== before.parsed.slug ? "slug" : "date";
          problems.push({ file: parsed.file, field, message: `moves the published page ${before.parsed.url} to ${parsed.url}; ${fix(before.parsed.url, parsed, `keep the old ${field}`)}` });
          this.cache.restore(key, before);
        }
      } else if (!before) {
        const renamed = gone.get(hash);
        if (renamed && moved(renamed[1], parsed)) {
          problems.push({ file: parsed.file, message: `is ${renamed[1].file} renamed, which moves its published page ${renamed[1].url} to ${parsed.url}; ${fix(renamed[1].url, parsed, "keep the old file name")}` });
          this.cache.restore(key, undefined);
          this.cache.restore(renamed[0], renamed[2]);
        }
      }
    }
  }
}

/**
 * Whether the article is (or was) on the published site: not a draft and dated by `now`.
 * (The previous build ran before `now`, so an article dated after `now` was not published
 * then; one dated before may have been, and is held to its URL.)
 */
function isPublished(parsed: ParsedArticle | undefined, now: Date): parsed is ParsedArticle {
  return !!parsed && !parsed.draft && parsed.date <= now.getTime();
}

function moved(before: ParsedArticle, after: ParsedArticle): boolean {
  return before.url !== after.url && !(after.aliases ?? []).includes(before.url);
}

/** What the editor can do, with the exact line to add. */
function fix(oldUrl: string, parsed: ParsedArticle, keep: string): string {
  const add = parsed.aliases ? `add ${oldUrl} to its aliases` : `add the line aliases: [${oldUrl}] to its front matter`;
  return `links to the old address would break: ${keep}, or ${add} (the old address then redirects to the new one)`;
}
