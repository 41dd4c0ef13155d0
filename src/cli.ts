#!/usr/bin/env node
// The strichka command: `build` (below), `init` and `new` (scaffold.ts).
//
// `strichka build`: a production build that never leaves a broken or stale site behind.
// Eleventy writes into a fresh staging folder next to the output; only when the whole
// build succeeds does the staging folder replace the output folder. A failed build
// (for instance an editor's mistake) leaves the published _site/ exactly as it was,
// and a successful one contains nothing from earlier builds.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import { findContentError } from "./errors.js";
import { timed } from "./metrics.js";
import { articleFile, siteFiles } from "./scaffold.js";

async function build(configPath: string, outputDir: string): Promise<number> {
  const output = resolve(outputDir);
  const staging = join(dirname(output), `.${basename(output)}.building-${process.pid}`);
  const previous = join(dirname(output), `.${basename(output)}.previous-${process.pid}`);

  await rm(staging, { recursive: true, force: true });
  // Previous sites a build could not delete (the machine stopped meanwhile).
  for (const name of existsSync(dirname(output)) ? readdirSync(dirname(output)) : []) {
    if (name.startsWith(`.${basename(output)}.previous-`)) removeInBackground(join(dirname(output), name));
  }
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
  });
  removeInBackground(previous);
  return 0;
}

/**
 * Deletes a folder from a detached process: the previous site is thousands of files
 * (~1 s at 10,000 articles), and the command need not wait for it once the new site is in place.
 */
function removeInBackground(folder: string): void {
  if (!existsSync(folder)) return;
  spawn(process.execPath, ["-e", `require("node:fs").rmSync(${JSON.stringify(folder)}, { recursive: true, force: true })`], { detached: true, stdio: "ignore" }).unref();
}

const [command = "build", ...rest] = process.argv.slice(2);
/** `--name=value` or `--name value`. */
function flag(name: string, fallback: string): string {
  const joined = rest.find((arg) => arg.startsWith(`--${name}=`));
  if (joined) return joined.slice(name.length + 3);
  const at = rest.indexOf(`--${name}`);
  return at >= 0 && rest[at + 1] !== undefined ? rest[at + 1]! : fallback;
}
const positional = rest.filter((arg, index) => !arg.startsWith("--") && !rest[index - 1]?.startsWith("--topic"));

/** The site's Eleventy config: the --config flag, else the first of Eleventy's usual names. */
function defaultConfig(): string {
  const names = ["eleventy.config.ts", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", ".eleventy.js"];
  return names.find((name) => existsSync(name)) ?? "eleventy.config.js";
}

/** `strichka init <folder>`: a new site that builds as it is. */
async function init(folder: string | undefined): Promise<number> {
  if (!folder) return usage();
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    console.error(`${folder} is not empty; choose a new folder for the site.`);
    return 1;
  }
  const { version } = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  for (const [path, text] of Object.entries(siteFiles(basename(resolve(folder)), version))) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  console.log(`A new site is in ${folder}. Next:\n  cd ${folder}\n  npm install && npm run build`);
  return 0;
}

/** `strichka new "Заголовок" --topic <slug>`: a new article with its front matter filled in. */
async function newArticle(title: string | undefined, topic: string): Promise<number> {
  if (!title || !topic) return usage();
  const topicsFile = join("_data", "topics.json");
  const topics = existsSync(topicsFile) ? (JSON.parse(await readFile(topicsFile, "utf8")) as { slug: string }[]).map((entry) => entry.slug) : [];
  if (!topics.includes(topic)) {
    console.error(`"${topic}" is not a topic in ${topicsFile}; use one of: ${topics.join(", ") || "(none: add topics first)"}`);
    return 1;
  }
  const { name, text } = articleFile(title, topic);
  const path = join("content", "articles", name);
  if (existsSync(path)) {
    console.error(`${path} exists already; choose another title.`);
    return 1;
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  console.log(`Created ${path}`);
  return 0;
}

function usage(): number {
  console.error(
    "Usage:\n  strichka build [--config=eleventy.config.js] [--output=_site]\n  strichka init <folder>\n  strichka new \"Заголовок статті\" --topic <slug>",
  );
  return 2;
}

if (command === "build") {
  process.exitCode = await build(flag("config", defaultConfig()), flag("output", "_site"));
} else if (command === "init") {
  process.exitCode = await init(positional[0]);
} else if (command === "new") {
  process.exitCode = await newArticle(positional[0], flag("topic", ""));
} else {
  process.exitCode = usage();
}
