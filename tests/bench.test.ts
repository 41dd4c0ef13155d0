// The benchmark script itself works (at N = 50): it is not a performance test, and no
// figure is asserted; only that it builds both sites and reports. Beside it, what its
// figures rest on: the generated data (deterministic, by month, reused only when complete)
// and the measurement of a build's whole process tree.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { generateSite, openSite } from "../bench/generate.js";
import { BuildFailed, linkTree, measure, rewrite } from "../bench/harness.js";
import { ROOT } from "./helpers/site.js";
import { CHROMIUM } from "./helpers/hosting.js";

const work = mkdtempSync(join(tmpdir(), "strichka-bench-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));


/** Every file below `dir`, relative, with its text. */
function files(dir: string): Map<string, string> {
  const found = readdirSync(dir, { recursive: true }).map(String).filter((name) => statSync(join(dir, name)).isFile());
  return new Map(found.sort().map((name) => [name, readFileSync(join(dir, name), "utf8")]));
}

/**
 * --compiled=DIR: strichka's builds run compiled to JavaScript once for the test run (see
 * tests/global-setup.ts), not through tsx, whose module hooks were ~2.3 s of CPU of each of
 * these small builds. The --fresh-only test builds through tsx, as `npm run bench` does.
 */
const compiled = () => `--compiled=${inject("compiledStrichka")}`;

describe("npm run bench", () => {
  it("builds the baseline and strichka at N = 50 and prints the table", () => {
    // Without the warm-up builds before the rebuild round (3 of 8 builds), and one query a
    // time in Chromium (3 of 9 page loads): every table and row is printed all the same.
    const result = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "bench/run.ts"), "--n=50", "--runs=1", "--settle=0", "--no-warm-up", "--query-runs=1", compiled()], { cwd: ROOT, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("No warm-up (--no-warm-up): the rebuilds follow the fresh builds at once.");
    expect(result.stdout).toContain(`strichka compiled to JavaScript in ${inject("compiledStrichka")}: builds run from there, without tsx`);
    expect(result.stdout).toContain("Results for 50 articles");
    expect(result.stdout).toContain("| build | wall | CPU, all processes | CPU, main process | peak RSS, all processes | peak RSS, main process | processes at once | pages | ratio to baseline (wall) |");
    // Bare Eleventy finds the articles in their month folders: 50 pages, the home page, 3 list pages.
    expect(result.stdout).toMatch(/\| bare Eleventy \(baseline\) \| [\d.]+ s \| [\d.]+ s \| [\d.]+ s \| \d+ MB \| \d+ MB \| \d+ \| 54 \| 1\.00 \|/);
    expect(result.stdout).toContain("Fresh build (empty output folder)");
    expect(result.stdout).toContain("Rebuild (output of earlier builds in place)");
    expect(result.stdout.match(/\| strichka \| [\d.]+ s \| [\d.]+ s \| [\d.]+ s \| \d+ MB \| \d+ MB \| \d+ \| \d+ \| [\d.]+ \|/g)).toHaveLength(2);
    expect(result.stdout).toMatch(/\| content loading \(read, parse, validate\) \| [\d.]+ s \|/);
    // The search budgets after the fresh build, with queries in Chromium where there is one.
    expect(result.stdout).toContain("Search (README «Пошук»)");
    expect(result.stdout).toMatch(/\| month files \| \d+, [\d.]+ MB in all \|/);
    if (existsSync(CHROMIUM)) expect(result.stdout.match(/\| query «[^»]+» in Chromium from disk \(median of 1\): searching and drawing; with the month files' loading \| \d+ ms; \d+ ms \(/g)).toHaveLength(3);
    // Five builds in processes of their own and Chromium's queries: past the default 120 s on
    // a machine that something else keeps busy.
  }, 300_000);

  it("--fresh-only --no-baseline: strichka alone, into an empty folder (for 100,000 articles and more)", () => {
    // As on a machine without Chromium: the search budgets without query times (Chromium's
    // queries are timed in the test above).
    const result = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "bench/run.ts"), "--n=20", "--runs=1", "--settle=0", "--fresh-only", "--no-baseline"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CHROMIUM_PATH: join(work, "no-chromium") } });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("| query time in Chromium | not measured (no Chromium) |");
    expect(result.stdout).toMatch(/\| index written \(month files, in the build\): wall; CPU \| [\d.]+ s; [\d.]+ s \|/);
    expect(result.stdout).toContain("| bare Eleventy (baseline) | not built (--no-baseline) |");
    expect(result.stdout).toMatch(/\| strichka \| [\d.]+ s \| [\d.]+ s \| [\d.]+ s \| \d+ MB \| \d+ MB \| \d+ \| \d+ \| – \|/);
    expect(result.stdout).not.toContain("Rebuild");
  });

  it("--images: articles with a generated 3000×2000 photo each, the first build, warm rebuilds against the site without photos, bytes per page", () => {
    // One article and its photo (each 3000×2000 photo is drawn, then encoded in every format
    // and width: ~2 s of CPU), without the warm-up builds (4 builds instead of 6).
    const result = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "bench/run.ts"), "--images", "--n=1", "--runs=1", "--settle=0", "--no-warm-up", compiled()], { cwd: ROOT, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("No warm-up (--no-warm-up): the rebuilds follow the first builds at once.");
    expect(result.stdout).toContain("1 photos,");
    expect(result.stdout).toMatch(/\| with photos \(1 encoded\) \|/);
    expect(result.stdout).toMatch(/\| with photos \(none encoded\) \|/);
    expect(result.stdout).toContain("originals in _site/images/bench/: 0");
    expect(result.stdout).toMatch(/\| phone, 400 px wide, 2× \| 800 px \| \d+\.\d KB \|/);
  }, 600_000);
});

