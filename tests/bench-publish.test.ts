// `npm run bench -- --publish` works (at N = 50): no figure is asserted, only that it builds
// and reports. (A file of its own so that it runs beside the other bench test.)
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { ROOT } from "./helpers/site.js";

describe("npm run bench -- --publish", () => {
  it("builds a full site, then one new, one edited and one deleted article at N = 50, and prints the churn", () => {
    // Its builds run strichka compiled once for the test run (see tests/global-setup.ts), as in bench.test.ts.
    const result = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "bench/run.ts"), "--publish", "--n=50", `--compiled=${inject("compiledStrichka")}`], { cwd: ROOT, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Publishing, 50 articles, incremental builds");
    const row = (step: string) => new RegExp(`^\\| ${step} \\| [\\d.]+ s \\| [\\d.]+ s \\| [\\d.]+ s \\| \\d+ MB \\| \\d+ MB \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\|$`, "m");
    for (const step of ["full build, empty _site/", "rebuild, nothing changed", "one new article", "title of a0000025\\.md edited, URL kept \\(mid-archive\\)", "a0000026\\.md deleted \\(mid-archive\\)"]) {
      expect(result.stdout).toMatch(row(step));
    }
    // The by-kind table, and the new article's page among the files the new-article step added.
    expect(result.stdout).toContain("| step | article pages | archive | topic lists | tag lists | home | feeds | sitemap | other |");
    expect(result.stdout).toMatch(/one new article: the files by list or kind\n\n {2}article pages \(\d+\): \+novyny\/\d{4}\/\d\d\/\d\d\/[a-z0-9-]+\.html/);
  });
});
