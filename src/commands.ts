// The strichka command's commands: `build` (below), `init` and `new` (scaffold.ts). The
// executable is cli.ts; tests run these in process.
//
// `strichka build`: a production build that never leaves a broken or stale site behind.
// Eleventy writes into a staging folder next to the output; only when the whole build
// succeeds does the staging folder replace the output folder (see publish.ts). A failed
// build (for instance an editor's mistake) leaves the published _site/ exactly as it was,
// and a successful one contains exactly what a build into an empty folder would.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ArticleCache } from "./content/cache.js";
import { listMarkdown } from "./content/files.js";
import { findContentError, findError, type ContentProblem } from "./errors.js";
import { buildProcessSettings, collectGarbage, heapLimitMb, outOfMemoryMessage, watchHeap } from "./heap-watch.js";
import { childNodeArgs, siblingModule } from "./child-node.js";
import { timed } from "./metrics.js";
import { checkOutputFolder, SiteFolders } from "./publish.js";
import { DEFAULT_SHARDS, renderShards, writeShardFiles, type ShardFile } from "./shards.js";
import { urlToFile } from "./urls.js";
import { pinSlug } from "./pin-slugs.js";
import { articleFile, siteFiles } from "./scaffold.js";
import { settingsOf, type IncrementalBuild } from "./settings.js";

/** Exit codes: 1 a failed build (content errors), 2 a wrong command line or setup. */
const FAILED = 1;
const USAGE = 2;

/** What Eleventy's write() resolves to: the passthrough copies, then the pages. */
type EleventyResults = [{ map?: Record<string, string> }[], { outputPath: string | false }[]];

/** Eleventy's usual config names, in the order it looks for them. */
const CONFIG_NAMES = ["eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", "eleventy.config.ts", "eleventy.config.mts", ".eleventy.js"];

/** A problem with the command line or the project: the message alone, no stack trace. */
class UsageError extends Error {}

/** The site's Eleventy config: `--config`, else the first of Eleventy's usual names here. */
function findConfig(given: string | undefined): string {
  if (given !== undefined) {
    if (!existsSync(given)) throw new UsageError(`The config file ${given} does not exist.`);
    return given;
  }
  const found = CONFIG_NAMES.find((name) => existsSync(name));
  if (!found) {
    throw new UsageError(
      `No Eleventy config in ${process.cwd()} (looked for ${CONFIG_NAMES.join(", ")}).\n` +
        "Run strichka in your site's folder, give --config=FILE, or start a new site with: strichka init <folder>",
    );
  }
  return found;
}

/** What we use of an Eleventy instance (its JSDoc types do not declare all of it). */
interface EleventyRun {
  initializeConfig(): Promise<void>;
  write(): Promise<unknown>;
  readonly directories: { input: string; includes: string; data: string; layouts?: string };
}

/** How a program that runs the commands in its own process (tests) may set Eleventy up. */
export interface CommandOptions {
  /** Eleventy's programmatic config callback, run after the site's config. */
  configure?: (eleventyConfig: unknown) => void;
}

/** Eleventy with the site's config read (and so strichka's plugin run), writing into `output`. */
async function loadEleventy(configPath: string, output: string | undefined, { configure }: CommandOptions): Promise<EleventyRun> {
  // Imported when needed: `--help` and a wrong command line answer at once.
  const { default: Eleventy } = await import("@11ty/eleventy");
  // (`config`, Eleventy's programmatic config callback, is not in its declared options.)
  const eleventy = new Eleventy(undefined, output, { configPath, quietMode: true, ...(configure && { config: configure }) } as never) as unknown as EleventyRun;
  await eleventy.initializeConfig();
  return eleventy;
}

interface BuildArguments {
  config?: string;
  output?: string;
  full?: boolean;
  "shard-pages"?: string;
  processes?: string;
}

/** A whole number ≥ 1 from the command line, or the default. */
function count(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`--${name} must be a whole number ≥ 1, not "${value}"`);
  return number;
}

/** A shard's process's heap limit: room for its pages (Eleventy keeps ~40 KB a page until its run ends) over a base. */
const shardHeapMb = (pages: number) => Math.min(4096, 512 + Math.ceil((pages * 80) / 1024));

