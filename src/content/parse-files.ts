// Reading and parsing many article files at once (a first build, a new machine's cache, a
// changed topics.json) in child processes, as many as the build renders shards with.
//
// Why: at a million articles the parse is ~10 minutes on one core, and its garbage (file
// texts, YAML documents, zod's results: ~2 GB at its peak, measured) would live in the
// build's own heap next to the model. The children read, hash and parse; the build gets
// each file's result as plain data (ParsedArticle is plain JSON), in the order it asks, and
// goes on exactly as if it had parsed the files itself (cache.ts, load.ts): the same results,
// the same problems in the same order. A child that fails leaves its files to the build.
import { fork, type ChildProcess } from "node:child_process";
import { statSync, readFileSync } from "node:fs";
import { childFiles, childNodeArgs, siblingModule } from "../child-node.js";
import type { ContentProblem } from "../errors.js";
import { UrlScheme, type UrlOptions } from "../urls.js";
import { contentHash, parseArticle, type ParseContext, type ParsedArticle } from "./article-file.js";
import { articleSchema } from "./schema.js";

/** A file to read: `knownHash` is its cached version's, which needs no parse when the bytes still have it. */
export interface ReadJob {
  path: string;
  /** The file relative to the project (names it in problems). */
  key: string;
  knownHash?: string;
}

/** What reading one file gave: its stats and hash, and its parse unless the hash was the known one. Plain JSON. */
export interface FreshRead {
  mtimeMs: number;
  size: number;
  hash: string;
  parsed: ParsedArticle | undefined;
  problems: ContentProblem[];
}

/** What a parse depends on besides the file, as data a child can receive. */
export interface ParseSettings {
  slugs: readonly string[] | undefined;
  zone: string;
  urls: UrlOptions;
}

/** Fewer files than this are parsed by the build itself: a child's start (~0.5 s under tsx) would not pay. */
export const PARSE_IN_PROCESSES_FROM = 4_000;
/** Files per message: few enough to keep a message small, many enough that messages cost little. */
const BATCH = 400;
/** A child keeps nothing between batches: a batch's garbage is all it needs room for. */
const CHILD_HEAP_MB = 512;

export function parseContext({ slugs, zone, urls }: ParseSettings): ParseContext {
  return { schema: articleSchema(slugs, zone), urls: new UrlScheme(urls), zone };
}

/** Reads one file as cache.ts would; undefined when it cannot be read (the build then reads it itself and says why). */
export function readOne(job: ReadJob, context: ParseContext): FreshRead | undefined {
  try {
    const stats = statSync(job.path);
    const bytes = readFileSync(job.path);
    const hash = contentHash(bytes);
    const found = { mtimeMs: stats.mtimeMs, size: stats.size, hash };
    if (hash === job.knownHash) return { ...found, parsed: undefined, problems: [] };
    const problems: ContentProblem[] = [];
    return { ...found, parsed: parseArticle(bytes, job.key, context, problems), problems };
  } catch {
    return undefined;
  }
}

/** Messages between the build and a child (see parse-process.ts). */
export type ToChild = { settings: ParseSettings } | { jobs: ReadJob[] };
/** (A file the child could not read is null: the message is JSON.) */
export type FromChild = { results: (FreshRead | null)[] };

/**
 * `jobs` read in `processes` children; the result for each file by its key (files a child
 * could not read, or that a failed child had, are missing: the build reads those itself).
 */
export async function readInProcesses(jobs: readonly ReadJob[], settings: ParseSettings, processes: number): Promise<Map<string, FreshRead>> {
  const results = new Map<string, FreshRead>();
  const [entry] = childFiles(siblingModule(import.meta.url, "./parse-process"));
  let next = 0;
  const lane = () =>
    new Promise<void>((done) => {
      let child: ChildProcess;
      try {
        // JSON, not "advanced" (v8) serialization: objects JSON.parse makes take less than half
        // the memory of those the v8 deserializer makes (687 against 1,523 bytes for a parsed
        // article, measured), and the build keeps a million of them.
        child = fork(entry, [], { execArgv: childNodeArgs(entry, CHILD_HEAP_MB), serialization: "json", stdio: ["ignore", "ignore", "inherit", "ipc"] });
      } catch {
        done();
        return;
      }
      let batch: ReadJob[] = [];
      const send = () => {
        batch = jobs.slice(next, (next += BATCH));
        if (batch.length === 0) child.disconnect();
        else child.send({ jobs: batch } satisfies ToChild);
      };
      child.on("message", ({ results: read }: FromChild) => {
        read.forEach((result, index) => result && results.set(batch[index]!.key, result));
        send();
      });
      child.on("error", () => undefined);
      // Whatever the way it ends: what it has not answered for is the build's to read.
      child.on("exit", (code, signal) => {
        if (code !== 0) console.error(`A process parsing articles for the build stopped (${signal ?? `exit ${code}`}); the build parses its files itself.`);
        done();
      });
      child.send({ settings } satisfies ToChild);
      send();
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(processes, Math.ceil(jobs.length / BATCH))) }, lane));
  return results;
}
