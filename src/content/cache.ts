// Parsed articles kept between loads, so that a load reads and parses only the files that
// changed. The preview (`npm start`) keeps one in memory across its rebuilds; `strichka
// build` keeps one on disk beside the site between builds (save/load below), which is what
// makes a build of a big archive take seconds when one article changed.
//
// A file is taken as unchanged when its modification time and size are those it had when
// parsed; otherwise it is read, and when its bytes have the hash they had, its parse is
// still used (a fresh CI checkout gives every file a new modification time). The entries
// hold for one context (the topics, time zone, URL scheme and strichka's version, which
// validation and the derived fields depend on): a load with another empties the cache.
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ContentProblem } from "../errors.js";
import { contentHash, type ParsedArticle } from "./article-file.js";
import { readBytes } from "./files.js";
import type { FreshRead, ReadJob } from "./parse-files.js";

export interface CachedArticle {
  mtimeMs: number;
  size: number;
  hash: string;
  parsed: ParsedArticle | undefined;
  problems: readonly ContentProblem[];
}

/** One file of the cache on disk: its bucket of entries, by file. */
interface CacheFile {
  /** FORMAT and strichka's version. */
  format: string;
  context: string;
  buckets: number;
  entries: [string, CachedArticle][];
}

/** Bump when ParsedArticle or the parse changes: an older cache on disk is then ignored. */
const FORMAT = 10;
/** Entries per file on disk, about: small enough for JSON.parse, few enough to list quickly. */
const ENTRIES_PER_FILE = 16_384;

/** FNV-1a: which file on disk an entry lives in, the same in every build. */
function bucketOf(key: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % buckets;
}

export class ArticleCache {
  /** What the cache's files on disk are written by (see load). */
  readonly #format: string;
  #entries = new Map<string, CachedArticle>();
  /**
   * The entries of the previous context, after a load with another one (a topic added to
   * topics.json): not used as parses, but still what the previous build published, for the
   * moved-URL check (moves.ts). Dropped by sweep.
   */
  #previousContext = new Map<string, CachedArticle>();
  #context = "";
  /** Keys read by the current load (see sweep). */
  readonly #seen = new Set<string>();
  /** Whether entries changed since the cache was loaded from disk (or was saved). */
  #dirty = new Set<string>();
  /** The files on disk are of another context, format or layout, or damaged: save rewrites them all. */
  #rewriteAll = false;

  readonly #entriesPerFile: number;
  #filesRead = 0;
  #released = false;

  /**
   * `version`: strichka's, for a cache kept on disk (a new version parses everything again);
   * `entriesPerFile`: about how many entries each of its files holds.
   */
  constructor(version = "", entriesPerFile = ENTRIES_PER_FILE) {
    this.#format = `${FORMAT}/${version}`;
    this.#entriesPerFile = entriesPerFile;
  }

  /** Files the current (or last) load read, itself or through child processes: what a build of few changes costs. */
  get filesRead(): number {
    return this.#filesRead;
  }

  /** How many articles are cached. */
  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    for (const key of this.#entries.keys()) this.#dirty.add(key);
    this.#entries.clear();
  }

  /** Starts a load with `context`: entries of another context are dropped. */
  begin(context: string): void {
    if (context !== this.#context) {
      this.#previousContext = this.#entries;
      this.#entries = new Map();
      this.#context = context;
      this.#rewriteAll = true;
    }
    this.#seen.clear();
    this.#filesRead = 0;
  }

  /**
   * Of `files`, those that read would read (no entry, or another modification time or size),
   * each with the hash of its entry; the others are unchanged and need no stat in read
   * (`{ unchanged: true }`). For reading many files at once elsewhere (parse-files.ts).
   * `clean`: files git vouches for, with their blob ids (git-files.ts); one whose blob is its
   * entry's hash, of the entry's size, is unchanged whatever its modification time (a CI
   * checkout's). (The size guards against git's filters: a checkout with other line endings.)
   */
  changedFiles(files: readonly { path: string; key: string }[], clean?: ReadonlyMap<string, string>): ReadJob[] {
    const changed: ReadJob[] = [];
    for (const { path, key } of files) {
      const cached = this.#entries.get(key);
      const stats = cached && statSync(path, { throwIfNoEntry: false });
      const unchanged = stats && stats.size === cached.size && (stats.mtimeMs === cached.mtimeMs || clean?.get(path) === cached.hash);
      if (!unchanged) changed.push({ path, key, ...(cached && { knownHash: cached.hash }) });
    }
    return changed;
  }

