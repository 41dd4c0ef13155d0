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
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, rmdirSync, rmSync, statSync, unlinkSync } from "node:fs";
import { cp, lstat, readdir, realpath, rename, rm, rmdir, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { changedFolders, parseFolderTimes, recordFolderTimes } from "./folder-times.js";
import { pageStateText, parsePageState, type PageState } from "./incremental.js";
import { DEFAULT_INCLUDES, DEFAULT_INPUT, PACKAGE_ROOT } from "./plugin/folders.js";
import { urlToFile } from "./urls.js";

/** The relative paths ("novyny/2026/01/14/x.html") of a folder's files as its build wrote them. */
type Manifest = string[];

const besideFolder = (folder: string, suffix: string) => join(dirname(folder), `.${basename(folder).replace(/^\./, "")}.${suffix}`);
const manifestPath = (folder: string) => besideFolder(folder, "files.json");
/** What the folder's pages were made of (see incremental.ts): an optimisation, never trusted for more. */
const pageStatePath = (folder: string) => besideFolder(folder, "pages.json");
/** The times of its folders when its build finished (see folder-times.ts): an optimisation too. */
const folderTimesPath = (folder: string) => besideFolder(folder, "folders.json");
/** The files that belong to a folder and travel with it. */
const companions = (folder: string) => [manifestPath(folder), pageStatePath(folder), folderTimesPath(folder)];

/** A part of a path that is empty, "." or "..": one test, not a split of each of a manifest's 100,000 entries. */
const UNSAFE_PART = /(?:^|[\\/])\.{0,2}(?:[\\/]|$)/;

/**
 * A manifest entry we may delete or keep: a relative path that stays inside its folder. A
 * manifest is a file anyone can edit, and its entries are joined to a folder and deleted:
 * "../../victim.txt" must never reach the file system.
 */
function isSafeEntry(entry: unknown): entry is string {
  return typeof entry === "string" && entry !== "" && !entry.includes("\0") && !isAbsolute(entry) && !UNSAFE_PART.test(entry);
}

type ManifestReading = { files: Manifest } | { problem: string } | undefined;

/** A folder's manifest: its files, or why it cannot be trusted; undefined when there is none. */
function readManifest(folder: string): ManifestReading {
  const path = manifestPath(folder);
  let files: unknown;
  try {
    files = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    return { problem: `${basename(path)} is not a list of files (${(error as Error).message})` };
  }
  if (!Array.isArray(files)) return { problem: `${basename(path)} is not a list of files` };
  const unsafe = files.find((file) => !isSafeEntry(file));
  if (unsafe !== undefined) return { problem: `${basename(path)} lists ${JSON.stringify(unsafe)}, which is not a file inside ${basename(folder)}/` };
  return { files };
}

/**
 * Whether `folder` is a site that `strichka build` published (its manifest lies beside it).
 * The preview must never write there: its drafts would go live with the next deploy.
 */
export function isPublishedSite(folder: string): boolean {
  return existsSync(manifestPath(resolve(folder)));
}

/** Moves a folder with its manifest and page state; nothing when it does not exist. */
async function move(from: string, to: string): Promise<void> {
  if (!existsSync(from)) return;
  await rename(from, to);
  await moveCompanions(from, to);
}

async function moveCompanions(from: string, to: string): Promise<void> {
  const targets = companions(to);
  for (const [index, path] of companions(from).entries()) if (existsSync(path)) await rename(path, targets[index]!);
}

/**
 * Deletes a folder (and its manifest) from a detached process: a site is thousands of
 * files, and the build need not wait for them. The folder is renamed first, so that its
 * name is free at once. (rmSync deletes links, never what they point to.)
 */
async function removeInBackground(folder: string): Promise<void> {
  if (![folder, ...companions(folder)].some((path) => existsSync(path))) return;
  const trash = besideFolder(folder, `deleting-${process.pid}-${Date.now()}`);
  if (existsSync(folder)) await move(folder, trash);
  else await moveCompanions(folder, trash);
  const paths = JSON.stringify([trash, ...companions(trash)]);
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
const caseless = process.platform === "darwin" || process.platform === "win32";
const sameName = caseless ? (name: string) => name.normalize("NFC").toLowerCase() : (name: string) => name;

/**
 * Deletes everything below `dir` that is not one of `keep` (relative paths, compared with
 * sameName): other files, links of any kind (never followed) and folders left empty; the
 * files kept go into `present`. Returns whether `dir` itself is now empty. Synchronous: it
 * is the only work at that moment, and a promise per folder of a 100,000-page site left
 * the process waiting on the thread pool.
 */
function removeAllBut(dir: string, keep: ReadonlySet<string>, present: Set<string>, prefix = ""): boolean {
  let kept = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = prefix + entry.name;
    // (Not path.join: `dir` is normalized already, and join was a fifth of this walk's time.)
    const path = dir.endsWith(sep) ? dir + entry.name : dir + sep + entry.name;
    if (entry.isDirectory() && !entry.isSymbolicLink()) {
      if (removeAllBut(path, keep, present, `${file}/`)) rmdirSync(path);
      else kept++;
    } else if (entry.isFile() && keep.has(sameName(file))) {
      present.add(file);
      kept++;
    } else {
      unlinkSync(path);
    }
  }
  return kept === 0;
}

/**
 * removeAllBut for a site whose folders' times were recorded when its build finished (see
 * folder-times.ts): only the folders whose time moved are read. `files`: the manifest's.
 * Returns the files present, or undefined when the record cannot be used (the caller then
 * walks the whole site). Not on file systems whose names compare without case.
 */
function removeAllButInChangedFolders(dir: string, files: readonly string[]): Set<string> | undefined {
  const record = !caseless && existsSync(folderTimesPath(dir)) ? parseFolderTimes(readFileSync(folderTimesPath(dir), "utf8")) : undefined;
  const changed = record && changedFolders(dir, record, manifestPath(dir));
  if (!record || !changed) return undefined;
  const present = new Set(files);
  if (changed.length === 0) return present;
  const folders = new Set(record.folders);
  const inChanged = new Map(changed.map((folder) => [folder, new Set<string>()]));
  for (const file of files) inChanged.get(file.slice(0, Math.max(0, file.lastIndexOf("/"))))?.add(file);
  for (const [folder, expected] of inChanged) {
    const path = folder === "" ? dir : join(dir, folder);
    let left = 0;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const file = folder === "" ? entry.name : `${folder}/${entry.name}`;
      const isFolder = entry.isDirectory() && !entry.isSymbolicLink();
      if ((isFolder && folders.has(file)) || (entry.isFile() && expected.delete(file))) left++;
      else if (isFolder) rmSync(join(path, entry.name), { recursive: true, force: true });
      else unlinkSync(join(path, entry.name));
    }
    // What the manifest lists but is gone (deleted by hand) is rendered again.
    for (const file of expected) present.delete(file);
    if (left === 0 && folder !== "") rmdirSync(path);
  }
  return present;
}

