// npm run bench -- --publish [--n=10000] [--full] [--keep] [--data=DIR] [--build-args="…"]
// Publishing churn: what one editorial change costs with `strichka build` (the real CLI, a
// fresh process per build; incremental as by default, or --full to render every page), and how many files of `_site/` it rewrites, which is
// what a deploy uploads and a CDN invalidates. After a full build of the generated site and
// a rebuild with nothing changed (the control: any file changed there changes on every
// build), each of these is followed by `strichka build` into the same output: one new
// article, dated after all others; one mid-archive article's title edited (its URL kept);
// one mid-archive article deleted. Files are compared by content (a hash of each file of the previous
// `_site/`, taken before the step), never by modification time: strichka rewrites files with
// the same content. A benchmark, not a test: no figure is asserted anywhere.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { DEFAULT_URLS, FIXED_URLS } from "../src/urls.js";
import type { GeneratedSite } from "./generate.js";
import { buildStrichka, rewrite, seconds, type Measure } from "./harness.js";

/** Relative path ("novyny/2026/01/14/x.html") → hash of the file's bytes. */
type Snapshot = Map<string, string>;

function snapshot(dir: string): Snapshot {
  const files: Snapshot = new Map();
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else files.set(`${prefix}${entry.name}`, createHash("sha1").update(readFileSync(path)).digest("base64"));
    }
  };
  walk(dir, "");
  return files;
}

interface Churn {
  added: string[];
  changed: string[];
  deleted: string[];
}

function compare(before: Snapshot, after: Snapshot): Churn {
  const churn: Churn = { added: [], changed: [], deleted: [] };
  for (const [file, hash] of after) {
    const old = before.get(file);
    if (old === undefined) churn.added.push(file);
    else if (old !== hash) churn.changed.push(file);
  }
  for (const file of before.keys()) if (!after.has(file)) churn.deleted.push(file);
  for (const list of Object.values(churn)) list.sort();
  return churn;
}

/** The bench builds the default URL scheme; its folders without the leading "/". */
const folder = (url: string) => url.slice(1);
const ARTICLES = folder(DEFAULT_URLS.articles.slice(0, DEFAULT_URLS.articles.indexOf("{")));
const FEEDS = new Set([FIXED_URLS.atom, FIXED_URLS.rss, FIXED_URLS.json].map(folder));
const TOPIC_FEED = FIXED_URLS.atom.slice(1);

/** Columns of the by-kind table, in order; a file's group (a list's own) is finer. */
const KINDS = ["article pages", "archive", "topic lists", "tag lists", "home", "feeds", "sitemap", "other"] as const;
type Kind = (typeof KINDS)[number];

/** A file's kind, and its group: the list a list page belongs to ("/temy/x/"), else the kind. */
function classify(file: string): { kind: Kind; group: string } {
  if (file.startsWith(ARTICLES)) return { kind: "article pages", group: "article pages" };
  if (file === "index.html") return { kind: "home", group: "home" };
  if (FEEDS.has(file)) return { kind: "feeds", group: "feeds" };
  if (file === folder(FIXED_URLS.sitemap) || file === folder(FIXED_URLS.newsSitemap) || file.startsWith("sitemaps/")) return { kind: "sitemap", group: "sitemap" };
  if (file.startsWith(folder(DEFAULT_URLS.archive))) return { kind: "archive", group: DEFAULT_URLS.archive };
  for (const [kind, base] of [["topic lists", DEFAULT_URLS.topics], ["tag lists", DEFAULT_URLS.tags]] as const) {
    const slug = /^([^/]+)\/(.+)$/.exec(file.slice(folder(base).length));
    if (!file.startsWith(folder(base)) || !slug) continue;
    if (slug[2] === TOPIC_FEED) return { kind: "feeds", group: "feeds" };
    return { kind, group: `${base}${slug[1]}/` };
  }
  return { kind: "other", group: "other" };
}

/** "+1 ~2 −3" with the zero parts left out; "–" for none. */
function tally(added: number, changed: number, deleted: number): string {
  const parts = [added && `+${added}`, changed && `~${changed}`, deleted && `−${deleted}`].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : "–";
}

function byKind(churn: Churn): string[] {
  return KINDS.map((kind) => {
    const count = (files: string[]) => files.filter((file) => classify(file).kind === kind).length;
    return tally(count(churn.added), count(churn.changed), count(churn.deleted));
  });
}

