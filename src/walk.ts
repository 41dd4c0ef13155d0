// One walk over a folder tree, for the articles (content loading) and the templates (the
// minifier). Symbolic links are followed, to files and to folders, because newsrooms link
// articles in from elsewhere; Node's readdir either skips them (withFileTypes: a link is not
// a file) or follows them blindly (a `loop -> .` link makes the walk endless). Here a link
// to a folder that contains it is reported, as is a link to nothing, and never followed.
import { readdirSync, realpathSync, readlinkSync, statSync, type Dirent, type Stats } from "node:fs";
import { normalize, relative, sep } from "node:path";
import type { ContentProblem } from "./errors.js";

export interface WalkOptions {
  /** Whether a file (by its name, e.g. "a.md") is wanted. */
  wanted: (name: string) => boolean;
  /** Files and folders (by path) not to look at, nor below. */
  skip?: (path: string) => boolean;
  /** The folder the file names in problems are relative to. */
  root?: string;
}

export interface WalkResult {
  /** Wanted files, by the path they are found at (through links, not the links' targets), sorted. */
  files: string[];
  /** Loops, links to nothing, folders that cannot be read. */
  problems: ContentProblem[];
}

/** Every wanted file below `dir` (none when `dir` does not exist); never follows a link in circles. */
export function walkFiles(dir: string, options: WalkOptions): WalkResult {
  const result: WalkResult = { files: [], problems: [] };
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return result;
  }
  const problem = (path: string, message: string) => result.problems.push({ file: relative(options.root ?? process.cwd(), path) || path, message });
  // (Normalized once, as join would each time: see childPath.)
  walkFolder(normalize(dir), [real], options, result.files, problem);
  result.files.sort();
  return result;
}

/**
 * `chain`: the real paths of the folders from the start down to `dir` (its own last). A link
 * whose target is one of them, or contains one, would lead back into the walk forever.
 */
function walkFolder(dir: string, chain: string[], options: WalkOptions, files: string[], problem: (path: string, message: string) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problem(dir, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check its permissions`);
    return;
  }
  for (const entry of entries) {
    const path = childPath(dir, entry.name);
    if (options.skip?.(path)) continue;
    if (entry.isSymbolicLink()) {
      // Emacs's lock files (.#name.md) are links to nothing by design, not content.
      if (entry.name.startsWith(".#")) continue;
      followLink(path, entry.name, chain, options, files, problem);
    } else if (entry.isDirectory()) {
      walkFolder(path, [...chain, childPath(chain.at(-1)!, entry.name)], options, files, problem);
    } else if (entry.isFile() && options.wanted(entry.name)) {
      files.push(path);
    }
  }
}

/**
 * `join(dir, name)` for a normalized `dir` and a `name` read from it (no separator in it):
 * the same string, without join's normalizing, which was 0.5 s of listing 100,000 articles.
 */
export function childPath(dir: string, name: string): string {
  if (dir === ".") return name;
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

function followLink(path: string, name: string, chain: string[], options: WalkOptions, files: string[], problem: (path: string, message: string) => void): void {
  let target: Stats;
  let real: string;
  try {
    target = statSync(path);
    real = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") problem(path, `is a link to ${linkText(path)}, which does not exist; correct the link or remove it`);
    else if (code === "ELOOP") problem(path, "is a link that leads back to itself; remove the link");
    else problem(path, `is a link that cannot be followed (${code ?? String(error)}); correct the link or remove it`);
    return;
  }
  if (target.isDirectory()) {
    if (chain.some((folder) => contains(real, folder))) {
      problem(path, "is a link to a folder that contains it; remove the link");
      return;
    }
    walkFolder(path, [...chain, real], options, files, problem);
  } else if (target.isFile() && options.wanted(name)) {
    files.push(path);
  }
}

/** Whether folder `outer` is `inner` or holds it. */
function contains(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

function linkText(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return "a file";
  }
}