async function build({ config, output = "_site", full = false, ...args }: BuildArguments, options: CommandOptions): Promise<number> {
  const shards = { pages: count(args["shard-pages"], "shard-pages", DEFAULT_SHARDS.pages), processes: count(args.processes, "processes", DEFAULT_SHARDS.processes) };
  const configPath = findConfig(config);
  let folders: SiteFolders;
  try {
    folders = new SiteFolders(output);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let eleventy: EleventyRun | undefined = await loadEleventy(configPath, folders.staging, options);
  const { input, includes, data, layouts } = eleventy.directories;
  const refused = checkOutputFolder(folders.output, { project: process.cwd(), sources: [input, includes, data, layouts].filter((dir): dir is string => !!dir), config: configPath });
  if (refused) throw new UsageError(`${refused}. Nothing was built.`);
  const name = basename(folders.output);
  const settings = process.env[HEAP_RAISED] ? undefined : buildProcessSettings(countArticles(eleventy, folders.articleCache));
  if (settings) {
    const heap = `a heap limit of ${settings.heapMb ?? heapLimitMb()} MB`;
    console.log(`The build runs with ${settings.semiSpaceMb ? `${heap} and ${settings.semiSpaceMb} MB semi-spaces (V8's young generation)` : heap} for this archive (see "Big archives" in strichka's README).`);
    return buildWithSettings(settings, { config: configPath, output, full, ...args });
  }
  const stopWatching = watchHeap((limitMb) =>
    outOfMemoryMessage("The build", limitMb, `Nothing was published: ${name}/ is as it was. Give Node more memory, e.g. NODE_OPTIONS=--max-old-space-size=${limitMb * 2} npm run build, and see "Big archives" in strichka's README.`),
  );
  try {
    await folders.prepare();
    const incremental = settingsOf(eleventy)?.build;
    if (incremental) useBuildState(incremental, folders, { full, shards });
    const written = writtenFiles((await writeSite(eleventy)) as EleventyResults);
    const shardFolder = join(folders.staging, ".strichka-shards");
    const shardFiles = incremental && (await timed("shards", () => prepareShards(incremental, shardFolder, folders.staging, written)));
    if (shardFiles) {
      // Eleventy's run is over and the model is in the shards' files: what the build holds
      // now is counted beside every shard's process.
      eleventy = undefined;
      collectGarbage();
      await timed("shards", () => renderShards(shardFiles, { config: configPath, output: folders.staging, folder: shardFolder, processes: shards.processes, heapMb: shardHeapMb(shards.pages) }));
    }
    const result = incremental?.incrementalResult;
    const files = await timed("publishing", () => folders.complete(written, result?.keptFiles, result?.state));
    if (!files.has("index.html")) {
      await folders.discard();
      console.error(`The build wrote no index.html; nothing was published: ${name}/ is as it was.`);
      return FAILED;
    }
    await timed("publishing", () => folders.publish());
    return 0;
  } catch (error) {
    return await buildFailed(error, folders);
  } finally {
    stopWatching();
  }
}

/**
 * Tells the build what its output folder kept of the builds before (incremental unless
 * --full: pages whose data is what the staging folder holds already are not rendered).
 */
function useBuildState(incremental: IncrementalBuild, folders: SiteFolders, { full, shards }: { full: boolean; shards: { pages: number; processes: number } }): void {
  incremental.usePreviousPages(full ? undefined : folders.previousPages);
  incremental.useArticleCache(folders.articleCache, { fresh: full });
  incremental.useImageState(join(dirname(folders.output), `.${basename(folders.output)}.images.json`), folders.output);
  incremental.useShards(shards);
}

/** The paths of the files Eleventy's run wrote and copied. */
function writtenFiles([passthrough, pages]: EleventyResults): string[] {
  return [...pages.map((page) => page.outputPath), ...passthrough.flatMap((copy) => Object.values(copy.map ?? {}))].filter((path): path is string => typeof path === "string");
}

/** After a build that threw: the output folder as it was, what went wrong said once, the exit code. */
async function buildFailed(error: unknown, folders: SiteFolders): Promise<number> {
  // Content errors stop the build before Eleventy writes a page (see SiteBuild.begin).
  await (findContentError(error) ? folders.restore() : folders.discard()).catch(() => undefined);
  // Eleventy has printed content errors already, as a plain list without a stack trace;
  // anything else is a bug or a broken config, and its stack helps whoever fixes it.
  const known = findError(error, "ChangedDuringBuildError") ?? findError(error, "ShardError");
  if (known) console.error(known.message);
  else if (!findContentError(error)) console.error("\nThe build failed:", error);
  console.error(`Nothing was published: ${basename(folders.output)}/ is as it was before this build.`);
  return FAILED;
}

/** Set in a build run again with a bigger heap or young generation (buildWithSettings): it does not ask again. */
const HEAP_RAISED = "STRICHKA_HEAP_RAISED";

/**
 * About how many articles the site has (what the coordinating process's heap grows with):
 * from the parse cache of the last build when there is one (a listing of its few files; at
 * most twice too many), else the article files counted (a first build, ~1 s at 100,000).
 */
function countArticles(eleventy: EleventyRun, articleCache: string): number {
  const settings = settingsOf(eleventy);
  if (!settings) return 0;
  return ArticleCache.capacity(articleCache) ?? listMarkdown(join(eleventy.directories.input, settings.articlesDir), process.cwd(), []).length;
}

/**
 * The same build in a child process with a heap limit of `heapMb` (this process's when not
 * given) and semi-spaces of `semiSpaceMb` (V8 sets both when a process starts); its exit
 * code. Output goes where this process's goes.
 */
function buildWithSettings({ heapMb = heapLimitMb(), semiSpaceMb }: { heapMb?: number; semiSpaceMb?: number }, args: BuildArguments): Promise<number> {
  const cli = siblingModule(import.meta.url, "./cli");
  const options = Object.entries(args).flatMap(([option, value]) => (value === true ? [`--${option}`] : typeof value === "string" ? [`--${option}=${value}`] : []));
  const node = [...childNodeArgs(cli, heapMb), ...(semiSpaceMb ? [`--max-semi-space-size=${semiSpaceMb}`] : [])];
  return new Promise((done) => {
    const child = spawn(process.execPath, [...node, cli, "build", ...options], { stdio: "inherit", env: { ...process.env, [HEAP_RAISED]: "1" } });
    child.on("error", () => done(FAILED));
    child.on("exit", (code) => done(code ?? FAILED));
  });
}

/** Eleventy's run, timed: in a function of its own, so that no closure of build() keeps the instance once build() lets go of it. */
function writeSite(eleventy: EleventyRun): Promise<unknown> {
  return timed("eleventy", () => eleventy.write());
}

/**
 * The shards this build's article and list pages are still to be rendered in, written to
 * `folder`, their pages' files added to `written`, and the build's content model let go of;
 * undefined when the build rendered everything itself.
 */
async function prepareShards(build: IncrementalBuild, folder: string, staging: string, written: string[]): Promise<ShardFile[] | undefined> {
  const pending = build.pendingShards;
  if (!pending) return undefined;
  const files = await writeShardFiles(pending.news, pending.shards, folder);
  for (const shard of pending.shards) for (const page of [...shard.articles, ...shard.listings]) written.push(join(staging, urlToFile(page.url)));
  build.releaseModel();
  return files;
}

/**
 * `strichka _render-shard`: one shard of a build's pages, in a child process of that build
 * (see shards.ts; the shard's file is named by the STRICHKA_SHARD environment variable).
 */
async function renderShard({ config, output }: { config?: string; output?: string }, options: CommandOptions): Promise<number> {
  // Its build says which shard and what to do (see shards.ts).
  watchHeap((limitMb) => outOfMemoryMessage("Rendering a shard", limitMb, ""));
  const eleventy = await loadEleventy(findConfig(config), output, options);
  await eleventy.write();
  return 0;
}

/** Whether writing `path` would overwrite a file, or needs a folder where a file is. */
function isTaken(path: string): boolean {
  if (existsSync(path)) return true;
  const parent = dirname(path);
  return parent !== path && (existsSync(parent) ? !statSync(parent).isDirectory() : isTaken(parent));
}

/** `strichka init <folder>`: a new site that builds as it is. Never overwrites a file. */
async function init(folder: string): Promise<number> {
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw new UsageError(`${folder} is a file; give the name of a new or empty folder for the site.`);
  const { version } = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  const files = siteFiles(basename(resolve(folder)), version);
  // A folder with only .git (a fresh clone) or files of its own (a LICENSE) is fine; ours must not be there yet.
  const clashes = Object.keys(files).filter((path) => isTaken(join(folder, path)));
  if (clashes.length > 0) throw new UsageError(`${folder} already has ${clashes.join(", ")}; init never overwrites files. Move them away or choose a new folder.`);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), text, { flag: "wx" });
  }
  console.log(`A new site is in ${folder}. Next:\n  cd ${folder}\n  npm install && npm run build`);
  return 0;
}

