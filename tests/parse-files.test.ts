// Parsing article files in child processes (src/content/parse-files.ts) gives the model and
// the problems a parse in the build's own process gives, in the same order.
import { utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ArticleCache, type NewsSite } from "../src/content/index.js";
import { readInProcesses } from "../src/content/parse-files.js";
import { ContentError, formatProblem } from "../src/errors.js";
import { DEFAULT_URLS } from "../src/urls.js";
import { article, loadSite, makeSite, withCompiledChildren } from "./helpers/site.js";

/** Many articles, so that each of the two children gets several batches' worth of work. */
function articles(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) {
    const day = String(1 + (index % 28)).padStart(2, "0");
    files[`content/articles/${index % 3 === 0 ? "kyiv/" : ""}n${index}.md`] = article(
      { title: `Новина №${index} - "про" графіки`, date: `2026-02-${day} ${String(index % 24).padStart(2, "0")}:15`, topic: index % 2 ? "ekonomika" : "kultura", tags: `[Київ, тег${index % 7}]` },
      `Текст новини ${index}.\n\nДругий абзац.\n`,
    );
  }
  return files;
}

/** What a template sees of the model, as JSON (related news as URLs: the model's are articles). */
function modelOf(site: NewsSite): string {
  return JSON.stringify({
    articles: site.articles.map((item) => ({ ...item, related: item.related.map((other) => other.url) })),
    tags: site.tags,
    listings: site.listings.map((listing) => ({ ...listing, items: listing.items.map((item) => item.url) })),
  });
}

async function problemsOf(load: Promise<unknown>): Promise<string[]> {
  try {
    await load;
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems.map(formatProblem);
  }
  throw new Error("expected a ContentError");
}

const inChildren = { parseProcesses: 2, parseProcessesFrom: 1 };

// The children start from strichka compiled once per run (withCompiledChildren), as a build's
// do in the other tests, except in the test of the problems' order: there they start from
// src/ through tsx, as `npm run build` starts them (childNodeArgs adds tsx for a .ts entry).

describe("parsing articles in child processes", () => {
  it("gives the same model as parsing in the build's process", async () => {
    const dir = makeSite(articles(450));
    const here = await loadSite(dir);
    const there = await withCompiledChildren(() => loadSite(dir, inChildren));
    expect(there.articles).toHaveLength(450);
    expect(modelOf(there)).toBe(modelOf(here));
  });

  it("reports every file's problems, in the order of the files, as the build's own parse does", async () => {
    const dir = makeSite({
      ...articles(40),
      "content/articles/bad-date.md": article({ title: "Дата", date: "2026-13-45", topic: "kultura" }),
      "content/articles/bad-topic.md": article({ title: "Тема", date: "2026-02-03", topic: "nema" }),
      "content/articles/bad-yaml.md": "---\ntitle: [не закрито\n---\nТекст\n",
      "content/articles/empty.md": "",
    });
    const here = await problemsOf(loadSite(dir));
    expect(here.length).toBeGreaterThanOrEqual(4);
    expect(await problemsOf(loadSite(dir, inChildren))).toEqual(here);
  });

  it("takes the cached parse of a file whose bytes did not change (a fresh checkout's new modification times)", async () => {
    const dir = makeSite(articles(60));
    const cache = new ArticleCache();
    const first = await loadSite(dir, { cache });
    const before = new Map(first.articles.map((item) => [item.url, item]));
    const later = new Date(Date.now() + 60_000);
    for (const item of first.articles) utimesSync(join(dir, "content/articles", item.sourceFile), later, later);
    const second = await withCompiledChildren(() => loadSite(dir, { cache, ...inChildren }));
    expect(modelOf(second)).toBe(modelOf(first));
    // Unchanged files keep their parse: the articles are built from the very same parsed values.
    expect(second.articles.every((item) => item.frontMatter === before.get(item.url)!.frontMatter)).toBe(true);
  });

  it("reads every file in the children; one it cannot read is left to the build", async () => {
    const dir = makeSite(articles(1000));
    const jobs = Array.from({ length: 1000 }, (_, index) => ({ path: join(dir, "content/articles", `${index % 3 === 0 ? "kyiv/" : ""}n${index}.md`), key: `n${index}` }));
    jobs.push({ path: join(dir, "content/articles/missing.md"), key: "missing" });
    const read = await withCompiledChildren(() => readInProcesses(jobs, { slugs: ["kultura", "ekonomika"], zone: "Europe/Kyiv", urls: DEFAULT_URLS }, 2));
    expect(read.size).toBe(1000);
    expect(read.get("n999")!.parsed!.title).toBe("Новина №999\u00a0— «про» графіки");
    expect(read.has("missing")).toBe(false);
  });
});
