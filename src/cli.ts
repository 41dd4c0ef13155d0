#!/usr/bin/env node
// `strichka build`: a production build that never leaves a broken or stale site behind.
// Eleventy writes into a fresh staging folder next to the output; only when the whole
// build succeeds does the staging folder replace the output folder. A failed build
// (for instance an editor's mistake) leaves the published _site/ exactly as it was,
// and a successful one contains nothing from earlier builds.
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import { findContentError } from "./errors.js";
import { timed } from "./metrics.js";

async function build(configPath: string, outputDir: string): Promise<number> {
  const output = resolve(outputDir);
  const staging = join(dirname(output), `.${basename(output)}.building-${process.pid}`);
  const previous = join(dirname(output), `.${basename(output)}.previous-${process.pid}`);

  await rm(staging, { recursive: true, force: true });
  try {
    await timed("eleventy", () => new Eleventy(undefined, staging, { configPath, quietMode: true }).write());
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Eleventy has already printed the error; content errors without a stack trace.
    // Eleventy has printed content errors already, as a plain list without a stack trace;
    // anything else is a bug or a broken config, and its stack helps whoever fixes it.
    if (!findContentError(error)) console.error("\nThe build failed:", error);
    console.error(`Nothing was published: ${basename(output)}/ is as it was before this build.`);
    return 1;
  }
  if (!existsSync(join(staging, "index.html"))) {
    await rm(staging, { recursive: true, force: true });
    console.error(`The build wrote no index.html; nothing was published: ${basename(output)}/ is as it was.`);
    return 1;
  }
  await timed("publishing", async () => {
    if (existsSync(output)) await rename(output, previous);
    await rename(staging, output);
    await rm(previous, { recursive: true, force: true });
  });
  return 0;
}

const [command = "build", ...rest] = process.argv.slice(2);
const flag = (name: string, fallback: string) =>
  rest.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

/** The site's Eleventy config: the --config flag, else the first of Eleventy's usual names. */
function defaultConfig(): string {
  const names = ["eleventy.config.ts", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", ".eleventy.js"];
  return names.find((name) => existsSync(name)) ?? "eleventy.config.js";
}

if (command === "build") {
  process.exitCode = await build(flag("config", defaultConfig()), flag("output", "_site"));
} else {
  console.error(`Unknown command "${command}". Usage: strichka build [--config=eleventy.config.js] [--output=_site]`);
  process.exitCode = 2;
}
