// Once per test run, before any test file: the repository's own site, built by the real
// `strichka build` in a child process into a temp folder. The test files that read it get
// the result through inject("sampleSite") (see sampleSite() in helpers/site.ts) and check
// it themselves, so a failed build fails those files, with what the build said.
import { mkdtempSync, rmSync, statfsSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildAsync, ROOT, tempDir } from "./helpers/site.js";

/** Free space a run's temp files need, with room to spare (they peak at a few hundred MB). */
const TEMP_ROOM = 2 * 1024 ** 3;

/**
 * A folder for this run's temp files in memory (/dev/shm) where there is room, else none.
 * The tests write and delete tens of thousands of files (sites, npm installs, Chromium's
 * profiles); on a disk (here ext4 with discard) that was a tenth of a run's time.
 */
function memoryTempDir(): string | undefined {
  try {
    const { bavail, bsize } = statfsSync("/dev/shm");
    return bavail * bsize >= TEMP_ROOM ? mkdtempSync("/dev/shm/strichka-tests-") : undefined;
  } catch {
    return undefined; // no /dev/shm (macOS, Windows)
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  // Set before the test processes start, which inherit it (as do the builds, npm and
  // Chromium they start): os.tmpdir(), and so tempDir() and makeSite(), answer with it.
  const memory = memoryTempDir();
  const savedTemp = process.env.TMPDIR;
  if (memory) process.env.TMPDIR = memory;
  const folder = tempDir("strichka-sample-");
  project.provide("sampleSite", await buildAsync(ROOT, join(folder, "_site")));
  return () => {
    rmSync(folder, { recursive: true, force: true });
    if (!memory) return;
    // What the tests left behind goes with it.
    rmSync(memory, { recursive: true, force: true });
    if (savedTemp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTemp;
  };
}
