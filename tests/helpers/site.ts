// Real sites in temp folders, built by the real Eleventy: by `strichka build` in a child
// process where the command itself is under test (exit code, output, publishing), else in
// this process, which is some twenty times faster and renders exactly the same pages.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { inject } from "vitest";
import { TEST_COMPILED } from "../../src/child-node.js";
import { loadNewsSite, type LoadOptions, type NewsSite } from "../../src/content/index.js";
import { findContentError } from "../../src/errors.js";

export const ROOT = resolve(import.meta.dirname, "../..");

export function tempDir(prefix = "strichka-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file below `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

export const SITE_JSON = {
  title: "Тестова стрічка",
  description: "Сайт для тестів.",
  url: "https://test.example.ua",
  language: "uk",
  author: "Редакція",
};

export const TOPICS_JSON = [
  { slug: "ekonomika", title: "Економіка", description: "Гроші." },
  { slug: "kultura", title: "Культура", description: "Книжки." },
];

/** Writes `files` (paths inside `dir` → contents) into `dir`, making folders as needed. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/**
 * A small site in a temp folder: our templates and assets, the given _data and articles.
 * `files` maps paths inside the site to contents (strings or Buffers); JSON data defaults
 * to SITE_JSON, TOPICS_JSON and no videos.
 */
export function makeSite(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  cpSync(join(ROOT, "_includes"), join(dir, "_includes"), { recursive: true });
  // All of our pages and assets, none of our articles (like a site that copied them).
  cpSync(join(ROOT, "content"), join(dir, "content"), {
    recursive: true,
    filter: (source) => !(source.includes(`${join("content", "articles")}`) && source.endsWith(".md")),
  });
  writeFiles(dir, { "_data/site.json": JSON.stringify(SITE_JSON), "_data/topics.json": JSON.stringify(TOPICS_JSON), "_data/videos.json": "[]", ...files });
  return dir;
}

/** An article file's text from its front-matter lines and body. */
export function article(front: Record<string, string>, body = "Текст новини.\n"): string {
  return `---\n${Object.entries(front).map(([key, value]) => `${key}: ${value}`).join("\n")}\n---\n${body}`;
}

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/**
 * `strichka build`: with `compiled` (see compileStrichka in tests/global-setup.ts) and the
 * repository's config, as the package runs it, `node` on strichka compiled to JavaScript;
 * else as `npm run build` runs it, through tsx.
 */
function cliArguments(output: string, config: string, compiled: string | undefined): [string, string[]] {
  if (compiled && config === join(ROOT, "eleventy.config.ts")) return [process.execPath, [join(compiled, "src/cli.js"), "build", `--config=${join(compiled, "eleventy.config.js")}`, `--output=${output}`]];
  return [join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "src/cli.ts"), "build", `--config=${config}`, `--output=${output}`]];
}

const CHILD_ENV = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };

/**
 * Runs `strichka build` in a child process, with the site folder as working directory, as
 * the package's `strichka build` runs: the same code as `npm run build` runs through tsx
 * (compiled once per test run by tsx's own compiler with its options, see
 * tests/global-setup.ts), without tsx's module hooks, which were some 2.3 s of a small
 * build's 5 s of CPU. (The sample site, built once per run, is built through tsx, as `npm
 * run build` builds it.)
 */
export function build(siteDir: string, output = join(siteDir, "_site"), config = join(ROOT, "eleventy.config.ts")): BuildResult {
  const [command, args] = cliArguments(output, config, inject("compiledStrichka"));
  const result = spawnSync(command, args, { cwd: siteDir, encoding: "utf8", env: CHILD_ENV });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output };
}

/** `npm run build` (through tsx, or with `compiled`, as `build`), without blocking this process meanwhile (for vitest's global setup). */
export function buildAsync(siteDir: string, output = join(siteDir, "_site"), config = join(ROOT, "eleventy.config.ts"), compiled?: string): Promise<BuildResult> {
  const [command, args] = cliArguments(output, config, compiled);
  const child = spawn(command, args, { cwd: siteDir, env: CHILD_ENV });
  const said = { stdout: "", stderr: "" };
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (said.stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (said.stderr += chunk));
  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("close", (status) => done({ status, ...said, output }));
  });
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The repository's own site, built once per test run by tests/global-setup.ts. */
    sampleSite: BuildResult;
    /** strichka compiled to JavaScript once per test run by tests/global-setup.ts (its src/cli.js, eleventy.config.js). */
    compiledStrichka: string;
  }
}

/**
 * The repository's own site (ROOT), built once per run by `strichka build` (see
 * tests/global-setup.ts) and shared by every test file: read it, never write into it.
 */
export function sampleSite(): BuildResult {
  return inject("sampleSite");
}

