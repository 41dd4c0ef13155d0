// Node's arguments for strichka's child processes (shards.ts renders pages in them,
// content/parse-files.ts parses articles in them).
import { createRequire } from "node:module";
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
