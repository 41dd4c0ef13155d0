// Once per test run, before any test file: the repository's own site, built by the real
// `strichka build` in a child process into a temp folder. The test files that read it get
// the result through inject("sampleSite") (see sampleSite() in helpers/site.ts) and check
// it themselves, so a failed build fails those files, with what the build said.
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildAsync, ROOT, tempDir } from "./helpers/site.js";

export default async function setup(project: TestProject): Promise<() => void> {
  const folder = tempDir("strichka-sample-");
  project.provide("sampleSite", await buildAsync(ROOT, join(folder, "_site")));
  return () => rmSync(folder, { recursive: true, force: true });
}