export interface InProcessBuild {
  /** What the build threw (undefined when it succeeded). */
  error: unknown;
  /** The ContentError among what it threw, if it failed because of the content. */
  contentError: Error | undefined;
  /** What Eleventy printed while building: console.log and info, then warn and error. */
  stdout: string;
  stderr: string;
  output: string;
}

let queue: Promise<unknown> = Promise.resolve();
let tsxRegistered = false;

/**
 * Builds `siteDir` with the real Eleventy and strichka's plugin in this process, as
 * `strichka build` does minus publishing: the same config, run mode and working directory
 * (the site folder, which the plugin reads paths against), straight into `output`. Builds
 * take turns: the working directory and the console are this process's own.
 */
export async function buildInProcess(siteDir: string, output = join(siteDir, "_site"), config = join(ROOT, "eleventy.config.ts")): Promise<InProcessBuild> {
  const options = { configPath: config, quietMode: true };
  // Imported inside the task, once tsx is registered: imported before, Eleventy reads a
  // TypeScript config without it (a site's articles then became templates).
  const run = await inProcess(siteDir, async () => new (await import("@11ty/eleventy")).default(undefined, output, options).write());
  return { error: run.error, contentError: run.error === undefined ? undefined : findContentError(run.error), stdout: run.stdout, stderr: run.stderr, output };
}

/**
 * The strichka command (src/commands.ts) run in this process in `siteDir`, as `strichka ARGS`
 * would run there: its exit code and what it printed. What the command throws (a bug, not a
 * refusal: those are exit codes) is thrown.
 */
export async function strichkaInProcess(siteDir: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const { runCommand } = await import("../../src/commands.js");
  const run = await inProcess(siteDir, () => runCommand(args));
  if (run.error) throw run.error;
  return { status: run.value!, stdout: run.stdout, stderr: run.stderr };
}

/** `strichka build ARGS` with the repository's config, in this process (see strichkaInProcess). */
export function buildCommandInProcess(siteDir: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return strichkaInProcess(siteDir, "build", `--config=${join(ROOT, "eleventy.config.ts")}`, ...args);
}

const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug"] as const;

/** Eleventy's module-level caches of templates (see forgetEleventyTemplates). */
interface EleventyTemplateCaches {
  TemplateContent: { _inputCache: Map<string, unknown>; _compileCache: Map<string, unknown> };
  layoutCache: { removeAll(): void; size(): number };
}
let eleventyCaches: EleventyTemplateCaches | undefined;

/**
 * Empties the caches Eleventy keeps for a whole process, as a new process starts without
 * them: templates' text by path (TemplateContent._inputCache), compiled templates
 * (TemplateContent._compileCache, keyed by config instance) and layouts by name and path
 * (src/LayoutCache.js, keyed by paths relative to the site's folder, which every test site
 * shares: "../_includes/base.njk"). Each in-process build then runs with Eleventy's default
 * template cache, as `strichka build` runs, and reads its own site's files. (Turning the
 * cache off instead, setUseTemplateCache(false), made every page compile its layouts again:
 * some 30 s of CPU in a run.) Eleventy exports none of these: its modules are imported by
 * path, and a version that moves them fails here by name (docs/eleventy-internals.md).
 */
async function forgetEleventyTemplates(): Promise<void> {
  if (!eleventyCaches) {
    // (Imported once tsx is registered, as Eleventy itself must be: see buildInProcess.)
    const source = dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
    const [content, layouts] = await Promise.all([import(pathToFileURL(join(source, "TemplateContent.js")).href), import(pathToFileURL(join(source, "LayoutCache.js")).href)]);
    const caches = { TemplateContent: content.default, layoutCache: layouts.default } as EleventyTemplateCaches;
    if (!(caches.TemplateContent?._inputCache instanceof Map) || !(caches.TemplateContent._compileCache instanceof Map) || typeof caches.layoutCache?.removeAll !== "function") {
      throw new Error("Eleventy's template caches are not where tests/helpers/site.ts looks for them (TemplateContent._inputCache, _compileCache, LayoutCache): see docs/eleventy-internals.md");
    }
    eleventyCaches = caches;
  }
  eleventyCaches.TemplateContent._inputCache.clear();
  eleventyCaches.TemplateContent._compileCache.clear();
  eleventyCaches.layoutCache.removeAll();
}

/**
 * Runs `task` in `siteDir` as Eleventy would run there in `runMode` (ELEVENTY_RUN_MODE), one
 * task at a time in this process (the working directory, the environment and the console are
 * the process's own), with what it prints captured.
 */
export function inProcess<T>(siteDir: string, task: () => Promise<T>, runMode = "build"): Promise<{ value?: T; error: unknown; stdout: string; stderr: string }> {
  const run = queue.then(() => inProcessNow(siteDir, task, runMode));
  queue = run.catch(() => undefined);
  return run;
}

