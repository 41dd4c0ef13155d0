// Once per test run, before any test file: the repository's own site, built by the real
// `strichka build` in a child process into a temp folder. The test files that read it get
// the result through inject("sampleSite") (see sampleSite() in helpers/site.ts) and check
// it themselves, so a failed build fails those files, with what the build said.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildAsync, listFiles, ROOT, tempDir, type BuildResult } from "./helpers/site.js";

/** Free space a run's temp files need, with room to spare (they peak at a few hundred MB). */
const TEMP_ROOM = 2 * 1024 ** 3;

/**
 * A folder for this run's temp files in memory (/dev/shm) where there is room, else none.
 * The tests write and delete tens of thousands of files (sites, npm installs, Chromium's
 * profiles); on a disk (here ext4 with discard) that was a tenth of a run's time.
 */
function memoryTempDir(): string | undefined {
  try {
    const { bavail, bsize } = statfsSync("/dev/shm");
    return bavail * bsize >= TEMP_ROOM ? mkdtempSync("/dev/shm/strichka-tests-") : undefined;
  } catch {
    return undefined; // no /dev/shm (macOS, Windows)
  }
}

/**
 * The sample's photo outputs as the last run's build made them, kept between runs. Encoding
 * its 8 photos (AVIF, WebP, JPEG at each width) was some 12 s of CPU of every run's sample
 * build, 70 % of it, before any test could start; the photos are tested in images*.test.ts,
 * on sites of their own, encoded there.
 */
const IMAGE_CACHE = join(ROOT, "node_modules/.cache/strichka/sample-images");
/** Where outputs of photos are in a built site (src/images.ts, IMAGES_URL). */
const IMAGES = "static/images";

/**
 * Starts `output` as a previous build's site that holds only the cached photo outputs,
 * listed in its manifest (`.<folder>.files.json` beside it, src/publish.ts), as an earlier
 * build would have left it. strichka build takes the outputs whose names it would give
 * (they are named by the photo's bytes and how they are encoded), encodes any other, and
 * deletes what it did not write: the site is file for file one built into an empty folder
 * (checked once by hand with diff -r; tests/incremental.test.ts and publishing.test.ts
 * test this path of the build).
 */
function seedPhotos(output: string): boolean {
  if (!existsSync(IMAGE_CACHE)) return false;
  try {
    mkdirSync(join(output, IMAGES), { recursive: true });
    cpSync(IMAGE_CACHE, join(output, IMAGES), { recursive: true });
  } catch {
    rmSync(output, { recursive: true, force: true });
    return false;
  }
  writeFileSync(join(output, "..", "._site.files.json"), JSON.stringify(listFiles(output)));
  return true;
}

