// Incremental production builds: `strichka build` renders only the pages whose data changed
// since the site it builds into, and the result is byte for byte what a full build gives.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadNewsSite } from "../src/content/index.js";
import { pageHashes, pagesToRender, pageStateText, parsePageState } from "../src/incremental.js";
import { UrlScheme, urlToFile } from "../src/urls.js";
import { article, atClock, buildCommandInProcess, fullBuildContents, listFiles, makeSite, siteContents, TOPICS_JSON } from "./helpers/site.js";

const publish = buildCommandInProcess;



const STORY = (n: number, changes: Record<string, string> = {}, body?: string) =>
  article({ title: `Новина ${n}`, date: `2026-01-${String(10 + n).padStart(2, "0")} 10:00`, topic: n % 2 ? "ekonomika" : "kultura", tags: n % 3 ? "[Київ]" : "[Київ, Львів]", ...changes }, body);

describe("pagesToRender", () => {
  it("selects the pages whose data changed, and everything when the fingerprint differs", async () => {
    const dir = makeSite({ "content/articles/a.md": STORY(1), "content/articles/b.md": STORY(2), "content/articles/c.md": STORY(3) });
    const load = () =>
      loadNewsSite({ inputDir: join(dir, "content"), articlesDir: join(dir, "content/articles"), dataDir: join(dir, "_data"), timeZone: "Europe/Kyiv", includeDrafts: false, relatedCount: 5, pageSize: 30, urls: new UrlScheme(), root: dir });
    const before = await load();
    const state = { fingerprint: "f", pages: pageHashes(before, { latestCount: 50 }) };
    expect(pagesToRender(before, pageHashes(before, { latestCount: 50 }), "f", state)).toEqual({ articles: [], listings: [] });
    expect(pagesToRender(before, pageHashes(before, { latestCount: 50 }), "g", state).articles).toHaveLength(3);

    // A newer article: its own page and the lists it is on; no older article's page (related news are earlier ones).
    writeFileSync(join(dir, "content/articles/d.md"), STORY(4));
    const after = await load();
    const render = pagesToRender(after, pageHashes(after, { latestCount: 50 }), "f", state);
    expect(render.articles.map((page) => page.title)).toEqual(["Новина 4"]);
    expect(render.listings.map((page) => page.url).sort()).toEqual(["/arkhiv/", "/tehy/kyiv/", "/temy/kultura/"]);
  });
});

describe("the page state file", () => {
  const state = { fingerprint: "f", pages: new Map([["/a/", "1.2"], ["/novyny/x.html", "3.4"]]) };

  it("reads what it wrote, the pages `keep` holds only, and the format before it (an object of URLs)", () => {
    expect(parsePageState(pageStateText(state))).toEqual(state);
    expect(parsePageState(pageStateText(state), (url) => url !== "/a/")?.pages).toEqual(new Map([["/novyny/x.html", "3.4"]]));
    expect(parsePageState(JSON.stringify({ fingerprint: "f", pages: { "/a/": "1.2", "/novyny/x.html": "3.4" } }))).toEqual(state);
  });

  it("is no state when damaged", () => {
    for (const text of ["", "{", "[]", '{"urls":[],"hashes":[]}', '{"fingerprint":"f","urls":["/a/"],"hashes":[]}', '{"fingerprint":"f","urls":["/a/"],"hashes":[1]}', '{"fingerprint":"f","pages":{"/a/":1}}', '{"fingerprint":"f"}']) {
      expect(parsePageState(text), text).toBeUndefined();
    }
  });
});