/** One line per group: "  /temy/x/: ~index.html +12/index.html", paths relative to a list's folder. */
function listByGroup(churn: Churn, limit = 12): string[] {
  const groups = new Map<string, string[]>();
  const mark = (sign: string, files: string[]) => files.map((file): [string, string] => [sign, file]);
  const marked = [...mark("+", churn.added), ...mark("~", churn.changed), ...mark("−", churn.deleted)];
  for (const [sign, file] of marked.sort((a, b) => a[1].localeCompare(b[1]))) {
    const { kind, group } = classify(file);
    const name = group.startsWith("/") ? file.slice(group.length - 1) : file;
    const key = `${KINDS.indexOf(kind)}\u0000${group}`;
    const files = groups.get(key);
    if (files) files.push(`${sign}${name}`);
    else groups.set(key, [`${sign}${name}`]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, files]) => {
      const shown = files.slice(0, limit).join(" ");
      const more = files.length > limit ? ` … and ${files.length - limit} more` : "";
      return `  ${key.split("\u0000")[1]} (${files.length}): ${shown}${more}`;
    });
}

/** A front-matter date ("2026-01-31 21:40:00", Kyiv wall time) plus `hours`, in the same form. */
function later(date: string, hours: number): string {
  const shifted = new Date(Date.parse(`${date.replace(" ", "T")}Z`) + hours * 3600 * 1000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

interface Step {
  name: string;
  measure: Measure;
  files: number;
  churn: Churn;
}

/** The publishing steps on the generated site in `site` (see setUpStrichkaSite), and their table. */
export async function measurePublish(site: string, generated: GeneratedSite, { full, buildArgs = [] }: { full: boolean; buildArgs?: string[] }): Promise<void> {
  const kind = full ? "full builds" : "incremental builds";
  const count = generated.articles;
  const output = join(site, "_site");
  const articles = join(site, "content/articles");
  const file = (index: number) => join(site, generated.file(index));
  const middle = Math.max(1, Math.ceil(count / 2));

  const steps: Step[] = [];
  let before: Snapshot = new Map();
  const step = async (name: string, change: () => void) => {
    change();
    // What earlier steps wrote is on disk before the clock starts.
    spawnSync("sync");
    console.log(`${name} …`);
    const measure = await buildStrichka(site, { full, args: buildArgs });
    const after = snapshot(output);
    steps.push({ name, measure, files: after.size, churn: compare(before, after) });
    before = after;
  };

  console.log(`\nPublishing ${count} articles with ${kind} (\`strichka build${full ? " --full" : ""}\`, a fresh process each):`);
  await step("full build, empty _site/", () => undefined);
  await step("rebuild, nothing changed", () => undefined);
  await step("one new article", () => rewrite(join(articles, "new-article.md"), generated.another(later(generated.newest, 1))));
  // (The URL stays: it comes from the file name, never from the title.)
  await step(`title of ${basename(file(middle))} edited, URL kept (mid-archive)`, () => {
    const source = readFileSync(file(middle), "utf8");
    // rewrite: the file may be a hard link to the generated data, which must stay as generated.
    rewrite(file(middle), source.replace(/^title: "(.*)"$/m, (_, title: string) => `title: "${title}: уточнення"`));
  });
  await step(`${basename(file(middle + 1))} deleted (mid-archive)`, () => rmSync(file(middle + 1)));
  printPublish(count, steps, kind);
}

function printPublish(count: number, steps: Step[], kind: string): void {
  console.log(`\nPublishing, ${count} articles, ${kind} (node ${process.version}, ${new Date().toISOString()})\n`);
  // CPU time and peak RSS of all the build's processes, and of its main process (see harness.ts).
  console.log("| step | wall | CPU, all processes | CPU, main process | peak RSS, all processes | peak RSS, main process | processes at once | pages | files | added | changed | deleted |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const { name, measure, files, churn } of steps) {
    console.log(`| ${name} | ${seconds(measure.wallMs)} | ${seconds(measure.cpuMs)} | ${seconds(measure.ownCpuMs)} | ${measure.maxRssMb.toFixed(0)} MB | ${measure.ownRssMb.toFixed(0)} MB | ${measure.processes} | ${measure.pages} | ${files} | ${churn.added.length} | ${churn.changed.length} | ${churn.deleted.length} |`);
  }
  console.log("\nFiles by kind (+ added, ~ changed, − deleted; content compared, not times):\n");
  console.log(`| step | ${KINDS.join(" | ")} |`);
  console.log(`|---|${KINDS.map(() => "---").join("|")}|`);
  for (const { name, churn } of steps.slice(1)) console.log(`| ${name} | ${byKind(churn).join(" | ")} |`);
  for (const { name, churn } of steps.slice(1)) {
    console.log(`\n${name}: the files by list or kind\n`);
    const lines = listByGroup(churn);
    console.log(lines.length > 0 ? lines.join("\n") : "  none");
  }
}