  /**
   * The article file at `path` (`key` names it: the file relative to the project), parsed
   * with `parse` unless the cache has it (see the top of this file). Its problems are added
   * to `problems`. Undefined when it cannot be read or has problems. `known`: what was found
   * of the file already, by changedFiles (unchanged) or by reading it elsewhere (fresh).
   */
  read(
    path: string,
    key: string,
    parse: (bytes: Uint8Array, problems: ContentProblem[]) => ParsedArticle | undefined,
    problems: ContentProblem[],
    known: { unchanged: true } | { fresh: FreshRead } | undefined = undefined,
  ): { parsed: ParsedArticle; hash: string; reparsed?: { previous: CachedArticle | undefined } } | undefined {
    this.#seen.add(key);
    let cached = this.#entries.get(key);
    if (known && "unchanged" in known && cached) {
      problems.push(...cached.problems);
      return cached.parsed && { parsed: cached.parsed, hash: cached.hash };
    }
    const fresh = known && "fresh" in known ? known.fresh : undefined;
    const stats = fresh ?? statSync(path, { throwIfNoEntry: false });
    let reparsed: { previous: CachedArticle | undefined } | undefined;
    if (!stats || !cached || cached.mtimeMs !== stats.mtimeMs || cached.size !== stats.size) {
      // (A child's record is the build's to keep: it becomes the entry, not a copy of it.)
      const own: ContentProblem[] = fresh ? fresh.problems : [];
      const bytes = fresh ? undefined : readBytes(path, key, own);
      this.#filesRead++;
      const wasRead = fresh !== undefined || bytes !== undefined;
      const hash = fresh ? fresh.hash : bytes ? contentHash(bytes) : "";
      if (wasRead && cached && cached.hash === hash) {
        cached = { ...cached, mtimeMs: stats?.mtimeMs ?? 0, size: stats?.size ?? 0 };
      } else {
        const parsed = fresh ? fresh.parsed : bytes && parse(bytes, own);
        const previous = cached ?? this.#previousContext.get(key);
        reparsed = { previous };
        cached = fresh ?? { mtimeMs: stats?.mtimeMs ?? 0, size: stats?.size ?? 0, hash, parsed, problems: own };
        // A file that now has problems keeps its last good parse in the cache (its problems are
        // reported, and it is parsed again next time): what was published stays known, so a
        // moved page is still caught once the problems are fixed (moves.ts).
        if (!parsed && previous?.parsed) {
          problems.push(...own);
          // (A parse of another context is kept for its URL only: no hash, so never reused as a parse.)
          if (previous !== this.#entries.get(key)) {
            this.#entries.set(key, { ...previous, hash: "" });
            this.#dirty.add(key);
          }
          return undefined;
        }
      }
      if (stats && wasRead) {
        this.#entries.set(key, cached);
        this.#dirty.add(key);
      }
    }
    problems.push(...cached.problems);
    return cached.parsed && { parsed: cached.parsed, hash: cached.hash, ...(reparsed && { reparsed }) };
  }

  /**
   * Puts back an entry as it was before this load (undefined: none), so that the next load
   * reads the file again and sees the same change (see moves.ts); kept by sweep.
   */
  restore(key: string, entry: CachedArticle | undefined): void {
    if (entry) {
      this.#entries.set(key, entry);
      this.#seen.add(key);
    } else {
      this.#entries.delete(key);
    }
    this.#dirty.add(key);
  }

