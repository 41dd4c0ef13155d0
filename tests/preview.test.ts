// The preview: Eleventy in watch mode, as `npm start` runs it (without the dev server's
// port). A save rewrites every page whose content it changed, and only those.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sameData } from "../src/preview.js";
import { article, listFiles, makeSite, ROOT, SITE_JSON, TOPICS_JSON } from "./helpers/site.js";
import { readHtml } from "./helpers/html.js";

let dir: string;
let eleventy: ChildProcess;
let log = "";
/** Files the first build wrote. */
let all = 0;

/** Resolves once the preview's log shows `count` successful builds; returns the files the last one wrote. */
function builds(count: number): Promise<number> {
  return new Promise((done, fail) => {
    const timer = setInterval(() => {
      // A failed build says "Wrote 0 files".
      const wrote = [...log.matchAll(/Wrote ([1-9]\d*) files?/g)];
      if (wrote.length >= count) {
        clearInterval(timer);
        done(Number(wrote[count - 1]![1]));
      }
    }, 50);
    setTimeout(() => {
      clearInterval(timer);
      fail(new Error(`no build ${count} in the preview's log:\n${log}`));
    }, 60_000).unref();
  });
}

/** Resolves once the preview's log shows `count` failed builds. */
function failures(count: number): Promise<void> {
  return new Promise((done, fail) => {
    const timer = setInterval(() => {
      if ((log.match(/problems? in the content/g) ?? []).length >= count) {
        clearInterval(timer);
        done();
      }
    }, 50);
    setTimeout(() => {
      clearInterval(timer);
      fail(new Error(`no failed build ${count} in the preview's log:\n${log}`));
    }, 60_000).unref();
  });
}

const modified = (file: string) => statSync(join(dir, "_site", file)).mtimeMs;
const page = (file: string) => readHtml(join(dir, "_site", file));
const A = "novyny/2026/01/14/persha.html";
const B = "novyny/2026/01/15/druha.html";
const C = "novyny/2026/01/10/ekonomichna.html";

beforeAll(async () => {
  dir = makeSite({
    "content/articles/a.md": article({ title: "Перша новина", slug: "persha", date: "2026-01-14 10:00", topic: "kultura", tags: "[Київ]" }),
    "content/articles/b.md": article({ title: "Друга новина", slug: "druha", date: "2026-01-15 10:00", topic: "kultura", tags: "[Київ]" }),
    "content/articles/c.md": article({ title: "Економічна новина", slug: "ekonomichna", date: "2026-01-10 10:00", topic: "ekonomika", tags: "[Львів]" }),
    // Another month: its search index file (poshuk/2025-12.js) is not the edited article's.
    "content/articles/d.md": article({ title: "Груднева новина", slug: "hrudneva", date: "2025-12-10 10:00", topic: "ekonomika" }),
  });
  eleventy = spawn(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), `--config=${join(ROOT, "eleventy.config.ts")}`, "--watch"], {
    cwd: dir,
    // Its own process group: tsx runs Eleventy in a child process, and both must stop.
    detached: true,
    env: { ...process.env, NO_COLOR: "1" },
  });
  eleventy.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  eleventy.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  all = await builds(1);
  // The watcher starts after the first build.
  await new Promise((done) => setTimeout(done, 1500));
}, 90_000);
afterAll(() => {
  if (eleventy?.pid) process.kill(-eleventy.pid);
});

