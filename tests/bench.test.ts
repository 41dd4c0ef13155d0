// The benchmark script itself works (at N = 50): it is not a performance test, and no
// figure is asserted; only that it builds both sites and reports.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

describe("npm run bench", () => {
  it("builds the baseline and strichka at N = 50 and prints the table", () => {
    const result = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "bench/run.ts"), "--n=50", "--runs=1"], { cwd: ROOT, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Results for 50 articles");
    expect(result.stdout).toMatch(/\| bare Eleventy \(baseline\) \| [\d.]+ s \| [\d.]+ s \| \d+ MB \| 54 \| 1\.00 \|/);
    expect(result.stdout).toContain("Fresh build (empty output folder)");
    expect(result.stdout).toContain("Rebuild (output of earlier builds in place)");
    expect(result.stdout.match(/\| strichka \| [\d.]+ s \| [\d.]+ s \| \d+ MB \| \d+ \| [\d.]+ \|/g)).toHaveLength(2);
    expect(result.stdout).toMatch(/\| content loading \(read, parse, validate\) \| [\d.]+ s \|/);
  });
});

describe("npm run bench -- --publish", () => {
  it("builds a full site, then one new, one edited and one deleted article at N = 50, and prints the churn", () => {
    const result = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "bench/run.ts"), "--publish", "--n=50"], { cwd: ROOT, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Publishing, 50 articles, full builds");
    const row = (step: string) => new RegExp(`^\\| ${step} \\| [\\d.]+ s \\| [\\d.]+ s \\| \\d+ MB \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\|$`, "m");
    for (const step of ["full build, empty _site/", "rebuild, nothing changed", "one new article", "title of a000025\\.md edited, URL kept \\(mid-archive\\)", "a000026\\.md deleted \\(mid-archive\\)"]) {
      expect(result.stdout).toMatch(row(step));
    }
    // The by-kind table, and the new article's page among the files the new-article step added.
    expect(result.stdout).toContain("| step | article pages | archive | topic lists | tag lists | home | feeds | sitemap | other |");
    expect(result.stdout).toMatch(/one new article: the files by list or kind\n\n {2}article pages \(\d+\): \+novyny\/\d{4}\/\d\d\/\d\d\/[a-z0-9-]+\.html/);
  });
});
