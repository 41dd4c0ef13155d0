import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take longest, slowest first (seconds in a run of all the tests on this
 * 2-core machine, November 2026: the benchmark's builds and Chromium, npm pack and install,
 * builds in child processes). Started first, they end with the short files filling both
 * workers, instead of one of them running alone at the end. Vitest's own order (the
 * durations of the last run) goes wrong after a run of a few tests (-t) or in a fresh
 * checkout, which has none.
 */
const SLOWEST = [
  "bench.test.ts", // 65
  "browser.test.ts", // 58
  "package.test.ts", // 27 with packing
  "build-errors.test.ts", // 27
  "bench-publish.test.ts", // 19
  "shards.test.ts", // 17
  "incremental.test.ts", // 12
  "publishing.test.ts", // 11
  "preview-output.test.ts", // 8
  "hostile-content.test.ts", // 8
  "cli.test.ts", // 8
  "sitemaps.test.ts", // 5
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