describe("the preview (npm start)", () => {
  it("on saving an article, rewrites its page, its neighbours' related blocks and its lists, and nothing else", async () => {
    const pages = listFiles(join(dir, "_site")).filter((file) => file.endsWith(".html"));
    const before = new Map([...pages, "poshuk/2025-12.js", "poshuk/2026-01.js"].map((file) => [file, modified(file)]));
    expect(page(B).querySelector(".related a")!.textContent).toBe("Перша новина");

    const file = join(dir, "content/articles/a.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Перша новина", "Перша новина, виправлена"));
    const written = await builds(2);

    expect(page(A).querySelector("h1")!.textContent).toBe("Перша новина, виправлена");
    expect(page(B).querySelector(".related a")!.textContent).toBe("Перша новина, виправлена");
    for (const list of ["index.html", "temy/kultura/index.html", "arkhiv/index.html", "tehy/kyiv/index.html"]) {
      expect([...page(list).querySelectorAll(".news-title")].map((link) => link.textContent), list).toContain("Перша новина, виправлена");
    }
    for (const feed of ["feed.xml", "temy/kultura/feed.xml", "feed.json"]) expect(readFileSync(join(dir, "_site", feed), "utf8"), feed).toContain("Перша новина, виправлена");
    // The economy topic and the tag Львів do not list the edited article: not rewritten.
    // (The economy article is: its related block is topped up with the latest news.)
    expect(modified("temy/ekonomika/index.html")).toBe(before.get("temy/ekonomika/index.html"));
    expect(modified("tehy/lviv/index.html")).toBe(before.get("tehy/lviv/index.html"));
    const rewritten = pages.filter((file) => modified(file) !== before.get(file));
    expect(rewritten).toContain(A);
    expect(rewritten).toContain(B);
    expect(rewritten.length).toBeLessThan(pages.length);
    // The search index: the edited article's month file, not the other month's.
    expect(readFileSync(join(dir, "_site/poshuk/2026-01.js"), "utf8")).toContain("Перша новина, виправлена");
    expect(modified("poshuk/2025-12.js")).toBe(before.get("poshuk/2025-12.js"));
    expect(written).toBeLessThan(all);
  }, 90_000);

  it("after a failed rebuild, still rewrites everything a change to data or templates needs", async () => {
    // One save breaks an article and renames the site; that build fails. Fixing the
    // article alone must still bring the new name to every page.
    const broken = join(dir, "content/articles/broken.md");
    writeFileSync(broken, article({ title: "Зламана", date: "2026-13-45", topic: "kultura" }));
    writeFileSync(join(dir, "_data/site.json"), JSON.stringify({ ...SITE_JSON, title: "Нова назва" }));
    await failures(1);
    // (Fixed, not deleted: Eleventy 3.1.8's watcher does not rebuild on a deletion, 11ty/eleventy#2798.)
    writeFileSync(broken, article({ title: "Виправлена", date: "2026-01-13", topic: "kultura" }));
    await builds(3);
    for (const file of [A, C, "temy/ekonomika/index.html", "tehy/lviv/index.html"]) expect(page(file).querySelector(".logo")!.textContent, file).toBe("Нова назва");
  }, 90_000);

  it("on changing the site's data, rewrites every page", async () => {
    const before = modified(C);
    const topics = TOPICS_JSON.map((topic) => (topic.slug === "ekonomika" ? { ...topic, title: "Гроші й ціни" } : topic));
    // Counted from the builds so far: a save can give the watcher two builds, and the test
    // before may have left one more than it waited for.
    const built = [...log.matchAll(/Wrote ([1-9]\d*) files?/g)].length;
    writeFileSync(join(dir, "_data/topics.json"), JSON.stringify(topics));
    await builds(built + 1);
    // That build may have been the test before's stray one: then ours is the next.
    if (page(C).querySelector(".topic-link")!.textContent !== "Гроші й ціни") await builds(built + 2);
    expect(modified(C)).not.toBe(before);
    expect(page(C).querySelector(".topic-link")!.textContent).toBe("Гроші й ціни");
    expect(page(A).querySelector(".topics-nav a")!.textContent).toBe("Гроші й ціни");
  }, 90_000);
});

describe("sameData", () => {
  it("compares primitives, dates, arrays and objects all the way down", () => {
    expect(sameData({ a: [1, { b: new Date(5) }], c: "x" }, { a: [1, { b: new Date(5) }], c: "x" })).toBe(true);
    expect(sameData({ a: [1, { b: new Date(5) }] }, { a: [1, { b: new Date(6) }] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData(null, {})).toBe(false);
    expect(sameData("1", 1)).toBe(false);
  });
});
