// The benchmark script itself works (at N = 50): it is not a performance test, and no
// figure is asserted; only that it builds both sites and reports.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

describe("npm run bench", () => {
  it("builds the baseline and strichka at N = 50 and prints the table", () => {
    const result = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "bench/run.ts"), "--n=50", "--runs=1", "--settle=0"], { cwd: ROOT, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Results for 50 articles");
    expect(result.stdout).toMatch(/\| bare Eleventy \(baseline\) \| [\d.]+ s \| [\d.]+ s \| \d+ MB \| 54 \| 1\.00 \|/);
    expect(result.stdout).toContain("Fresh build (empty output folder)");
    expect(result.stdout).toContain("Rebuild (output of earlier builds in place)");
    expect(result.stdout.match(/\| strichka \| [\d.]+ s \| [\d.]+ s \| \d+ MB \| \d+ \| [\d.]+ \|/g)).toHaveLength(2);
    expect(result.stdout).toMatch(/\| content loading \(read, parse, validate\) \| [\d.]+ s \|/);
  });
});
