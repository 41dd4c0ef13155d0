// Reading the files: UTF-8 text, JSON data files through their schemas, the list of
// article files. Every problem is collected, none thrown.
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join, relative } from "node:path";
import type { z } from "zod";
import type { ContentProblem } from "../errors.js";
import { walkFiles } from "../walk.js";
import type { LoadOptions } from "./load.js";
import { issuesToProblems, siteSchema, type SiteSettings } from "./schema.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a file as UTF-8; invalid bytes are a problem, not mojibake on the site. Synchronous
 * on purpose: nothing else runs while the model loads, and 10,000 small reads are faster
 * one after another than as 10,000 promises on libuv's thread pool (2.2 s against 2.9 s).
 */
export function readText(path: string, file: string, problems: ContentProblem[]): string | undefined {
  const bytes = readBytes(path, file, problems);
  return bytes && decodeText(bytes, file, problems);
}

/** A file's bytes; a file that cannot be read is a problem. */
export function readBytes(path: string, file: string, problems: ContentProblem[]): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    problems.push({ file, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    return undefined;
  }
}

/** A file's bytes as UTF-8 text; invalid bytes are a problem. */
export function decodeText(bytes: Uint8Array, file: string, problems: ContentProblem[]): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    problems.push({ file, message: "is not valid UTF-8 text; save it as UTF-8 in your editor" });
    return undefined;
  }
}

function readJson(path: string, file: string, problems: ContentProblem[]): unknown {
  const text = readText(path, file, problems);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split("\n").length;
    problems.push({ file, line, message: `is not valid JSON (${(error as Error).message}); check commas, quotes and brackets` });
    return undefined;
  }
}

export function readDataFile<T>(dataDir: string, name: string, schema: z.ZodType<T>, root: string, problems: ContentProblem[]): T | undefined {
  const path = join(dataDir, name);
  const file = relative(root, path);
  const raw = readJson(path, file, problems);
  if (raw === undefined) return undefined;
  const result = schema.safeParse(raw);
  if (!result.success) {
    problems.push(...issuesToProblems(result.error.issues, file));
    return undefined;
  }
  return result.data;
}

/** _data/site.json (optional when the plugin's `site` option has everything) with the option over it. */
export async function readSiteSettings(options: LoadOptions, root: string, problems: ContentProblem[]): Promise<SiteSettings | undefined> {
  const path = join(options.dataDir, "site.json");
  const file = relative(root, path);
  let fromFile: unknown = {};
  try {
    await stat(path);
    fromFile = readJson(path, file, problems);
  } catch {
    if (!options.site) {
      problems.push({ file, message: "is missing; create it with title, description, url and author (or give them in the plugin's site option)" });
      return undefined;
    }
  }
  if (fromFile === undefined) return undefined;
  const result = siteSchema.safeParse({ ...(fromFile as object), ...options.site });
  if (!result.success) {
    problems.push(...issuesToProblems(result.error.issues, options.site ? `${file} (with the plugin's site option)` : file));
    return undefined;
  }
  return result.data;
}

/** The article files, symbolic links followed (see walk.ts); loops and broken links are problems. */
export function listMarkdown(dir: string, root: string, problems: ContentProblem[]): string[] {
  const { files, problems: found } = walkFiles(dir, { wanted: (name) => name.endsWith(".md"), root });
  problems.push(...found);
  return files;
}
