#!/usr/bin/env node
// The strichka command: `build` (below), `init` and `new` (scaffold.ts).
//
// `strichka build`: a production build that never leaves a broken or stale site behind.
// Eleventy writes into a staging folder next to the output; only when the whole build
// succeeds does the staging folder replace the output folder (see publish.ts). A failed
// build (for instance an editor's mistake) leaves the published _site/ exactly as it was,
// and a successful one contains exactly what a build into an empty folder would.
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import { findContentError } from "./errors.js";
import { timed } from "./metrics.js";
import { SiteFolders } from "./publish.js";
import { articleFile, siteFiles } from "./scaffold.js";

async function build(configPath: string, outputDir: string): Promise<number> {
  let folders: SiteFolders;
  try {
    folders = new SiteFolders(outputDir);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const name = basename(folders.output);
  try {
    await folders.prepare();
    const [passthrough, pages] = (await timed("eleventy", () => new Eleventy(undefined, folders.staging, { configPath, quietMode: true }).write())) as EleventyResults;
    const written = [...pages.map((page) => page.outputPath), ...passthrough.flatMap((copy) => Object.values(copy.map ?? {}))].filter((path): path is string => typeof path === "string");
    const files = await timed("publishing", () => folders.complete(written));
    if (!files.has("index.html")) {
      await folders.discard();
      console.error(`The build wrote no index.html; nothing was published: ${name}/ is as it was.`);
      return 1;
    }
    await timed("publishing", () => folders.publish());
    return 0;
  } catch (error) {
    await folders.discard().catch(() => undefined);
    // Eleventy has printed content errors already, as a plain list without a stack trace;
    // anything else is a bug or a broken config, and its stack helps whoever fixes it.
    if (!findContentError(error)) console.error("\nThe build failed:", error);
    console.error(`Nothing was published: ${name}/ is as it was before this build.`);
    return 1;
  }
}

/** What Eleventy's write() resolves to: the passthrough copies, then the pages. */
type EleventyResults = [{ map?: Record<string, string> }[], { outputPath: string | false }[]];

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
