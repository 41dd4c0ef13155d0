import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take longest, slowest first (seconds of each in a full run on this 2-core
 * machine at load 7, 27 November 2026, after #18's compiled child builds: the benchmark's
 * builds and Chromium, Chromium and axe,
 * in-process builds, npm pack and install). Started first, they end with the short files
 * filling both workers, instead of one of them running alone at the end.
 * Vitest's own order (the durations of the last run) goes wrong after a run of a few tests
 * (-t) or in a fresh checkout, which has none.
 */
const SLOWEST = [
  "bench.test.ts", // 172
  "browser.test.ts", // 110
  "incremental.test.ts", // 59
  "images.test.ts", // 56
  "breaking.test.ts", // 39
  "package.test.ts", // 39 with packing and installing
  "build-errors.test.ts", // 36
  "shards.test.ts", // 32
  "bench-publish.test.ts", // 29
  "authors.test.ts", // 28
  "admin.test.ts", // 23
  "heap-watch.test.ts", // 23
  "publishing.test.ts", // 20
  "parse-files.test.ts", // 19
  "hostile-content.test.ts", // 18
  "cli.test.ts", // 14
  "lists-and-feeds.test.ts", // 14
  "preview-output.test.ts", // 13
  "live-blog.test.ts", // 11
  "scheduled.test.ts", // 11
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = SLOWEST.findIndex((name) => file.moduleId.replaceAll("\\", "/").endsWith(`/tests/${name}`));
      return index === -1 ? SLOWEST.length : index;
    };
    // Array sort is stable: the rest keep Vitest's order (failed first, then by duration).
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The sample site is built once per run, by the real CLI, for every file that reads it.
    globalSetup: ["tests/global-setup.ts"],
    // Processes, not threads: in-process builds change the working directory (see
    // buildInProcess in tests/helpers/site.ts), which worker threads may not.
    pool: "forks",
    // Each process runs file after file, keeping the modules it has loaded: Eleventy, src/
    // and the first build's config cost some 3 s per file that builds in process (and 0.6 s
    // for any file) when every file had a process of its own. What a file changes of the
    // process it puts back (see inProcess in tests/helpers/site.ts).
    isolate: false,
    // A file per core, not vitest's default of one fewer: most of a slow file's time is spent
    // waiting for child processes (builds, npm, Chromium), and on 2 cores that default is 1.
    // (3 on 2 cores: 137 to 178 s for all the tests against 154 to 155 s, and more failures
    // of tests that a loaded machine slows.)
    maxWorkers: availableParallelism(),
    sequence: { sequencer: SlowestFirst },
    // Integration tests run real Eleventy builds, some in child processes.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
