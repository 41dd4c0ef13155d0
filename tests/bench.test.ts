// The benchmark script itself works (at N = 50): it is not a performance test, and no
// figure is asserted; only that it builds both sites and reports; and that a build's child
// processes are measured with it.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { measure } from "../bench/harness.js";
import { ROOT } from "./helpers.js";

const work = mkdtempSync(join(tmpdir(), "strichka-bench-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("npm run bench", () => {
  it("builds the baseline and strichka at N = 50 and prints the table", () => {
    const result = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "bench/run.ts"), "--n=50", "--runs=1", "--settle=0"], { cwd: ROOT, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Results for 50 articles");
    expect(result.stdout).toContain("| build | wall | CPU, all processes | CPU, main process | peak RSS, all processes | peak RSS, main process | processes at once | pages | ratio to baseline (wall) |");
    expect(result.stdout).toMatch(/\| bare Eleventy \(baseline\) \| [\d.]+ s \| [\d.]+ s \| [\d.]+ s \| \d+ MB \| \d+ MB \| \d+ \| 54 \| 1\.00 \|/);
    expect(result.stdout).toContain("Fresh build (empty output folder)");
    expect(result.stdout).toContain("Rebuild (output of earlier builds in place)");
    expect(result.stdout.match(/\| strichka \| [\d.]+ s \| [\d.]+ s \| [\d.]+ s \| \d+ MB \| \d+ MB \| \d+ \| \d+ \| [\d.]+ \|/g)).toHaveLength(2);
    expect(result.stdout).toMatch(/\| content loading \(read, parse, validate\) \| [\d.]+ s \|/);
  });
});

describe("the measurement", () => {
  it.skipIf(process.platform !== "linux")("counts the memory and CPU time of a build's child processes", async () => {
    const dir = join(work, "tree");
    mkdirSync(join(dir, "out"), { recursive: true });
    // Two children at once, each holding 200 MB and busy for a second, as a build's shards would be.
    const child = "const b = Buffer.alloc(200 * 1024 * 1024, 1); let x = 0; const end = Date.now() + 1000; while (Date.now() < end) x += b[x % b.length];";
    writeFileSync(join(dir, "parent.mjs"), `import { spawn } from "node:child_process";\nconst run = () => new Promise((done) => spawn(process.execPath, ["-e", ${JSON.stringify(child)}], { stdio: "inherit" }).on("exit", done));\nawait Promise.all([run(), run()]);\n`);
    const result = await measure("tree", dir, [join(dir, "parent.mjs")], join(dir, "out"));
    expect(result.processes).toBe(3);
    expect(result.maxRssMb).toBeGreaterThan(result.ownRssMb + 2 * 150);
    expect(result.cpuMs).toBeGreaterThan(result.ownCpuMs + 1000);
  });
});