async function inProcessNow<T>(siteDir: string, task: () => Promise<T>, runMode: string): Promise<{ value?: T; error: unknown; stdout: string; stderr: string }> {
  if (!tsxRegistered) {
    // Eleventy imports the site's config itself, with Node's own import() or require(): a
    // TypeScript config (and src/ behind it) loads through tsx, as in `strichka build`.
    (await import("tsx/cjs/api")).register();
    (await import("tsx/esm/api")).register();
    tsxRegistered = true;
  }
  await forgetEleventyTemplates();
  const said = { stdout: [] as string[], stderr: [] as string[] };
  const saved = CONSOLE_METHODS.map((method) => console[method]);
  for (const method of CONSOLE_METHODS) {
    const stream = method === "warn" || method === "error" ? said.stderr : said.stdout;
    console[method] = (...values: unknown[]) => void stream.push(values.map(String).join(" "));
  }
  const cwd = process.cwd();
  const savedRunMode = process.env.ELEVENTY_RUN_MODE;
  let error: unknown;
  let value: T | undefined;
  try {
    process.chdir(siteDir);
    process.env.ELEVENTY_RUN_MODE = runMode;
    // The build's shard and parsing processes start from strichka compiled once per run, not
    // through tsx, where they run strichka's own code (see childFiles in src/child-node.ts).
    process.env[TEST_COMPILED] = inject("compiledStrichka");
    value = await task();
  } catch (thrown) {
    error = thrown ?? new Error("the task threw nothing");
  } finally {
    process.chdir(cwd);
    delete process.env[TEST_COMPILED];
    if (savedRunMode === undefined) delete process.env.ELEVENTY_RUN_MODE;
    else process.env.ELEVENTY_RUN_MODE = savedRunMode;
    CONSOLE_METHODS.forEach((method, index) => (console[method] = saved[index]!));
  }
  // Eleventy's timing notes ("[11ty] Benchmark … Nunjucks Filter": a filter took more than 8 %
  // of the build, which a machine busy with other work makes likely) are not the build's
  // warnings: left out, so that a test asserting a silent build does not depend on the load.
  const text = (lines: string[]) =>
    lines
      .map((line) => `${line.replace(/\x1b\[[0-9;]*m/g, "")}\n`)
      .filter((line) => !/^\[11ty\] Benchmark /.test(line))
      .join("");
  return { value, error, stdout: text(said.stdout), stderr: text(said.stderr) };
}

/**
 * `task` with strichka's child processes (parsing, shards) started from strichka compiled
 * once per run, as the children of builds in this process are (see childFiles in
 * src/child-node.ts): for tests that call the loader itself, outside a build.
 */
export async function withCompiledChildren<T>(task: () => Promise<T>): Promise<T> {
  process.env[TEST_COMPILED] = inject("compiledStrichka");
  try {
    return await task();
  } finally {
    delete process.env[TEST_COMPILED];
  }
}

/**
 * `task` with the build's clock (STRICHKA_NOW, see src/clock.ts) at `now`, e.g. "2026-01-15
 * 09:00" Kyiv time: for builds in this process, which take turns, so the clock is theirs while they run.
 */
export async function atClock<T>(now: string, task: () => Promise<T>): Promise<T> {
  const saved = process.env.STRICHKA_NOW;
  process.env.STRICHKA_NOW = now;
  try {
    return await task();
  } finally {
    if (saved === undefined) delete process.env.STRICHKA_NOW;
    else process.env.STRICHKA_NOW = saved;
  }
}

/** Every file of a built site with its bytes (base64), to compare two builds byte for byte. */
export function siteContents(site: string): Map<string, string> {
  return new Map(listFiles(site).map((file) => [file, readFileSync(join(site, file)).toString("base64")]));
}

/** A full `strichka build` of `dir` in this process, into a new folder, as siteContents: what an incremental or sharded build must equal. */
export async function fullBuildContents(dir: string): Promise<Map<string, string>> {
  const output = join(tempDir("strichka-full-"), "_site");
  const result = await buildCommandInProcess(dir, "--full", `--output=${output}`);
  if (result.status !== 0) throw new Error(`the full build failed: ${result.stderr}`);
  const files = siteContents(output);
  rmSync(output, { recursive: true, force: true });
  return files;
}

/** The content model of the site in `dir` (see makeSite), as the plugin loads it with its default options, `options` over them. */
export function loadSite(dir: string, options: Partial<LoadOptions> = {}): Promise<NewsSite> {
  return loadNewsSite({
    root: dir,
    inputDir: join(dir, "content"),
    articlesDir: join(dir, "content/articles"),
    dataDir: join(dir, "_data"),
    timeZone: "Europe/Kyiv",
    includeDrafts: false,
    relatedCount: 5,
    pageSize: 30,
    ...options,
  });
}
