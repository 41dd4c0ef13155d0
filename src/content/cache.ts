// The preview (`npm start`) reloads the content model on every save: articles whose file
// has not changed (same modification time and size) are not read and parsed again.
import { statSync } from "node:fs";
import type { ContentProblem } from "../errors.js";
import type { ParsedArticle } from "./article-file.js";

interface CachedArticle {
  mtimeMs: number;
  size: number;
  parsed: ParsedArticle | undefined;
  problems: readonly ContentProblem[];
}

/**
 * Parsed articles by file path, for the loads of one plugin instance (one site): pass the
 * same cache to each loadNewsSite of a preview. The entries hold for one context (the
 * topics, time zone, project root and URL scheme, which validation and the derived fields
 * depend on): a load with another context empties the cache first.
 */
export class ArticleCache {
  readonly #entries = new Map<string, CachedArticle>();
  #context = "";

  /** How many articles are cached. */
  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }

  /**
   * The article at `path`: from the cache when its file has the modification time and size
   * it had when cached, else `read` (which reports into the array it is given). Either way
   * the article's problems are added to `problems`.
   */
  read(
    path: string,
    context: string,
    read: (problems: ContentProblem[]) => ParsedArticle | undefined,
    problems: ContentProblem[],
  ): ParsedArticle | undefined {
    if (context !== this.#context) {
      this.#entries.clear();
      this.#context = context;
    }
    let stats: { mtimeMs: number; size: number } | undefined;
    try {
      stats = statSync(path);
    } catch {
      stats = undefined;
    }
    const cached = this.#entries.get(path);
    if (stats && cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) {
      problems.push(...cached.problems);
      return cached.parsed;
    }
    const own: ContentProblem[] = [];
    const parsed = read(own);
    if (stats) this.#entries.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, parsed, problems: own });
    problems.push(...own);
    return parsed;
  }
}