/** Keeps the photo outputs of `output` for the next run when they are not what the cache holds. */
function keepPhotos(output: string): void {
  const made = existsSync(join(output, IMAGES)) ? readdirSync(join(output, IMAGES)).sort() : [];
  const kept = existsSync(IMAGE_CACHE) ? readdirSync(IMAGE_CACHE).sort() : [];
  if (made.join("\n") === kept.join("\n")) return;
  // Swapped in whole: a run that copies meanwhile gets the old set or the new one, and a set
  // that lacks a photo's outputs only makes its build encode that photo.
  const fresh = `${IMAGE_CACHE}.${process.pid}`;
  const old = `${IMAGE_CACHE}.${process.pid}.old`;
  try {
    rmSync(fresh, { recursive: true, force: true });
    if (made.length > 0) cpSync(join(output, IMAGES), fresh, { recursive: true });
    if (existsSync(IMAGE_CACHE)) renameSync(IMAGE_CACHE, old);
    if (made.length > 0) renameSync(fresh, IMAGE_CACHE);
  } catch {
    // Another run stored its set at the same moment: the next run tries again.
  } finally {
    rmSync(fresh, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}

/** The sample site built into `folder`/_site, from the cached photo outputs where there are any. */
async function buildSample(folder: string): Promise<BuildResult> {
  const output = join(folder, "_site");
  if (seedPhotos(output)) {
    const seeded = await buildAsync(ROOT, output);
    if (seeded.status === 0) {
      keepPhotos(output);
      return seeded;
    }
    // Whatever went wrong, the result the tests see is that of a build into an empty folder.
    for (const name of readdirSync(folder)) rmSync(join(folder, name), { recursive: true, force: true });
  }
  const result = await buildAsync(ROOT, output);
  if (result.status === 0) keepPhotos(output);
  return result;
}

/**
 * strichka compiled to JavaScript in `folder` (src/ as .js files, eleventy.config.js,
 * bench/no-minify.config.js, and links to package.json, _includes/, content/ and
 * node_modules/ beside them, as in the package), for the child processes that run
 * `strichka build` (build() in helpers/site.ts, the benchmark's tests): the code
 * tsx would run, compiled file by file by tsx's own esbuild with tsx's options (so that
 * what the build prints of its own code, the search's words.js, is what a build through
 * tsx prints), once, instead of through tsx's module hooks in every child, which were some
 * 2.3 s of CPU of a small site's 5 s build. src/slug.ts is compiled as the editors' desk
 * compiles it for the browser (admin/slug.js, see slugModule in src/admin/page.ts), which
 * reads the compiled file when there is one.
 */
async function compileStrichka(folder: string): Promise<void> {
  const require = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"));
  const esbuild = require("esbuild") as typeof import("esbuild");
  const { compilerOptions } = JSON.parse(readFileSync(join(ROOT, "tsconfig.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
  const sources = [
    ...readdirSync(join(ROOT, "src"), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
      .map((file) => join("src", file)),
    "eleventy.config.ts",
    // For the benchmark's tests (bench/run.ts --compiled=DIR).
    join("bench", "no-minify.config.ts"),
  ];
  await Promise.all(
    sources.map(async (file) => {
      const source = readFileSync(join(ROOT, file), "utf8");
      const options: import("esbuild").TransformOptions =
        file === join("src", "slug.ts")
          ? { loader: "ts", format: "esm", target: "es2020" }
          : { loader: "ts", format: "esm", target: `node${process.versions.node}`, minifyWhitespace: true, keepNames: true, sourcefile: join(ROOT, file), tsconfigRaw: { compilerOptions } as import("esbuild").TsconfigRaw };
      const { code } = await esbuild.transform(source, options);
      const target = join(folder, file.replace(/\.ts$/, ".js"));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code);
    }),
  );
  for (const name of ["package.json", "_includes", "content", "node_modules"]) symlinkSync(join(ROOT, name), join(folder, name));
}

/**
 * Whether a test file of this run reads the sample site (calls sampleSite()). Most files do
 * not: a run of those alone (what a developer runs most) skips the build, some 8 s before
 * its first test. In watch mode, whose later runs may be of other files, it is always built.
 */
async function runReadsSample(project: TestProject): Promise<boolean> {
  if (project.vitest.config.watch) return true;
  // The command line's file filters, which Vitest keeps as filenamePattern (not in its
  // types); without them, every test file.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const files = await project.vitest.globTestSpecifications(filters);
  return files.length === 0 || files.some((file) => readFileSync(file.moduleId, "utf8").includes("sampleSite("));
}

export default async function setup(project: TestProject): Promise<() => void> {
  // Set before the test processes start, which inherit it (as do the builds, npm and
  // Chromium they start): os.tmpdir(), and so tempDir() and makeSite(), answer with it.
  const memory = memoryTempDir();
  const savedTemp = process.env.TMPDIR;
  if (memory) process.env.TMPDIR = memory;
  const folder = tempDir("strichka-sample-");
  // (Should a file that reads it get past runReadsSample, its tests fail with this.)
  const skipped = { status: null, stdout: "", stderr: "The sample site was not built: no test file of this run calls sampleSite() (tests/global-setup.ts).", output: join(folder, "_site") };
  const compiled = join(folder, "compiled");
  await compileStrichka(compiled);
  project.provide("compiledStrichka", compiled);
  project.provide("sampleSite", (await runReadsSample(project)) ? await buildSample(folder) : skipped);
  return () => {
    rmSync(folder, { recursive: true, force: true });
    if (!memory) return;
    // What the tests left behind goes with it.
    rmSync(memory, { recursive: true, force: true });
    if (savedTemp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTemp;
  };
}