/** `strichka new "Заголовок" --topic <slug>`: a new article where the site's build reads it. */
async function newArticle(title: string, topic: string, config: string | undefined, options: CommandOptions): Promise<number> {
  const eleventy = await loadEleventy(findConfig(config), undefined, options);
  const settings = settingsOf(eleventy);
  if (!settings) throw new UsageError("The site's config does not add the strichka plugin (eleventyConfig.addPlugin(strichka)).");
  const topicsFile = join(eleventy.directories.data, "topics.json");
  const topics = existsSync(topicsFile) ? (JSON.parse(await readFile(topicsFile, "utf8")) as { slug: string }[]).map((entry) => entry.slug) : [];
  if (!topics.includes(topic)) throw new UsageError(`"${topic}" is not a topic in ${relative(".", topicsFile)}; use one of: ${topics.join(", ") || "(none: add topics first)"}`);
  let article: { name: string; text: string };
  try {
    article = articleFile(title, topic);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const path = relative(".", join(eleventy.directories.input, settings.articlesDir, article.name));
  if (existsSync(path)) throw new UsageError(`${path} exists already; choose another title.`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, article.text, { flag: "wx" });
  console.log(`Created ${path}`);
  return 0;
}

/** `strichka pin-slugs`: keeps every article's URL through the upgrade to slugs from file names (pin-slugs.ts). */
async function pinSlugs(config: string | undefined, options: CommandOptions): Promise<number> {
  const eleventy = await loadEleventy(findConfig(config), undefined, options);
  const settings = settingsOf(eleventy);
  if (!settings) throw new UsageError("The site's config does not add the strichka plugin (eleventyConfig.addPlugin(strichka)).");
  const folder = join(eleventy.directories.input, settings.articlesDir);
  const problems: ContentProblem[] = [];
  let pinned = 0;
  for (const path of listMarkdown(folder, process.cwd(), problems)) {
    const text = await readFile(path, "utf8");
    const pinnedSlug = pinSlug(text, basename(path));
    if (pinnedSlug === undefined) continue;
    await writeFile(path, pinnedSlug.text);
    console.log(`${relative(".", path)}: slug: ${pinnedSlug.slug}`);
    pinned++;
  }
  for (const problem of problems) console.error(`${problem.file}: ${problem.message}`);
  console.log(pinned === 0 ? "Every article's URL already comes from its file name or slug field." : `Pinned the slug of ${pinned} article(s): their URLs stay as they were.`);
  return problems.length > 0 ? FAILED : 0;
}

interface Command {
  usage: string;
  help: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  positionals: number;
  /** Not listed in the help: run by strichka itself. */
  hidden?: boolean;
  run(values: Record<string, unknown>, positionals: string[], options: CommandOptions): Promise<number>;
}

const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

const COMMANDS: Record<string, Command> = {
  build: {
    usage: "strichka build [--config=FILE] [--output=DIR] [--full] [--shard-pages=N] [--processes=N]",
    help:
      "Builds the site and publishes it into DIR (default _site) only if the whole build succeeds.\n" +
      "Renders only the pages whose content changed since the site it builds into, unless --full.\n" +
      "  --config=FILE     the Eleventy config (default: eleventy.config.js/.ts/… in this folder)\n" +
      "  --output=DIR      the published folder: new, empty, or one strichka built before\n" +
      "  --full            render every page (as a build into an empty folder does)\n" +
      `  --shard-pages=N   more pages than N to render: render them in shards of at most N pages,\n` +
      `                    each in a process of its own (default ${DEFAULT_SHARDS.pages})\n` +
      `  --processes=N     shards rendered at a time (default ${DEFAULT_SHARDS.processes}, this machine's cores)`,
    options: { config: { type: "string" }, output: { type: "string" }, full: { type: "boolean" }, "shard-pages": { type: "string" }, processes: { type: "string" }, ...HELP_OPTION },
    positionals: 0,
    run: (values, _positionals, options) => build(values as BuildArguments, options),
  },
  "_render-shard": {
    usage: "strichka _render-shard --config=FILE --output=DIR (run by strichka build)",
    help: "Renders one shard of a build's pages; strichka build runs it in child processes.",
    options: { config: { type: "string" }, output: { type: "string" }, ...HELP_OPTION },
    positionals: 0,
    hidden: true,
    run: (values, _positionals, options) => renderShard(values as { config?: string; output?: string }, options),
  },
  init: {
    usage: "strichka init <folder>",
    help: "Makes a new site in <folder> (new, empty, or holding none of the files init writes) that builds as it is.",
    options: HELP_OPTION,
    positionals: 1,
    run: (_values, [folder]) => init(folder!),
  },
  new: {
    usage: 'strichka new "Заголовок статті" --topic <slug> [--config=FILE]',
    help:
      "Starts an article in the site's articles folder, its front matter filled in.\n" +
      "  --topic=SLUG   a topic of _data/topics.json\n" +
      "  --config=FILE  the Eleventy config (default: eleventy.config.js/.ts/… in this folder)\n" +
      'A title that starts with "-" goes after "--": strichka new --topic kultura -- "-40° у Харкові"',
    options: { topic: { type: "string" }, config: { type: "string" }, ...HELP_OPTION },
    positionals: 1,
    run: (values, [title], options) => newArticle(title!, String(values.topic ?? ""), values.config as string | undefined, options),
  },
  cms: {
    usage: "strichka cms",
    help:
      "The editors' desk on this machine: starts the preview (npm start) and decap-server together;\n" +
      "editors write at http://localhost:8080/admin/ and the files land in this folder. Ctrl+C stops both.",
    options: HELP_OPTION,
    positionals: 0,
    run: async () => (await import("./admin/cms.js")).runCms(process.cwd()),
  },
  "pin-slugs": {
    usage: "strichka pin-slugs [--config=FILE]",
    help:
      "Once, when upgrading from strichka 0.1: article URLs now come from file names, not headlines.\n" +
      "Writes slug: into the front matter of every article whose file name would give it another URL,\n" +
      "so that no published URL changes.\n" +
      "  --config=FILE  the Eleventy config (default: eleventy.config.js/.ts/… in this folder)",
    options: { config: { type: "string" }, ...HELP_OPTION },
    positionals: 0,
    run: (values, _positionals, options) => pinSlugs(values.config as string | undefined, options),
  },
};

function overview(): string {
  return `Usage:\n${Object.values(COMMANDS).filter((command) => !command.hidden).map((command) => `  ${command.usage}`).join("\n")}\n\nstrichka <command> --help tells more.`;
}

/** Runs one command line; returns the exit code. */
async function main(args: string[], options: CommandOptions): Promise<number> {
  const [name = "build", ...rest] = args;
  if (name === "--help" || name === "-h" || name === "help") {
    console.log(overview());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`"${name}" is not a strichka command.\n${overview()}`);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's own hint about "--" is for positionals; ours is in `strichka new --help`.
    throw new UsageError(`${(error as Error).message.split(". To specify")[0]}\nUsage: ${command.usage}`);
  }
  if (parsed.values.help) {
    console.log(`Usage: ${command.usage}\n${command.help}`);
    return 0;
  }
  if (parsed.positionals.length !== command.positionals || (name === "new" && !parsed.values.topic)) {
    throw new UsageError(`Usage: ${command.usage}`);
  }
  for (const [option, value] of Object.entries(parsed.values)) {
    if (value === "") throw new UsageError(`--${option} needs a value.\nUsage: ${command.usage}`);
  }
  return command.run(parsed.values, parsed.positionals, options);
}

/** Runs one command line (`["build", "--output=_site"]`); returns the exit code. */
export async function runCommand(args: string[], options: CommandOptions = {}): Promise<number> {
  try {
    return await main(args, options);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return USAGE;
  }
}
