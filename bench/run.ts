// npm run bench [-- --n=10000] [--runs=3] [--data=DIR] [--seed=2026] [--keep] [--fresh-only] [--no-baseline]
//   [--build-args="--shard-pages=500 --processes=2"] [--edit] [--publish [--full]] [--images] [--settle=2000] [--no-warm-up] [--query-runs=3] [--generate-only] [--compiled[=DIR]]
// Generates N synthetic articles, then builds them, each build in a fresh Node process:
// bare Eleventy (the baseline, see bench/bare/) and strichka's full production build,
// alternately, --runs times each, in two situations: into empty output folders (CI,
// Netlify), and over the output of earlier builds (an editor's machine); then strichka once
// more with the minifier off. Prints the median wall time, CPU time and peak RSS of each,
// pages written, the ratio to the baseline (median of the per-round ratios: this machine is
// noisy, and a round's two builds see the same noise) and strichka's per-phase breakdown.
// CPU time and peak RSS are the whole process tree's (a build's child processes included,
// see bench/harness.ts), with the main process's own beside them.
// At 100,000 and 1,000,000 articles a build takes long: --fresh-only measures builds into
// empty folders only (no warm-up, rebuilds or minifier-off build), --no-baseline strichka
// alone. A baseline that fails (bare Eleventy's heap exhausted) is reported as failed, with
// its time and memory until then, and not built again; strichka's builds go on.
// --build-args passes options to every `strichka build` (how it shards, how many processes).
// --query-runs: how many times each search query is timed in Chromium (the median is printed).
// --settle=0, --no-warm-up and --query-runs=1 are for checking the script (tests/bench.test.ts),
// not for figures: no pause after emptying the outputs, no warm-up builds before the rebuild
// rounds (whose strichka builds are then not yet into a recycled site), one timing a query.
// --compiled runs strichka compiled to JavaScript, as a newsroom's `strichka build` runs the
// package's dist/ (see compileStrichka in harness.ts), instead of from src/ through tsx;
// --compiled=DIR runs strichka compiled earlier into DIR, laid out as compileStrichka lays it
// out (src/cli.js, eleventy.config.js, bench/no-minify.config.js), and leaves it there (the
// tests' global setup compiles strichka once for all the builds of a test run).
// --edit measures the preview instead (below); --publish, what one new, edited or deleted
// article rewrites with full builds (bench/publish.ts); --images, the articles each with a
// generated 3000×2000 photo (bench/photos.ts: first build, warm rebuild against the same
// site without photos, bytes per article page; e.g. --images --n=1000 --data=/work/bench-data).
// --data=DIR keeps the generated articles for later runs: in DIR/<N>/, reused when complete
// and made by the same generator and seed (its marker, generated.json, is written last),
// else generated there. DIR must lie outside the repository (e.g. /work/bench-data). Without
// it, they are generated into a fresh temporary folder and removed with it. The sites built
// get the articles as hard links (no copy per run). --generate-only stops once they are on
// disk (to prepare 100,000 or 1,000,000 articles ahead of the builds).
// A benchmark, not a test: nothing here passes or fails, and no figure is asserted anywhere.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_SEED, generateSite, openSite, type GeneratedSite } from "./generate.js";
import { BuildFailed, buildStrichka, compileStrichka, linkTree, measure, rewrite, ROOT, seconds, setUpStrichkaSite, useCompiled, type Measure } from "./harness.js";
import { measurePhotos } from "./photos.js";
import { measurePublish } from "./publish.js";
import { printSearch } from "./search.js";

