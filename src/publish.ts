// Where `strichka build` writes, and how a finished build replaces the published site.
//
// Eleventy writes into a staging folder next to the output; only when the whole build has
// succeeded does that folder replace the output, so a failed build leaves the published
// site as it was. Writing 12,000 files into an empty folder costs the file system far more
// than overwriting existing ones (10,000 articles on this project's machines: 18 s against
// 11 s, nearly all of it kernel time). So the site before the published one is kept
// ("recycled") and becomes the next staging folder:
// - before the build, everything in it that its own build did not write is deleted (what
//   a preview, plain `eleventy` or a deploy script added there: drafts, say), so it holds
//   exactly the files of one production build, listed in its manifest;
// - Eleventy overwrites those files in place;
// - after the build, those of them this build did not write are deleted.
// So the published site is file for file what a build into an empty folder gives; files
// other plugins write during the build are kept, as plain Eleventy keeps them. The
// manifest of each folder lies beside it (inside it would be published).
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

/**
 * Whether `folder` is a site that `strichka build` published (its manifest lies beside it).
 * The preview must never write there: its drafts would go live with the next deploy.
 */
export function isPublishedSite(folder: string): boolean {
  return existsSync(manifestPath(resolve(folder)));
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

/** Folder names compare as the file system does: case-insensitively on macOS and Windows. */
const sameName = process.platform === "darwin" || process.platform === "win32" ? (name: string) => name.normalize("NFC").toLowerCase() : (name: string) => name;

/** All files under `dir`, as relative paths with forward slashes. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

/** Whether a process runs: another build may be writing its staging folder. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
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
    // The output folder is replaced as a whole: never the project (`--output=.`) or a parent of it.
    if (process.cwd() === this.output || process.cwd().startsWith(this.output + sep)) {
      throw new Error(`The output folder ${this.output} contains the project; give a folder of its own, such as _site`);
    }
  }

  /**
   * Makes the staging folder: the recycled site (cleared of all but its own build's files)
   * when there is one with its manifest, else an empty folder.
   */
  async prepare(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
    const parent = dirname(this.output);
    // Staging folders of builds that stopped midway (Ctrl-C, a crash).
    const building = `.${basename(this.output)}.building-`;
    for (const name of existsSync(parent) ? await readdir(parent) : []) {
      const pid = Number(name.slice(building.length));
      if (name.startsWith(building) && Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) await removeInBackground(join(parent, name));
    }
    const files = readManifest(this.recycled);
    if (!files || !existsSync(this.recycled)) {
      await removeInBackground(this.recycled);
      return;
    }
    await move(this.recycled, this.staging);
    const own = new Set(files.map(sameName));
    for (const file of await listFiles(this.staging)) {
      if (!own.has(sameName(file))) await this.#delete(file);
    }
    this.#previousFiles = files;
  }

  async #delete(file: string): Promise<void> {
    const path = join(this.staging, file);
    await unlink(path).catch(() => undefined);
    await removeEmptyFolders(dirname(path), this.staging).catch(() => undefined);
  }

  /**
   * After a successful build: deletes the files of the previous build in this folder that
   * this one did not write (`written`: the paths this build reported), records this
   * build's files, and returns them.
   */
  async complete(written: readonly string[]): Promise<ReadonlySet<string>> {
    const files = new Set<string>();
    for (const path of written) {
      const inside = relative(this.staging, resolve(path));
      if (inside && !inside.startsWith("..") && statSync(join(this.staging, inside), { throwIfNoEntry: false })?.isFile()) files.add(inside.split(sep).join("/"));
    }
    const writtenNames = new Set([...files].map(sameName));
    for (const file of this.#previousFiles) {
      if (!writtenNames.has(sameName(file))) await this.#delete(file);
    }
    if (existsSync(this.staging)) await writeFile(manifestPath(this.staging), JSON.stringify([...files]));
    return files;
  }

  /**
   * The staging folder becomes the published site; the published one is kept for
   * recycling when a build of ours made it (it has a manifest), else deleted. Should the
   * last step fail, the published site is put back.
   */
  async publish(): Promise<void> {
    await removeInBackground(this.recycled);
    const ours = readManifest(this.output) !== undefined;
    if (ours) await move(this.output, this.recycled);
    else await removeInBackground(this.output);
    try {
      await move(this.staging, this.output);
    } catch (error) {
      if (ours) await move(this.recycled, this.output);
      throw error;
    }
  }

  /** After a failed build: the staging folder is deleted, the published site untouched. */
  async discard(): Promise<void> {
    await removeInBackground(this.staging);
  }
}
