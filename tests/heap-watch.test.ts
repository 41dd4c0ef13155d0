// Out of memory, said plainly: a process past its heap limit prints what happened and what to
// do, and exits with OUT_OF_MEMORY, instead of V8's fatal error and native stack.
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildHeapMb, OUT_OF_MEMORY } from "../src/heap-watch.js";
import { article, makeSite, ROOT, tempDir } from "./helpers/site.js";

describe("watchHeap", () => {
  it("stops a process that fills its heap with a plain message before V8 dies", () => {
    const script = join(tempDir(), "fill.mts");
    writeFileSync(
      script,
      `import { outOfMemoryMessage, watchHeap } from ${JSON.stringify(join(ROOT, "src/heap-watch.ts"))};
watchHeap((limitMb) => outOfMemoryMessage("The build", limitMb, "Give it more memory."));
const kept: string[][] = [];
for (let round = 0; round < 1_000_000; round++) {
  kept.push(Array.from({ length: 1_000 }, (_, index) => \`\${round}-\${index}\`));
  await new Promise((next) => setImmediate(next));
}`,
    );
    // A 100 MB heap (200 MB took 1 to 2 s more), filled 1,000 strings a turn of the event loop
    // (at 10,000 a turn, V8 died first in some 1 run in 18 on a loaded machine; at 1,000, in
    // none of 56 outside vitest, but once inside it: V8 gives up after 4 full collections in a
    // row past 80% of its heap that leave the program under 40% of the time, below the
    // watcher's 90%).
    const result = spawnSync(process.execPath, ["--max-old-space-size=100", "--import", "tsx", script], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).toMatch(/^The build ran out of memory: it needs more than its heap limit of 100 MB\. Give it more memory\.$/m);
    expect(result.stderr).not.toMatch(/FATAL ERROR|Native stack/);
    expect(result.status).toBe(OUT_OF_MEMORY);
  });
});

describe("a build's heap", () => {
  it("is sized from the archive: a build whose process has less than that runs again with it, saying so", () => {
    const dir = makeSite({ "content/articles/a.md": article({ title: "Новина", date: "2026-01-14 10:00", topic: "kultura" }) });
    // 200 MB is less than the 512 MB any archive is given (buildHeapMb), as Node's default is
    // less than a big archive's on a machine of little memory.
    const result = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "src/cli.ts"), "build", `--config=${join(ROOT, "eleventy.config.ts")}`], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=200" },
    });
    expect(result.stdout).toContain(`The build runs with a heap limit of ${buildHeapMb(1)} MB for this archive`);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(dir, "_site/index.html"))).toBe(true);
  });

  it("gives a big archive's build 64 MB semi-spaces unless its process started with them, and knows its old generation's limit with any", () => {
    const script = join(tempDir(), "settings.mts");
    writeFileSync(
      script,
      `import { BIG_ARCHIVE_ARTICLES, buildProcessSettings, heapLimitMb, semiSpaceMb } from ${JSON.stringify(join(ROOT, "src/heap-watch.ts"))};
console.log(JSON.stringify({ heapLimit: heapLimitMb(), semiSpace: semiSpaceMb(), small: buildProcessSettings(1_000) ?? null, big: buildProcessSettings(BIG_ARCHIVE_ARTICLES) ?? null }));`,
    );
    const run = (args: string[], nodeOptions = "") => {
      const result = spawnSync(process.execPath, [...args, "--import", "tsx", script], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: nodeOptions } });
      expect(result.status, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as unknown;
    };
    // (8,000 MB is more than either archive's heap: only the semi-spaces are in question.)
    expect(run(["--max-old-space-size=8000"])).toEqual({ heapLimit: 8000, semiSpace: 16, small: null, big: { semiSpaceMb: 64 } });
    expect(run(["--max-old-space-size=8000", "--max-semi-space-size=64"])).toEqual({ heapLimit: 8000, semiSpace: 64, small: null, big: null });
    // NODE_OPTIONS counts too, and the command line wins over it, as in Node.
    expect(run(["--max-old-space-size=8000"], "--max-semi-space-size=128")).toEqual({ heapLimit: 8000, semiSpace: 128, small: null, big: null });
    expect(run(["--max-old-space-size=8000", "--max-semi-space-size=32"], "--max-semi-space-size=128")).toEqual({ heapLimit: 8000, semiSpace: 32, small: null, big: { semiSpaceMb: 64 } });
  });

  it("grows with the archive: ~3 KB an article over a base", () => {
    expect(buildHeapMb(0)).toBe(512);
    expect(buildHeapMb(100_000)).toBe(805);
    expect(buildHeapMb(1_000_000)).toBe(3442);
  });
});
