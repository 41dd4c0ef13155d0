// Where `strichka build` writes, and how a finished build replaces the published site.
//
// Eleventy writes into a staging folder next to the output; only when the whole build has
// succeeded does that folder replace the output, so a failed build leaves the published
// site as it was. Writing 12,000 files into an empty folder costs the file system far more
// than overwriting existing ones (10,000 articles on this project's machines: 18 s against
// 11 s, nearly all of it kernel time). So the site before the published one is kept
// ("recycled") and becomes the next staging folder: Eleventy overwrites it in place, and
// every file the previous build there wrote that this build did not is deleted. The result
// is file for file what a build into an empty folder gives. Each build's files are listed
// in a manifest beside its folder (never inside it, where it would be published); files
// that nothing in the build reported (written by another plugin, say) are left as plain
// Eleventy leaves them.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { readdir, rename, rm, rmdir, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";

/** The relative paths ("novyny/2026/01/14/x.html") of a folder's files as its build wrote them. */
type Manifest = string[];

const manifestPath = (folder: string) => join(dirname(folder), `.${basename(folder).replace(/^\./, "")}.files.json`);

function readManifest(folder: string): Manifest | undefined {
  try {
    const files: unknown = JSON.parse(readFileSync(manifestPath(folder), "utf8"));
    return Array.isArray(files) && files.every((file) => typeof file === "string") ? files : undefined;
  } catch {
    return undefined;
  }
}

/** Moves a folder with its manifest; nothing when it does not exist. */
async function move(from: string, to: string): Promise<void> {
  if (!existsSync(from)) return;
  await rename(from, to);
  if (existsSync(manifestPath(from))) await rename(manifestPath(from), manifestPath(to));
}

/**
 * Deletes a folder (and its manifest) from a detached process: a site is thousands of
 * files, and the build need not wait for them. The folder is renamed first, so that its
 * name is free at once.
 */
async function removeInBackground(folder: string): Promise<void> {
  if (!existsSync(folder)) return;
  const trash = join(dirname(folder), `.${basename(folder).replace(/^\./, "")}.deleting-${process.pid}-${Date.now()}`);
  await move(folder, trash);
  const paths = JSON.stringify([trash, manifestPath(trash)]);
  spawn(process.execPath, ["-e", `for (const path of ${paths}) require("node:fs").rmSync(path, { recursive: true, force: true })`], { detached: true, stdio: "ignore" }).unref();
}

/** Removes a now empty folder and its empty parents, up to (not including) `root`. */
async function removeEmptyFolders(folder: string, root: string): Promise<void> {
  for (let current = folder; current !== root && current.startsWith(root + sep); current = dirname(current)) {
    if ((await readdir(current)).length > 0) return;
    await rmdir(current);
  }
}

export class SiteFolders {
  readonly output: string;
  /** Where this build writes. */
  readonly staging: string;
  /** The site before the published one, to build into next time. */
  readonly recycled: string;
  #previousFiles: Manifest = [];

  constructor(outputDir: string) {
    this.output = resolve(outputDir);
    const parent = dirname(this.output);
    this.staging = join(parent, `.${basename(this.output)}.building-${process.pid}`);
    this.recycled = join(parent, `.${basename(this.output)}.recycled`);
  }

  /** Makes the staging folder: the recycled site when there is one with its manifest, else an empty one. */
  async prepare(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
    const files = readManifest(this.recycled);
    if (files && existsSync(this.recycled)) {
      await move(this.recycled, this.staging);
      this.#previousFiles = files;
    } else {
      await removeInBackground(this.recycled);
    }
  }

  /**
   * After a successful build: deletes what the previous build in this folder wrote and this
   * one did not (`written`: the paths this build reported), records this build's files, and
   * returns them.
   */
  async complete(written: readonly string[]): Promise<ReadonlySet<string>> {
    const files = new Set<string>();
    for (const path of written) {
      const inside = relative(this.staging, resolve(path));
      if (inside && !inside.startsWith("..") && statSync(join(this.staging, inside), { throwIfNoEntry: false })?.isFile()) files.add(inside.split(sep).join("/"));
    }
    for (const file of this.#previousFiles) {
      if (files.has(file)) continue;
      const path = join(this.staging, file);
      await unlink(path).catch(() => undefined);
      await removeEmptyFolders(dirname(path), this.staging);
    }
    await writeFile(manifestPath(this.staging), JSON.stringify([...files]));
    return files;
  }

  /**
   * The staging folder becomes the published site; the published one is kept for
   * recycling when a build of ours made it (it has a manifest), else deleted.
   */
  async publish(): Promise<void> {
    await removeInBackground(this.recycled);
    if (readManifest(this.output)) await move(this.output, this.recycled);
    else await removeInBackground(this.output);
    await move(this.staging, this.output);
  }

  /** After a failed build: the staging folder is deleted, the published site untouched. */
  async discard(): Promise<void> {
    await removeInBackground(this.staging);
  }
}