const args = process.argv.slice(2);
/** `--name=value`'s value (which may hold "=" itself). */
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const count = Number(option("n") ?? 10_000);
const runs = Number(option("runs") ?? 3);
const keep = args.includes("--keep");
const editOnly = args.includes("--edit");
const publishOnly = args.includes("--publish");
const imagesOnly = args.includes("--images");
/** How long to let the disk settle after emptying the outputs (ms): 0 where only the script is checked. */
const settle = Number(option("settle") ?? 2000);
/** How many times each search query is timed in Chromium. */
const queryRuns = Number(option("query-runs") ?? 3);
/** Whether to warm up before the rebuild rounds (see above). */
const warmUp = !args.includes("--no-warm-up");
const data = option("data");
const seed = Number(option("seed") ?? DEFAULT_SEED);
const generateOnly = args.includes("--generate-only");
const freshOnly = args.includes("--fresh-only");
const withBaseline = !args.includes("--no-baseline");
/** More options for every `strichka build`, e.g. --build-args="--shard-pages=500 --processes=2". */
const buildArgs = (option("build-args") ?? "").split(" ").filter(Boolean);

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The run with the median wall time (its CPU, memory and phases go with it). */
function median(measures: Measure[]): Measure {
  const sorted = [...measures].sort((a, b) => a.wallMs - b.wallMs);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The generated articles: from --data (reused or generated there), else generated into `work`. */
function generate(work: string | undefined): { source: string; generated: GeneratedSite } {
  if (data !== undefined) {
    const { site, dir, ms, generationMs, bytes } = openSite(data, count, { seed });
    console.log(site.reused ? `  generated earlier in ${seconds(generationMs)}; ${megabytes(bytes)} of articles` : `  generated in ${seconds(ms)}; ${megabytes(bytes)} of articles`);
    return { source: dir, generated: site };
  }
  const source = join(work!, "source");
  console.log(`Generating ${count} articles in ${source} …`);
  const started = performance.now();
  const generated = generateSite(source, count, { seed, progress: (written) => console.log(`  ${written.toLocaleString("en")} of ${count.toLocaleString("en")} articles (${seconds(performance.now() - started)})`) });
  console.log(`  generated in ${seconds(performance.now() - started)}`);
  return { source, generated };
}

async function main(): Promise<void> {
  if (generateOnly) {
    if (data === undefined) throw new Error("--generate-only needs --data=DIR (a folder outside the repository to keep the articles in)");
    generate(undefined);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), "strichka-bench-"));
  const compiledEarlier = option("compiled");
  const compiledTo = compiledEarlier !== undefined ? useCompiled(compiledEarlier) : args.includes("--compiled") ? compileStrichka() : undefined;
  if (compiledTo) console.log(`strichka compiled to JavaScript in ${compiledTo}: builds run from there, without tsx`);
  try {
    await measureBuilds(work);
  } finally {
    if (compiledTo && compiledEarlier === undefined) rmSync(compiledTo, { recursive: true, force: true });
    // At a million articles the sites and their output take tens of GB: not left behind by a failure either.
    if (keep) console.log(`\nKept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

async function measureBuilds(work: string): Promise<void> {
  const { source, generated } = generate(work);
  console.log(`  ${generated.articles} articles, ${generated.topics} topics, ${generated.tags} tags, ${generated.videos} videos of the day`);

  if (imagesOnly) {
    const ours = join(work, "ours");
    setUpStrichkaSite(ours, source);
    // Kept with the articles (--data) for later runs; drawn into the run's folder otherwise.
    const photos = data === undefined ? join(work, "photos") : join(data, "photos", `bench-${count}`);
    return measurePhotos({ ours, photoSite: join(work, "photos-site"), source, photos, generated }, { runs, seed, buildArgs, warmUp });
  }

  // The baseline site: the same Markdown files, bare Eleventy's templates.
  const bare = join(work, "bare");
  cpSync(join(ROOT, "bench/bare"), bare, { recursive: true });
  linkTree(join(source, "content/articles"), join(bare, "content/articles"));
  symlinkSync(join(ROOT, "node_modules"), join(bare, "node_modules"));

  // strichka's site: our templates and pages, the generated data and articles.
  const ours = join(work, "ours");
  setUpStrichkaSite(ours, source);

  if (editOnly) return measureEdit(ours, generated);
  if (publishOnly) return measurePublish(ours, generated, { full: args.includes("--full"), buildArgs });

  /** Why there is no baseline (--no-baseline, or a failed build, which is not tried again). */
  let noBaseline = withBaseline ? undefined : "not built (--no-baseline)";
  /** Bare Eleventy's build, or undefined when there is no baseline. */
  const buildBare = async (): Promise<Measure | undefined> => {
    if (noBaseline) return undefined;
    try {
      return await measure("bare", bare, [join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.mjs", "--quiet"], join(bare, "_site"));
    } catch (error) {
      if (!(error instanceof BuildFailed)) throw error;
      console.log(`  ${error.message}; no baseline from here on`);
      noBaseline = `failed: ${error.message.replace(/^bare build /, "")}`;
      return undefined;
    }
  };
  // Full production builds (--full): what is compared with bare Eleventy is rendering every page.
  const buildOurs = (config?: string) => buildStrichka(ours, { config, full: true, args: buildArgs });
  /** Empties both output folders (and what strichka keeps beside its own), then lets the disk settle. */
  const emptyOutputs = async () => {
    rmSync(join(bare, "_site"), { recursive: true, force: true });
    for (const name of readdirSync(ours).filter((entry) => entry === "_site" || entry.startsWith("._site."))) rmSync(join(ours, name), { recursive: true, force: true });
    spawnSync("sync");
    await new Promise((done) => setTimeout(done, settle));
  };

  // Two situations: a build into an empty folder (CI, Netlify), and a rebuild over the output
  // of earlier builds (an editor's machine), where bare Eleventy overwrites its files in place
  // and strichka builds into its recycled site (see src/publish.ts).
  console.log(`\nResults for ${count} articles, median of ${runs} rounds (node ${process.version}, ${new Date().toISOString()})`);
  for (const fresh of freshOnly ? [true] : [true, false]) {
    if (!fresh && warmUp) {
      console.log("\nWarming up: bare Eleventy once, strichka twice (its third build is the first into a recycled site) …");
      await buildBare();
      await buildOurs();
      await buildOurs();
    } else if (!fresh) console.log("\nNo warm-up (--no-warm-up): the rebuilds follow the fresh builds at once.");
    const bareRuns: Measure[] = [];
    const strichkaRuns: Measure[] = [];
    /** Wall time against the same round's baseline, where there is one. */
    const ratios: number[] = [];
    for (let round = 1; round <= runs; round++) {
      console.log(`${fresh ? "Fresh" : "Rebuild"}, round ${round} of ${runs}: ${noBaseline ? "" : "bare Eleventy (baseline), then "}strichka (full production build) …`);
      if (fresh) await emptyOutputs();
      const baseline = await buildBare();
      if (fresh) await emptyOutputs();
      const strichka = await buildOurs();
      strichkaRuns.push(strichka);
      if (baseline) {
        bareRuns.push(baseline);
        ratios.push(strichka.wallMs / baseline.wallMs);
      }
    }
    const strichka = median(strichkaRuns);
    const row = (name: string, m: Measure, ratioToBaseline: number | undefined) =>
      `| ${name} | ${seconds(m.wallMs)} | ${seconds(m.cpuMs)} | ${seconds(m.ownCpuMs)} | ${m.maxRssMb.toFixed(0)} MB | ${m.ownRssMb.toFixed(0)} MB | ${m.processes} | ${m.pages} | ${ratioToBaseline === undefined ? "–" : ratioToBaseline.toFixed(2)} |`;
    console.log(`\n${fresh ? "Fresh build (empty output folder)" : "Rebuild (output of earlier builds in place)"}:\n`);
    console.log("| build | wall | CPU, all processes | CPU, main process | peak RSS, all processes | peak RSS, main process | processes at once | pages | ratio to baseline (wall) |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    if (bareRuns.length > 0) console.log(row(`bare Eleventy (baseline${bareRuns.length < runs ? `, ${bareRuns.length} of ${runs} rounds` : ""})`, median(bareRuns), 1));
    else console.log(`| bare Eleventy (baseline) | ${noBaseline} | | | | | | | |`);
    console.log(row("strichka", strichka, ratios.length > 0 ? middle(ratios) : undefined));
    if (!fresh) {
      console.log("Building with strichka, minifier off (what minification costs in all) …");
      const unminified = await buildOurs("bench/no-minify.config.ts");
      const lastBaseline = bareRuns.at(-1);
      console.log(row("strichka, minifier off (one run)", unminified, lastBaseline && unminified.wallMs / lastBaseline.wallMs));
    }
    console.log(`\nWall times of each round: bare ${bareRuns.map((run) => seconds(run.wallMs)).join(", ") || "–"}; strichka ${strichkaRuns.map((run) => seconds(run.wallMs)).join(", ")}`);
    printPhases(strichka);
    if (fresh) await printSearch(join(ours, "_site"), strichka.phases?.search, strichka.phases?.searchCpu, queryRuns);
  }
}

/** strichka's per-phase breakdown of one build. */
function printPhases(strichka: Measure): void {
  const phases = strichka.phases ?? {};
  const eleventy = phases.eleventy ?? 0;
  const content = phases.content ?? 0;
  const indexes = phases.indexes ?? 0;
  // Templates are minified once, before rendering (see src/minify.ts).
  const minification = phases.minification ?? 0;
  const feeds = phases.feeds ?? 0;
  console.log("\nstrichka, per phase (the median round):\n");
  console.log("| phase | time |");
  console.log("|---|---|");
  // Shards (pages rendered in child processes, see src/shards.ts) run after Eleventy's own run, between it and publishing.
  const shards = phases.shards ?? 0;
  console.log(`| process start, config, tsx | ${seconds(strichka.wallMs - eleventy - shards - (phases.publishing ?? 0))} |`);
  console.log(`| content loading (read, parse, validate) | ${seconds(content - indexes)} |`);
  console.log(`| indexes (order, related, videos, lists) | ${seconds(indexes)} |`);
  console.log(`| rendering and writing (Eleventy) | ${seconds(Math.max(0, eleventy - content - minification - feeds))} |`);
  console.log(`| minification (html-minifier-terser) | ${seconds(minification)} |`);
  console.log(`| feeds and sitemap | ${seconds(feeds)} |`);
  if (phases.shards !== undefined) console.log(`| rendering shards in child processes (wall) | ${seconds(shards)} |`);
  console.log(`| publishing (stale files out, swap into _site) | ${seconds(phases.publishing ?? 0)} |`);
}

/**
 * --edit: the preview (`npm start`, Eleventy's dev server) on the generated site; once the
 * first build is done, one article's title is changed, and the time until its page is
 * rewritten with the new title, and until the rebuild has finished, are measured.
 */
async function measureEdit(site: string, generated: GeneratedSite): Promise<void> {
  const server = spawn(process.execPath, ["--import", "tsx", join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), `--config=${join(ROOT, "eleventy.config.ts")}`, "--serve", "--port=8765"], {
    cwd: site,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const waitFor = (pattern: RegExp, from: number, timeoutMs: number) =>
    new Promise<void>((done, fail) => {
      const timer = setInterval(() => {
        if (pattern.test(log.slice(from))) {
          clearInterval(timer);
          done();
        }
      }, 20);
      // unref: a pending time-out must not keep the benchmark alive once it is done.
      setTimeout(() => {
        clearInterval(timer);
        fail(new Error(`timed out waiting for ${pattern} in the preview's output`));
      }, timeoutMs).unref();
    });
  server.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  try {
    const started = performance.now();
    console.log("Starting the preview (Eleventy dev server) …");
    await waitFor(/Wrote \d+ files/, 0, 600_000);
    console.log(`  first build: ${seconds(performance.now() - started)}`);
    // An edit before the watcher is ready would go unseen.
    await waitFor(/Watching/, 0, 600_000);
    await new Promise((done) => setTimeout(done, 1000));
    const file = join(site, generated.file(1));
    const source = readFileSync(file, "utf8");
    const title = "Відредагований заголовок для вимірювання";
    const from = log.length;
    const edited = performance.now();
    rewrite(file, source.replace(/^title: .*$/m, `title: "${title}"`));
    await new Promise<void>((done, fail) => {
      const timer = setInterval(() => {
        const pages = readdirSync(join(site, "_site/novyny"), { recursive: true }).map(String).filter((name) => name.includes("vidredahovanyi-zaholovok"));
        if (pages.length > 0) {
          clearInterval(timer);
          done();
        }
      }, 10);
      // unref: a pending time-out must not keep the benchmark alive once it is done.
      setTimeout(() => {
        clearInterval(timer);
        fail(new Error(`the edited page was not written; the preview said:\n${log.slice(-2000)}`));
      }, 120_000).unref();
    });
    const pageMs = performance.now() - edited;
    await waitFor(/Wrote \d+ files?/, from, 600_000);
    const rebuildMs = performance.now() - edited;
    console.log(`\nPreview, ${count} articles: one article's title edited\n`);
    console.log("| measure | time |");
    console.log("|---|---|");
    console.log(`| save → the article's page written | ${seconds(pageMs)} |`);
    const written = /Wrote (\d+) files?/.exec(log.slice(from))?.[1];
    console.log(`| save → rebuild finished (lists, related, feeds current; ${written} files written) | ${seconds(rebuildMs)} |`);
  } finally {
    server.kill();
  }
}

await main();