describe("strichka build, incremental", () => {
  it("renders only what changed, leaves other pages' files as they were, and equals a full build", async () => {
    const dir = makeSite({
      "content/articles/a.md": STORY(1),
      "content/articles/b.md": STORY(2),
      "content/articles/c.md": STORY(3),
      "content/articles/old.md": STORY(5, { date: "2025-12-01 10:00" }),
    });
    // The third build is the first into a recycled site (the first one's) with its page state.
    for (let build = 0; build < 3; build++) expect((await publish(dir)).status).toBe(0);
    // This build goes into the recycled folder (the second build's): an article page it does
    // not render stays that folder's file, with its time; so do the feed of the other topic
    // and the sitemap file of another month.
    const kept = ["novyny/2026/01/11/a.html", urlToFile(new UrlScheme().topicFeed("ekonomika")).slice(1), "sitemaps/2025-12.xml"];
    const before = kept.map((file) => statSync(join(dir, "._site.recycled", file)).mtimeMs);
    writeFileSync(join(dir, "content/articles/d.md"), STORY(4));
    const result = await publish(dir);
    expect(result.status, result.stderr).toBe(0);
    expect(kept.map((file) => statSync(join(dir, "_site", file)).mtimeMs)).toEqual(before);
    expect(statSync(join(dir, "_site", urlToFile(new UrlScheme().topicFeed("kultura")))).mtimeMs).toBeGreaterThan(before[0]!);
    expect(statSync(join(dir, "_site/index.html")).mtimeMs).toBeGreaterThan(before[0]!);
    expect(siteContents(join(dir, "_site"))).toEqual(await fullBuildContents(dir));
  });

  it("is incremental from the second build on: with no site to recycle yet, it builds into a copy of the published one", async () => {
    const dir = makeSite({ "content/articles/a.md": STORY(1), "content/articles/b.md": STORY(2) });
    expect((await publish(dir)).status).toBe(0);
    const page = join(dir, "_site/novyny/2026/01/11/a.html");
    const published = statSync(page).mtimeMs;
    writeFileSync(join(dir, "content/articles/c.md"), STORY(3));
    const second = await publish(dir);
    expect(second.status, second.stderr).toBe(0);
    // Not rendered again: the copy keeps the published file's time.
    expect(statSync(page).mtimeMs).toBe(published);
    expect(siteContents(join(dir, "_site"))).toEqual(await fullBuildContents(dir));
    // The first site is the recycled one now, as after any build.
    expect(statSync(join(dir, "._site.recycled/novyny/2026/01/11/a.html")).mtimeMs).toBe(published);
  });

  it("after an editor's mistake, keeps the previous site and stays incremental", async () => {
    const dir = makeSite({ "content/articles/a.md": STORY(1), "content/articles/b.md": STORY(2) });
    for (let build = 0; build < 3; build++) expect((await publish(dir)).status).toBe(0);
    const published = siteContents(join(dir, "_site"));
    writeFileSync(join(dir, "content/articles/bad.md"), article({ title: "Погана", date: "2026-13-45", topic: "kultura" }));
    expect((await publish(dir)).status).toBe(1);
    expect(siteContents(join(dir, "_site"))).toEqual(published);
    expect(readFileSync(join(dir, "._site.recycled.pages.json"), "utf8")).toContain("fingerprint");
    rmSync(join(dir, "content/articles/bad.md"));
    writeFileSync(join(dir, "content/articles/c.md"), STORY(3));
    expect((await publish(dir)).status).toBe(0);
    expect(siteContents(join(dir, "_site"))).toEqual(await fullBuildContents(dir));
  });

  it("publishes a scheduled article once its time has come, though no file changed, as a full build would", async () => {
    const dir = makeSite({ "content/articles/a.md": STORY(1), "content/articles/b.md": STORY(2), "content/articles/later.md": STORY(3, { date: "2026-01-20 09:00" }) });
    // Two builds before its time: the third is incremental, into a recycled site without it.
    for (let build = 0; build < 2; build++) expect((await atClock("2026-01-19 12:00", () => publish(dir))).status).toBe(0);
    const page = join(dir, "_site/novyny/2026/01/20/later.html");
    expect(existsSync(page)).toBe(false);
    const result = await atClock("2026-01-20 09:05", () => publish(dir));
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(page, "utf8")).toContain("Новина 3");
    expect(readFileSync(join(dir, "_site/arkhiv/index.html"), "utf8")).toContain("later.html");
    expect(readFileSync(join(dir, "_site/temy/ekonomika/index.html"), "utf8")).toContain("later.html");
    expect(siteContents(join(dir, "_site"))).toEqual(await atClock("2026-01-20 09:05", () => fullBuildContents(dir)));
  });

  it("works out again the related news of every article newer than an edited, deleted or backdated one, as a full build does", async () => {
    const dir = makeSite(Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`content/articles/n${n}.md`, STORY(n)])));
    for (let build = 0; build < 2; build++) expect((await publish(dir)).status).toBe(0);
    // The lists are kept beside the article cache for the next build.
    expect(existsSync(join(dir, "._site.articles.related"))).toBe(true);
    const newest = join(dir, "_site/novyny/2026/01/18/n8.html");
    const before = readFileSync(newest, "utf8");
    const steps: [string, () => void][] = [
      // The oldest article's topic and tags: it moves down the newer articles' lists.
      ["old article's tags", () => writeFileSync(join(dir, "content/articles/n1.md"), STORY(1, { topic: "kultura", tags: "[Одеса]" }))],
      ["deletion mid-archive", () => rmSync(join(dir, "content/articles/n4.md"))],
      ["backdated new article", () => writeFileSync(join(dir, "content/articles/n9.md"), STORY(9, { date: "2026-01-13 12:00", tags: "[Одеса, Львів]" }))],
      ["old article's date, same day", () => writeFileSync(join(dir, "content/articles/n2.md"), STORY(2, { date: "2026-01-12 08:00" }))],
    ];
    for (const [name, step] of steps) {
      step();
      const result = await publish(dir);
      expect(result.status, `${name}: ${result.stderr}`).toBe(0);
      expect(siteContents(join(dir, "_site")), name).toEqual(await fullBuildContents(dir));
    }
    // (The newest article's list did change: these were not edits nothing depends on.)
    expect(readFileSync(newest, "utf8")).not.toEqual(before);
  });

  type Change =
    | { kind: "add"; n: number }
    | { kind: "title" | "date" | "topic" | "tags" | "draft" | "delete" | "live"; which: number }
    | { kind: "topics" | "layout" | "banner" | "clock" };
  const change: fc.Arbitrary<Change> = fc.oneof(
    fc.record({ kind: fc.constant("add" as const), n: fc.integer({ min: 5, max: 15 }) }),
    fc.record({ kind: fc.constantFrom("title" as const, "date" as const, "topic" as const, "tags" as const, "draft" as const, "delete" as const, "live" as const), which: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constantFrom("topics" as const, "layout" as const, "banner" as const, "clock" as const) }),
  );

  function apply(dir: string, step: Change): void {
    const file = (n: number) => join(dir, `content/articles/n${n}.md`);
    if (step.kind === "add") return writeFileSync(file(step.n), STORY(step.n));
    if (step.kind === "topics") return writeFileSync(join(dir, "_data/topics.json"), JSON.stringify(TOPICS_JSON.map((topic) => ({ ...topic, title: `${topic.title}!` }))));
    // A breaking news banner and live blogs that end at 18:00 on the first day of the clock; the clock's step goes to the next day.
    if (step.kind === "banner") return writeFileSync(join(dir, "_data/breaking.json"), JSON.stringify({ text: "Терміново", url: "/arkhiv/", until: "2026-03-01 18:00" }));
    if (step.kind === "clock") return void clockOf.set(dir, "2026-03-02 12:00");
    if (step.kind === "layout") {
      const layout = join(dir, "_includes/article.njk");
      return writeFileSync(layout, readFileSync(layout, "utf8").replace("</article>", "<p>Змінений шаблон</p></article>"));
    }
    if ("which" in step) editArticle(dir, step);
  }

  /** Per site: the build's clock (STRICHKA_NOW), after every article's date, moved ones' too. */
  const clockOf = new Map<string, string>();
  const at = <T>(dir: string, task: () => Promise<T>) => atClock(clockOf.get(dir) ?? "2026-03-01 12:00", task);

  /** Per site: the articles whose date was moved (they keep the new date, with an alias for the old URL, as an editor must). */
  const movedOf = new Map<string, Set<number>>();

  function editArticle(dir: string, step: Extract<Change, { which: number }>): void {
    const file = (n: number) => join(dir, `content/articles/n${n}.md`);
    const path = file(step.which);
    const moved = movedOf.get(dir) ?? movedOf.set(dir, new Set()).get(dir)!;
    if (step.kind === "delete") return void (rmSync(path, { force: true }), moved.delete(step.which));
    if (step.kind === "date") moved.add(step.which);
    const move: Record<string, string> = moved.has(step.which) ? { date: "2026-02-20 09:00", aliases: `[/novyny/2026/01/${10 + step.which}/n${step.which}.html]` } : {};
    const edits: Record<string, string> = { title: { title: `Виправлено ${step.which}` }, date: {}, topic: { topic: "kultura" }, tags: { tags: "[Одеса]" }, draft: { draft: "true" }, live: {} }[step.kind];
    if (step.kind === "live") return writeFileSync(path, STORY(step.which, { ...move, live: "true", liveUntil: "2026-03-01 18:00" }, "Вступ.\n\n## 10:00\nПерше.\n\n## 2026-03-01 11:00 Друге\nДруге.\n"));
    writeFileSync(path, STORY(step.which, { ...move, ...edits }));
  }

  it("equals a full build after any sequence of new, edited, moved, drafted and deleted articles, live blogs, changed data, a banner, a changed layout and the clock past their end", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 2, maxLength: 4 }), async (steps) => {
        const dir = makeSite(Object.fromEntries([1, 2, 3, 4].map((n) => [`content/articles/n${n}.md`, STORY(n)])));
        // Two builds first: every step's build is then incremental (into a recycled site).
        for (let build = 0; build < 2; build++) expect((await at(dir, () => publish(dir))).status).toBe(0);
        for (const step of steps) {
          apply(dir, step);
          const result = await at(dir, () => publish(dir));
          expect(result.status, `${JSON.stringify(step)}: ${result.stderr}`).toBe(0);
          expect(siteContents(join(dir, "_site")), JSON.stringify(steps)).toEqual(await at(dir, () => fullBuildContents(dir)));
          // (The layout really is read anew: the full build above would not show a stale one either.)
          // Article pages: not the redirect pages left at moved articles' old URLs (another layout).
          const redirects = new Set([...(movedOf.get(dir) ?? [])].map((n) => `novyny/2026/01/${10 + n}/n${n}.html`));
          const pages = listFiles(join(dir, "_site")).filter((file) => file.startsWith("novyny/") && !redirects.has(file));
          if (step.kind === "layout") for (const page of pages) expect(readFileSync(join(dir, "_site", page), "utf8")).toContain("Змінений шаблон");
        }
      }),
      // (And always: a moved article, then a changed layout, which its redirect page does not use.)
      { numRuns: 4, examples: [[[{ kind: "date", which: 1 }, { kind: "topics" }, { kind: "layout" }]]] },
    );
  });
});
