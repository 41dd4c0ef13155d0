// Which article files git vouches for: tracked, and the same in the working tree as in
// git's index, each with its blob id. A CI checkout (Netlify's fresh clone) gives every file
// a new modification time, so without this a build with a kept cache would still read and
// hash every article (minutes at a million); with it, a file whose blob id is the one its
// cached parse was made from (contentHash is the blob id) is known unchanged without being
// read, or even `stat`ed by the build (git has looked at it, in parallel and in C).
//
// Only a help: no git, no repository, a file git does not track (new, ignored, a symbolic
// link or behind one) or any failure leaves the file to the usual checks (cache.ts).
import { spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Runs git in `cwd`; its output, or undefined when it fails (no git, not a repository). */
function git(cwd: string, args: string[]): Promise<Buffer | undefined> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let child;
    try {
      child = spawn("git", args, { cwd, stdio: ["ignore", "pipe", "ignore"] });
    } catch {
      done(undefined);
      return;
    }
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", () => done(undefined));
    child.on("close", (code) => done(code === 0 ? Buffer.concat(chunks) : undefined));
  });
}

/** NUL-separated records (`-z`), without the empty one after the last NUL. */
function records(output: Buffer): string[] {
  const list = output.toString("utf8").split("\0");
  if (list.at(-1) === "") list.pop();
  return list;
}

/**
 * The article files under `dir` that git tracks as regular files and that are clean in the
 * working tree: their path (as `join(dir, …)` gives it, the way the articles folder is
 * walked) → blob id. Undefined when `dir` is not in a git work tree or git fails.
 */
export async function cleanTrackedFiles(dir: string): Promise<Map<string, string> | undefined> {
  const top = await git(dir, ["rev-parse", "--show-toplevel"]);
  if (!top) return undefined;
  const root = top.toString("utf8").trim();
  let inside: string;
  try {
    inside = relative(realpathSync(root), realpathSync(dir));
  } catch {
    return undefined;
  }
  if (inside.startsWith("..")) return undefined;
  const scope = inside === "" ? "." : inside;
  // status first: it refreshes git's index, so that ls-files reads fresh entries, and it
  // names every tracked file whose content differs from the index (whatever its mtime).
  const [status, staged] = [await git(root, ["status", "--porcelain=v1", "-z", "--untracked-files=no", "--ignore-submodules=all", "--", scope]), await git(root, ["ls-files", "--stage", "-v", "-z", "--", scope])];
  if (!status || !staged) return undefined;
  const dirty = new Set<string>();
  const changes = records(status);
  for (let index = 0; index < changes.length; index++) {
    const record = changes[index]!;
    dirty.add(record.slice(3));
    // A rename or copy names the source in the next record.
    if (record[0] === "R" || record[0] === "C") dirty.add(changes[++index]!);
  }
  const clean = new Map<string, string>();
  const prefix = inside === "" ? "" : `${inside.split(sep).join("/")}/`;
  for (const record of records(staged)) {
    // "<tag> <mode> <blob> <stage>\t<path>": "H" (cached; not assume-unchanged or
    // skip-worktree, whose changes git does not look for), regular files only, merged, clean.
    const tab = record.indexOf("\t");
    const [tag, mode, blob, stage] = record.slice(0, tab).split(" ");
    const path = record.slice(tab + 1);
    if (tag !== "H" || (mode !== "100644" && mode !== "100755") || stage !== "0" || dirty.has(path) || !path.startsWith(prefix)) continue;
    clean.set(join(dir, ...path.slice(prefix.length).split("/")), blob!);
  }
  return clean;
}