/**
 * Copies a folder tree, links as links, times kept: with the system's `cp -a` where there is
 * one (a site is many thousands of small files; Node's fs.cp copies them one by one through
 * JavaScript, several times slower), else with fs.cp.
 */
async function copyTree(from: string, to: string): Promise<void> {
  if (process.platform !== "win32") {
    const code = await new Promise<number | null>((done) => {
      const child = spawn("cp", ["-a", from, to], { stdio: "ignore" });
      child.on("error", () => done(-1));
      child.on("exit", done);
    });
    if (code === 0) return;
    await rm(to, { recursive: true, force: true });
  }
  await cp(from, to, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
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

/**
 * The folder a site is published to. A link (`_site` → /srv/www/news) is published
 * through: the site replaces the link's target, and the link stays as it was.
 */
function resolveOutput(outputDir: string): string {
  const output = resolve(outputDir);
  if (!lstatSync(output, { throwIfNoEntry: false })?.isSymbolicLink()) return output;
  try {
    return realpathSync(output);
  } catch {
    throw new Error(`The output folder ${output} is a link to a folder that does not exist; create that folder or remove the link`);
  }
}

/** What `checkOutputFolder` protects: the project and the folders a build reads. */
export interface ProjectFolders {
  /** The project (the site's folder, where `strichka build` runs). */
  project: string;
  /** Eleventy's input, includes, layouts and data folders. */
  sources: readonly string[];
  /** The Eleventy config file. */
  config?: string;
}

const within = (path: string, folder: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/** A folder as written and, when it is (or is in) a link, where the link leads: strichka's folders may be reached either way. */
function bothPaths(path: string): string[] {
  let real: string | undefined;
  try {
    real = realpathSync(path);
  } catch {
    // (Not there: only as written.)
  }
  return [...new Set([resolve(path), real ?? resolve(path)])];
}

/**
 * Why `output` must not be a build's output folder, or undefined when it may be. The output
 * is replaced as a whole, so a typo (`--output=content`) would otherwise replace every
 * article with the built site. Refused: the project or a folder holding it; a folder the
 * build reads (input, includes, data), holding one, or inside one (unless that is the
 * project itself, as with Eleventy's input "."); strichka's own folder, which every build
 * reads too (its layouts and pages, its code), or anything inside it but a project of its
 * own there (this repository's own site builds into _site/); node_modules and .git; and an
 * existing folder that holds files but is not a site strichka built (no manifest beside it).
 */
export function checkOutputFolder(outputDir: string, { project, sources, config }: ProjectFolders): string | undefined {
  const output = resolve(outputDir);
  const root = resolve(project);
  const use = "choose a folder of its own, such as _site";
  if (within(root, output)) return `The output folder ${output} holds the project; ${use}`;
  if (config && within(resolve(config), output)) return `The output folder ${output} holds the config file ${config}; ${use}`;
  for (const source of sources.map((folder) => resolve(folder))) {
    const name = relative(root, source) || ".";
    if (within(source, output)) return `The output folder ${output} is or holds ${name}/, which the build reads (articles, pages, layouts or data); ${use}`;
    if (source !== root && within(output, source)) return `The output folder ${output} lies inside ${name}/, which the build reads; ${use}`;
  }
  const strichka = bothPaths(PACKAGE_ROOT);
  for (const folder of strichka) {
    if (within(folder, output)) return `The output folder ${output} is or holds strichka's own folder ${folder}, which the build runs from; ${use}`;
  }
  for (const folder of [DEFAULT_INCLUDES, DEFAULT_INPUT].flatMap(bothPaths)) {
    const what = `strichka's ${basename(folder)}/ (${folder}), whose layouts and pages every build reads`;
    if (within(folder, output)) return `The output folder ${output} is or holds ${what}; ${use}`;
    if (within(output, folder)) return `The output folder ${output} lies inside ${what}; ${use}`;
  }
  // (A project inside strichka's folder, this repository's own site, builds inside itself.)
  for (const folder of strichka) {
    if (within(output, folder) && !(within(root, folder) && within(output, root))) return `The output folder ${output} lies inside strichka's own folder ${folder}, which the build runs from; ${use}`;
  }
  for (const name of ["node_modules", ".git"]) {
    if (within(output, join(root, name))) return `The output folder ${output} lies inside ${name}/; ${use}`;
  }
  const stats = statSync(output, { throwIfNoEntry: false });
  if (stats && !stats.isDirectory()) return `The output ${output} is a file, not a folder; ${use}`;
  if (stats && !isPublishedSite(output) && readdirSync(output).length > 0) {
    return `The output folder ${output} holds files that no strichka build wrote, and a build replaces the folder as a whole; move them away, or ${use}`;
  }
  return undefined;
}

export class SiteFolders {
  /** The published site (a link's target when the output is a link). */
  readonly output: string;
  /** Where this build writes. */
  readonly staging: string;
  /** Where builds keep parsed articles (see content/cache.ts). */
  readonly articleCache: string;
  /** The site before the published one, to build into next time. */
  readonly recycled: string;
  #previousFiles: Manifest = [];
  /** The files of the previous build found in the staging folder (relative, "/"-separated). */
  #present = new Set<string>();
  /** What the staging folder's pages were made of, when it is a recycled site with its page state. */
  previousPages: PageState | undefined;
  readonly #warn: (message: string) => void;

  constructor(outputDir: string, warn: (message: string) => void = console.warn) {
    this.output = resolveOutput(outputDir);
    this.#warn = warn;
    const parent = dirname(this.output);
    this.staging = join(parent, `.${basename(this.output)}.building-${process.pid}`);
    this.recycled = join(parent, `.${basename(this.output)}.recycled`);
    this.articleCache = join(parent, `.${basename(this.output)}.articles`);
  }

  /**
   * Makes the staging folder: the recycled site (cleared of all but its own build's files)
   * when there is one with a sound manifest, else a copy of the published site when it has
   * its manifest and page state, else an empty folder.
   */
  async prepare(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
    await this.#removeAbandonedStaging();
    const manifest = readManifest(this.recycled);
    if (manifest && "problem" in manifest) this.#warn(`${manifest.problem}; building from scratch.`);
    if (!manifest || "problem" in manifest || !existsSync(this.recycled)) {
      await removeInBackground(this.recycled);
      // No site to recycle yet (the second build ever, or one after a damaged state): a
      // copy of the published site is far cheaper than rendering every page again (at
      // 100,000 articles, seconds against minutes), and the build is incremental from it.
      if (!(await this.#copyPublished())) return;
    } else {
      await move(this.recycled, this.staging);
    }
    // Whatever else is there (a preview's drafts, files or links added by hand) goes.
    const files = readManifest(this.staging);
    if (!files || !("files" in files)) return;
    let present = removeAllButInChangedFolders(this.staging, files.files);
    if (!present) removeAllBut(this.staging, new Set(caseless ? files.files.map(sameName) : files.files), (present = new Set<string>()));
    this.#present = present;
    this.#previousFiles = files.files;
    // Only pages whose file is there (one deleted by hand is rendered again).
    if (existsSync(pageStatePath(this.staging))) this.previousPages = parsePageState(readFileSync(pageStatePath(this.staging), "utf8"), (url) => present.has(urlToFile(url).slice(1)));
  }

  /**
   * Copies the published site, with its manifest and page state, into the staging folder,
   * when it is one of ours with a page state; returns whether it did. Timestamps are kept:
   * a page the build does not render stays as it was published.
   */
  async #copyPublished(): Promise<boolean> {
    const manifest = readManifest(this.output);
    if (!manifest || "problem" in manifest || !existsSync(pageStatePath(this.output))) return false;
    try {
      await copyTree(this.output, this.staging);
      for (const [index, path] of companions(this.output).entries()) if (existsSync(path)) await cp(path, companions(this.staging)[index]!, { preserveTimestamps: true });
      return true;
    } catch (error) {
      this.#warn(`Could not copy ${basename(this.output)}/ to build into (${(error as Error).message}); building from scratch.`);
      await rm(this.staging, { recursive: true, force: true });
      return false;
    }
  }

  /** Staging folders of builds that stopped midway (Ctrl-C, a crash). */
  async #removeAbandonedStaging(): Promise<void> {
    const parent = dirname(this.output);
    const building = `.${basename(this.output)}.building-`;
    for (const name of existsSync(parent) ? await readdir(parent) : []) {
      const pid = Number(name.slice(building.length));
      if (name.startsWith(building) && Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) await removeInBackground(join(parent, name));
    }
  }

  /** Deletes one file of the staging folder: only when its folder really is inside it (no link leads out). */
  async #delete(file: string): Promise<void> {
    const path = join(this.staging, file);
    const folder = await realpath(dirname(path)).catch(() => undefined);
    if (!folder || !within(folder, await realpath(this.staging))) return;
    if (!(await lstat(path).catch(() => undefined))?.isFile()) return;
    await unlink(path);
    await removeEmptyFolders(dirname(path), this.staging).catch(() => undefined);
  }

  /**
   * After a successful build: deletes the files of the previous build in this folder that are
   * not this one's (`written`: the paths this build reported; `kept`: relative paths of files
   * it left as they were, see incremental.ts), records this build's files and page state, and
   * returns the files.
   */
  async complete(written: readonly string[], kept: readonly string[] = [], pages?: PageState): Promise<ReadonlySet<string>> {
    const files = new Set<string>();
    const add = (inside: string) => {
      if (inside && !inside.startsWith("..") && statSync(join(this.staging, inside), { throwIfNoEntry: false })?.isFile()) files.add(inside.split(sep).join("/"));
    };
    for (const path of written) add(relative(this.staging, resolve(path)));
    // Kept files were found in the folder by prepare(): no second look at each of them.
    for (const file of kept) if (this.#present.has(file)) files.add(file);
    else if (isSafeEntry(file)) add(file);
    const ours = caseless ? new Set([...files].map(sameName)) : files;
    for (const file of this.#previousFiles) {
      if (!ours.has(sameName(file))) await this.#delete(file);
    }
    await rm(pageStatePath(this.staging), { force: true });
    await rm(folderTimesPath(this.staging), { force: true });
    if (existsSync(this.staging)) {
      await writeFile(manifestPath(this.staging), JSON.stringify([...files]));
      if (pages) await writeFile(pageStatePath(this.staging), pageStateText(pages));
      // Last: after every change to the folder (the deletions above).
      const times = recordFolderTimes(this.staging, files, manifestPath(this.staging));
      if (times) await writeFile(folderTimesPath(this.staging), JSON.stringify(times));
    }
    return files;
  }

  /**
   * The staging folder becomes the published site; the published one is kept for
   * recycling when a build of ours made it (it has a manifest), else deleted. Should the
   * last step fail, the published site is put back. (Whether the manifest is sound is the
   * next build's to check, before it uses the recycled site, see prepare: reading it here
   * too was 2 s at a million articles.)
   */
  async publish(): Promise<void> {
    await removeInBackground(this.recycled);
    const ours = existsSync(manifestPath(this.output));
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

  /**
   * After a build that failed before writing anything (an editor's mistake): the staging
   * folder is still the recycled site with its manifest and page state, and goes back to
   * being it, so the next build is still incremental.
   */
  async restore(): Promise<void> {
    if (!existsSync(manifestPath(this.staging))) return this.discard();
    await removeInBackground(this.recycled);
    await move(this.staging, this.recycled);
  }
}
