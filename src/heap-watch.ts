// Out of memory, said plainly. When V8's heap fills up, Node dies with a "FATAL ERROR …
// JavaScript heap out of memory" and a native stack, after minutes of collecting garbage
// that frees nothing. Instead, after each full garbage collection the heap still in use is
// compared with the limit; past `share` of it the process says what happened and what to do,
// and exits: a `strichka build` leaves the published site as it was (the next build removes
// the staging folder), and a shard's process makes its build fail with the same words.
import { PerformanceObserver, constants } from "node:perf_hooks";
import { totalmem } from "node:os";
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const MB = 1048576;
/** V8's semi-space limit on 64-bit Node 20 and 22 (MB): the young generation is three of them, 48 MB. */
const DEFAULT_SEMI_SPACE_MB = 16;
/** This process's semi-space limit (MB), see semiSpaceMb. */
const SEMI_SPACE_MB = [...(process.env.NODE_OPTIONS ?? "").split(/\s+/), ...process.execArgv].reduce((mb, flag) => {
  const value = /^--max[-_]semi[-_]space[-_]size=(\d+)$/.exec(flag)?.[1];
  return value ? Number(value) : mb;
}, DEFAULT_SEMI_SPACE_MB);
/** V8's share of the limit past which full collections count as ineffective (heap.cc, IsIneffectiveMarkCompact). */
const INEFFECTIVE_SHARE = 0.8;

/** The exit code of a process that ran out of memory (the shell's 137 is a kill). */
export const OUT_OF_MEMORY = 3;

/** The message, for a heap limit in MB. */
export function outOfMemoryMessage(what: string, limitMb: number, advice: string): string {
  return `${what} ran out of memory: it needs more than its heap limit of ${limitMb} MB. ${advice}`;
}

/**
 * Watches the heap of this process; past `share` of the limit after a full collection,
 * prints `message(limitMb)` and exits with OUT_OF_MEMORY. Returns a function that stops watching.
 */
export function watchHeap(message: (limitMb: number) => string, share = 0.9): () => void {
  // V8 also dies below `share`: after 4 full collections in a row that leave the old
  // generation past 80% of its limit while collecting takes most of the time ("Ineffective
  // mark-compacts near heap limit"; seen at 84% in a loaded CI run). So two in a row past 80%
  // stop the process too, before V8's fourth.
  let pastHigh = 0;
  const observer = new PerformanceObserver((list) => {
    const major = list.getEntries().some((entry) => (entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
    if (!major) return;
    // The limit V8 dies at is the old generation's (--max-old-space-size): see heapLimitBytes.
    const limit = heapLimitBytes();
    const used = getHeapSpaceStatistics()
      .filter((space) => !space.space_name.startsWith("new"))
      .reduce((sum, space) => sum + space.space_used_size, 0);
    pastHigh = used > INEFFECTIVE_SHARE * limit ? pastHigh + 1 : 0;
    if (used > share * limit || pastHigh >= 2) {
      console.error(message(Math.round(limit / 1048576)));
      process.exit(OUT_OF_MEMORY);
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  return () => observer.disconnect();
}

/**
 * Full garbage collections now, until the heap stops shrinking, and the freed memory handed
 * back to the system: V8 would keep it until the heap needs room, and a build that goes on to
 * start child processes (the shards) would have it counted beside theirs. One collection
 * frees the objects but moves the survivors of only some half-empty pages, so the rest stay
 * (a trial with 24 MB live among 490 MB freed: RSS 581 → 470 MB after two collections, 145 MB
 * after six; at a million articles the build kept 1.9 GB of RSS beside the shards after two).
 * V8's gc() is exposed for the call as jest's leak detector does it.
 */
export function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  let previous = Infinity;
  for (let round = 0; round < 12; round++) {
    gc();
    const total = getHeapStatistics().total_heap_size;
    if (round > 0 && total > previous * 0.97) break;
    previous = total;
  }
}

/**
 * The old generation's limit of this process, in bytes (see watchHeap): heap_size_limit adds
 * the young generation, three semi-spaces (measured on 64-bit Node 20 and 22: 64 → 112,
 * 1,294 → 1,342, 4,096 → 4,144 MB; with 64 MB semi-spaces, 1,000 → 1,192).
 */
function heapLimitBytes(): number {
  return getHeapStatistics().heap_size_limit - 3 * SEMI_SPACE_MB * MB;
}

/** This process's old-generation limit in MB (what --max-old-space-size set, or Node's default). */
export function heapLimitMb(): number {
  return Math.round(heapLimitBytes() / MB);
}

/**
 * The semi-space limit this process started with (MB): --max-semi-space-size on its command
 * line, else in NODE_OPTIONS (the command line wins, as in Node), else V8's default. (V8 has
 * no call that tells it; it is fixed when the process starts, so read once.)
 */
export function semiSpaceMb(): number {
  return SEMI_SPACE_MB;
}


/**
 * The semi-space size a build of a big archive runs with (MB), and from how many articles.
 * Loading a big archive's metadata makes objects that all survive; with V8's 16 MB
 * semi-spaces that is a thousand scavenges at a million articles, each copying what it finds.
 * Measured (BENCHMARKS.md, twelfth session): one new article into 1,000,000 took 49–51 s
 * with the default and 41–44 s with 64 MB (128 MB: no better; 32 MB: 45 s); into 250,000,
 * 9.1–9.5 s against 9.7–10.6 s; into 100,000, no difference. V8 sets it when a process
 * starts (v8.setFlagsFromString later does nothing, measured), so a build that needs it runs
 * again in a process started with it, which costs about what 250,000 gain (measured: 9.3–9.5 s
 * in all): hence from 500,000 (counted as countArticles counts, at most twice too many).
 */
export const BIG_ARCHIVE_SEMI_SPACE_MB = 64;
export const BIG_ARCHIVE_ARTICLES = 500_000;

/**
 * The heap a build's coordinating process needs for an archive of `articles` (MB): its
 * content model (~2.1 KB an article, measured at 10,000 and 100,000), what the build makes
 * beside it (page state, indexes, garbage), over Eleventy's own ~300 MB. At a million
 * articles, 3,442 MB; at 100,000, 805 MB.
 */
export function buildHeapMb(articles: number): number {
  return 512 + Math.ceil((articles * 3) / 1024);
}

/**
 * The heap limit a build of `articles` should run with (MB), when this process's is too
 * small for it (undefined: it is enough). Node's default is a share of the machine's memory
 * (about 2 GB on a machine of 8 GB, such as a hosted build's): a big archive would run out
 * of it. Never more than three quarters of the machine's memory.
 */
function raisedHeapMb(articles: number): number | undefined {
  const limit = Math.floor(heapLimitBytes() / MB);
  const wanted = Math.min(buildHeapMb(articles), Math.floor((totalmem() / MB) * 0.75));
  return wanted > limit ? wanted : undefined;
}

/** What a build of `articles` should run again with, when this process falls short of it (see raisedHeapMb and BIG_ARCHIVE_SEMI_SPACE_MB); undefined when it is enough. */
export function buildProcessSettings(articles: number): { heapMb?: number; semiSpaceMb?: number } | undefined {
  const settings = {
    heapMb: raisedHeapMb(articles),
    semiSpaceMb: articles >= BIG_ARCHIVE_ARTICLES && SEMI_SPACE_MB < BIG_ARCHIVE_SEMI_SPACE_MB ? BIG_ARCHIVE_SEMI_SPACE_MB : undefined,
  };
  return settings.heapMb !== undefined || settings.semiSpaceMb !== undefined ? settings : undefined;
}
