import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take longest, slowest first (seconds of each in a run of all the tests one
 * file at a time on this 2-core machine at load 13–16, 27 November 2026, before the changes
 * of #18 to browser, breaking and admin: the benchmark's builds and Chromium, npm pack and
 * install, Chromium and axe, builds in child processes). Started first, they end with the
 * short files filling both workers, instead of one of them running alone at the end.
 * Vitest's own order (the durations of the last run) goes wrong after a run of a few tests
 * (-t) or in a fresh checkout, which has none.
 */
const SLOWEST = [
  "bench.test.ts", // 182
  "browser.test.ts", // 113
  "package.test.ts", // 90 with packing and installing
  "breaking.test.ts", // 49
  "images.test.ts", // 49
  "build-errors.test.ts", // 39
  "shards.test.ts", // 38
  "admin.test.ts", // 37
  "bench-publish.test.ts", // 35
  "incremental.test.ts", // 33
  "publishing.test.ts", // 24
  "hostile-content.test.ts", // 23
  "authors.test.ts", // 21
  "parse-files.test.ts", // 18
  "preview-output.test.ts", // 15
  "cli.test.ts", // 12
  "tag-letters.test.ts", // 11
  "sitemaps.test.ts", // 10
  "permanent-links.test.ts", // 10
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
