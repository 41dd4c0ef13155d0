import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The sample site is built once per run, by the real CLI, for every file that reads it.
    globalSetup: ["tests/global-setup.ts"],
    // One process per test file: in-process builds change the working directory (see
    // buildInProcess in tests/helpers/site.ts), which worker threads may not.
    pool: "forks",
    // A file per core, not vitest's default of one fewer: most of a slow file's time is spent
    // waiting for child processes (builds, npm, Chromium), and on 2 cores that default is 1.
    maxWorkers: availableParallelism(),
    // Integration tests run real Eleventy builds, some in child processes.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