describe("the generated articles", () => {
  it("are the same for the same N and seed, in a folder per month, numbered in date order", () => {
    const first = generateSite(join(work, "one"), 300);
    generateSite(join(work, "two"), 300);
    const one = files(join(work, "one/content"));
    expect(one).toEqual(files(join(work, "two/content")));
    expect([...one.keys()]).toHaveLength(300);
    for (const [name, text] of one) {
      const [, year, month] = /^articles\/(\d{4})\/(\d\d)\/a\d{7}\.md$/.exec(name) ?? [];
      expect(text).toMatch(new RegExp(`^date: ${year}-${month}-\\d\\d \\d\\d:\\d\\d:00$`, "m"));
    }
    expect(first.file(1)).toMatch(/^content\/articles\/\d{4}\/\d\d\/a0000001\.md$/);
    expect(readFileSync(join(work, "one", first.file(300)), "utf8")).toContain(`date: ${first.newest}`);
    const dates = [...one.values()].map((text) => /^date: (.*)$/m.exec(text)![1]!);
    expect(dates).toEqual([...dates].sort());
    generateSite(join(work, "other-seed"), 300, { seed: 7 });
    expect(files(join(work, "other-seed/content"))).not.toEqual(one);
  });

  it("--data: generated once into DIR/<N>/, then reused while its marker matches; an incomplete set is made again", () => {
    const data = join(work, "data");
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const made = openSite(data, 120, { log });
    expect(made.site.reused).toBe(false);
    expect(made.dir).toBe(join(data, "120"));
    const again = openSite(data, 120, { log });
    expect(again.site.reused).toBe(true);
    expect(lines.at(-1)).toMatch(/^Reusing 120 generated articles/);
    // A new article is the same whether the set was just made or reused, and its title is not one of that day's.
    expect(again.site.another(again.site.newest)).toBe(made.site.another(made.site.newest));
    expect(again.site.file(60)).toBe(made.site.file(60));

    // Interrupted before the marker: generated again, not reused.
    rmSync(join(data, "120/generated.json"));
    writeFileSync(join(data, "120", made.site.file(1)), "half");
    expect(openSite(data, 120, { log }).site.reused).toBe(false);
    expect(readFileSync(join(data, "120", made.site.file(1)), "utf8")).toMatch(/^---\ntitle: /);
    // Another seed is another set.
    expect(openSite(data, 120, { seed: 9, log }).site.reused).toBe(false);
  });

  it("--data refuses a folder inside the repository", () => {
    expect(() => openSite(join(ROOT, ".bench/data"), 10, { log: () => undefined })).toThrow(/outside the repository/);
    expect(existsSync(join(ROOT, ".bench/data/10"))).toBe(false);
  });

  it("the sites get hard links to the articles, and the bench's edits never write through them", () => {
    const source = join(work, "links/source");
    mkdirSync(join(source, "2025/01"), { recursive: true });
    writeFileSync(join(source, "2025/01/a.md"), "generated");
    linkTree(source, join(work, "links/site"));
    expect(statSync(join(work, "links/site/2025/01/a.md")).ino).toBe(statSync(join(source, "2025/01/a.md")).ino);
    rewrite(join(work, "links/site/2025/01/a.md"), "edited");
    expect(readFileSync(join(source, "2025/01/a.md"), "utf8")).toBe("generated");
    expect(readFileSync(join(work, "links/site/2025/01/a.md"), "utf8")).toBe("edited");
  });
});

describe("the measurement", () => {
  it.skipIf(process.platform !== "linux")("counts the memory and CPU time of a build's child processes", async () => {
    const dir = join(work, "tree");
    mkdirSync(join(dir, "out"), { recursive: true });
    // Two children at once, each holding 200 MB and busy for 0.6 s of its own CPU time (not of
    // the clock: on a loaded machine a second of the clock may be less CPU than asserted), as a
    // build's shards would be.
    const child = "const b = Buffer.alloc(200 * 1024 * 1024, 1); let x = 0; while (process.cpuUsage().user < 600_000) for (let i = 0; i < 1e5; i++) x += b[x % b.length];";
    writeFileSync(join(dir, "parent.mjs"), `import { spawn } from "node:child_process";\nconst run = () => new Promise((done) => spawn(process.execPath, ["-e", ${JSON.stringify(child)}], { stdio: "inherit" }).on("exit", done));\nawait Promise.all([run(), run()]);\n`);
    const result = await measure("tree", dir, [join(dir, "parent.mjs")], join(dir, "out"));
    expect(result.processes).toBe(3);
    expect(result.maxRssMb).toBeGreaterThan(result.ownRssMb + 2 * 150);
    expect(result.cpuMs).toBeGreaterThan(result.ownCpuMs + 1000);
  });

  it("a failed build rejects with its time and memory until then", async () => {
    const dir = join(work, "failing");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "fail.mjs"), "process.exit(3);\n");
    const failure = await measure("failing", dir, [join(dir, "fail.mjs")], dir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildFailed);
    expect((failure as BuildFailed).code).toBe(3);
    expect((failure as BuildFailed).message).toMatch(/^failing build exited with 3 after [\d.]+ s \(peak RSS of all its processes \d+ MB\)$/);
  });
});
