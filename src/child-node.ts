// Node's arguments for strichka's child processes (shards.ts renders pages in them,
// content/parse-files.ts parses articles in them).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Node's arguments for a child that runs `entry`: this process's own (a TypeScript loader
 * such as tsx, which a site's eleventy.config.ts needs), with tsx added when the entry is
 * TypeScript (strichka run from its sources, as in its tests), and the child's own heap
 * limit instead of this process's.
 */
export function childNodeArgs(entry: string, heapMb: number): string[] {
  const own = process.execArgv.filter((arg) => !arg.startsWith("--max-old-space-size"));
  const hasTsx = own.some((arg) => arg.includes("tsx"));
  // tsx as strichka finds it (the site's folder, the child's working directory, may have none).
  const tsx = () => pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return [...own, ...(entry.endsWith(".ts") && !hasTsx ? ["--import", tsx()] : []), `--max-old-space-size=${heapMb}`];
}

/** A module of strichka beside `base` (an import.meta.url), as a file: `.ts` under tsx, `.js` when installed. */
export function siblingModule(base: string, name: string): string {
  return fileURLToPath(new URL(`${name}${base.endsWith(".ts") ? ".ts" : ".js"}`, base));
}

/** strichka's own folder: the repository (src/ under tsx), or the installed package (dist/). */
const PACKAGE = fileURLToPath(new URL("..", import.meta.url));

/**
 * Set by strichka's tests only (tests/helpers/site.ts, for builds run in the test process):
 * a folder holding strichka compiled to JavaScript in the repository's layout (src/…/*.js,
 * eleventy.config.js; tests/global-setup.ts compiles it once per test run).
 */
export const TEST_COMPILED = "STRICHKA_TEST_COMPILED";

/**
 * What a child process starts from: `files` (its entry module, and for a shard the site's
 * config) as they are, except in strichka's tests (TEST_COMPILED set), where a build run from
 * src/ through tsx starts its children from the compiled copies instead when every one of
 * `files` is strichka's own TypeScript and has a copy there (a site's own TypeScript config
 * keeps them all on tsx). The same code, compiled by tsx's own compiler with tsx's options,
 * without tsx's module hooks, which cost a child some 2.3 s of CPU.
 */
export function childFiles<const Files extends readonly string[]>(...files: Files): Files {
  const folder = process.env[TEST_COMPILED];
  if (!folder) return files;
  const copies = files.map((file) => {
    const inPackage = relative(PACKAGE, resolve(file));
    if (!file.endsWith(".ts") || inPackage.startsWith("..") || isAbsolute(inPackage)) return undefined;
    const copy = join(folder, inPackage.replace(/\.ts$/, ".js"));
    return existsSync(copy) ? copy : undefined;
  });
  return copies.every((copy) => copy !== undefined) ? (copies as unknown as Files) : files;
}