  /** Before sweep: the entries of files this load did not read (deleted or renamed since). */
  *unread(): IterableIterator<[string, CachedArticle]> {
    for (const entry of this.#entries) if (!this.#seen.has(entry[0])) yield entry;
    for (const entry of this.#previousContext) if (!this.#seen.has(entry[0]) && !this.#entries.has(entry[0])) yield entry;
  }

  /** Forgets every entry without marking it changed (they are saved): the memory is the model's. Save no more after this. */
  release(): void {
    this.#entries = new Map();
    this.#previousContext = new Map();
    this.#dirty.clear();
    this.#released = true;
  }

  /** Ends a load: the entries of files it did not read (deleted or moved files) go. */
  sweep(): void {
    for (const key of this.#entries.keys()) {
      if (!this.#seen.has(key)) {
        this.#entries.delete(key);
        this.#dirty.add(key);
      }
    }
    this.#previousContext = new Map();
  }

  /**
   * Writes the cache into `folder` (its own: what else is there goes), rewriting only the
   * files whose entries changed since it was loaded or saved. Each file is written to a
   * temporary name and renamed, so a build that dies midway leaves whole files.
   */
  async save(folder: string): Promise<void> {
    // (Empty after release: saving would write an empty cache over the saved one.)
    if (this.#released) throw new Error("ArticleCache.save after release");
    const buckets = Math.max(1, 2 ** Math.ceil(Math.log2(Math.max(1, this.#entries.size / this.#entriesPerFile))));
    const names = new Set(await readdir(folder).catch(() => [] as string[]));
    const layoutChanged = this.#rewriteAll || !names.has(`${buckets - 1}.json`) || names.has(`${buckets}.json`);
    const files = Array.from({ length: buckets }, () => [] as [string, CachedArticle][]);
    for (const entry of this.#entries) files[bucketOf(entry[0], buckets)]!.push(entry);
    const dirty = new Set([...this.#dirty].map((key) => bucketOf(key, buckets)));
    await mkdir(folder, { recursive: true });
    for (const [index, entries] of files.entries()) {
      if (!layoutChanged && !dirty.has(index)) continue;
      const file: CacheFile = { format: this.#format, context: this.#context, buckets, entries };
      const path = join(folder, `${index}.json`);
      await writeFile(`${path}.tmp`, JSON.stringify(file));
      await rename(`${path}.tmp`, path);
    }
    const wanted = new Set(files.map((_, index) => `${index}.json`));
    for (const name of names) if (!wanted.has(name)) await rm(join(folder, name), { force: true });
    this.#dirty.clear();
    this.#rewriteAll = false;
  }

  /**
   * About how many articles the cache saved in `folder` holds, at most (its files' count
   * times the entries a file is cut for: up to twice too many), from one listing of the
   * folder; undefined when there is none. For sizing a build before anything is read.
   */
  static capacity(folder: string): number | undefined {
    const count = existsSync(folder) ? readdirSync(folder).filter((name) => /^\d+\.json$/.test(name)).length : 0;
    return count > 0 ? count * ENTRIES_PER_FILE : undefined;
  }

  /**
   * The cache saved in `folder` by this version of strichka; an empty cache when there is
   * none, or it is of another version, format or layout, or damaged: it is only ever an
   * optimisation. (Its context is checked by the first load that uses it, see begin.)
   */
  static async load(folder: string, version: string, entriesPerFile?: number): Promise<ArticleCache> {
    const cache = new ArticleCache(version, entriesPerFile);
    const names = await readdir(folder).catch(() => [] as string[]);
    const files = names.filter((name) => /^\d+\.json$/.test(name));
    try {
      for (const name of files) {
        // Read as bytes, then decoded at once: readFile's own decoding ("utf8") goes through a
        // StringDecoder chunk by chunk, 15–25 % slower over a cache's ~90 MB at 100,000 articles.
        const file = JSON.parse((await readFile(join(folder, name))).toString("utf8")) as CacheFile;
        cache.#context = file.context;
        if (file.format !== cache.#format || file.context !== cache.#context || file.buckets !== files.length || !Array.isArray(file.entries)) throw new Error("another cache");
        for (const [key, entry] of file.entries) {
          if (typeof key !== "string" || typeof entry?.hash !== "string" || typeof entry.mtimeMs !== "number" || !Array.isArray(entry.problems)) throw new Error("damaged");
          cache.#entries.set(key, entry);
        }
      }
    } catch {
      cache.#entries.clear();
      cache.#context = "";
      cache.#rewriteAll = true;
    }
    return cache;
  }
}
