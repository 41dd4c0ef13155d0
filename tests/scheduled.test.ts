// Scheduled publishing: an article dated after the build's clock (STRICHKA_NOW in these
// tests) is left out of a production build everywhere, like a draft, and the build says so;
// the preview shows it, marked; the first build after its time publishes it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLOCK_ENV } from "../src/clock.js";
import { article, atClock, buildCommandInProcess, buildInProcess, inProcess, listFiles, makeSite, ROOT, tempDir } from "./helpers/site.js";
import { atomSchemaErrors, htmlValidationErrors, readHtml, readXml } from "./helpers/html.js";

const FILES = {
  "content/articles/2026-01-14-hryvnia.md": article({ title: "Гривня зміцнилася", date: "2026-01-14 10:00", topic: "ekonomika", tags: "[Київ]" }),
  "content/articles/zaplanovana-premiera.md": article(
    { title: `'"Запланована" прем''єра'`, date: "2026-01-15 09:00", topic: "kultura", tags: "[Київ, Прем'єра]", aliases: "[/stara/premiera.html]" },
    "Текст запланованої новини про прем'єру.\n",
  ),
  "content/articles/druha-zaplanovana.md": article({ title: "Друга запланована новина", date: "2026-01-20 12:00", topic: "kultura" }),
};

/** Every file of `site` that mentions `needle`. */
function filesMentioning(site: string, needle: string): string[] {
  return listFiles(site).filter((file) => readFileSync(join(site, file), "utf8").includes(needle));
}

describe("scheduled articles in a production build", () => {
  it("are left out everywhere until their time, and the build says how many and when the next one is", async () => {
    const dir = makeSite(FILES);
    const result = await atClock("2026-01-14 12:00", () => buildCommandInProcess(dir));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Заплановано: 2 статті (найближча — 15 січня, 09:00)");
    const site = join(dir, "_site");
    // Page, lists, home, feeds, sitemaps, the news sitemap, search index, redirects, tag pages: not a trace.
    // (Decap CMS's own bundle in admin/ is vendored code: its words happen to include «Прем».)
    const ours = (files: string[]) => files.filter((file) => !/^admin\/(.*\.)?decap-cms\.js$/.test(file));
    for (const needle of ["zaplanovana", "Запланована", "stara/premiera", "premiera", "Прем"]) expect(ours(filesMentioning(site, needle)), needle).toEqual([]);
    expect(existsSync(join(site, "tehy/premiera/index.html"))).toBe(false);
    // The topic has none yet; the tag Київ counts the published article only.
    expect(readHtml(join(site, "temy/kultura/index.html")).querySelector(".empty")).not.toBeNull();
    const kyiv = [...readHtml(join(site, "tehy/index.html")).querySelectorAll("a")].find((link) => link.textContent?.startsWith("Київ"));
    expect(kyiv?.parentElement?.textContent).toContain("1");
    expect(await atomSchemaErrors(readFileSync(join(site, "feed.xml"), "utf8"))).toEqual([]);
  });

  it("go out with the first build after their time, though no file changed", async () => {
    const dir = makeSite(FILES);
    expect((await atClock("2026-01-14 12:00", () => buildCommandInProcess(dir))).status).toBe(0);
    const result = await atClock("2026-01-15 09:30", () => buildCommandInProcess(dir));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Заплановано: 1 стаття (найближча — 20 січня, 12:00)");
    const site = join(dir, "_site");
    const page = readHtml(join(site, "novyny/2026/01/15/zaplanovana-premiera.html"));
    expect(page.querySelector("h1")?.textContent).toBe("«Запланована» прем’єра");
    expect(page.querySelector(".draft-badge")).toBeNull();
    expect([...readHtml(join(site, "index.html")).querySelectorAll(".news-title")].map((link) => link.textContent)).toEqual(["«Запланована» прем’єра", "Гривня зміцнилася"]);
    const feed = readXml(readFileSync(join(site, "feed.xml"), "utf8"));
    expect([...feed.querySelectorAll("entry > title")].map((title) => title.textContent)).toContain("«Запланована» прем’єра");
    expect(readFileSync(join(site, "news-sitemap.xml"), "utf8")).toContain("/novyny/2026/01/15/zaplanovana-premiera.html");
    expect(readFileSync(join(site, "_redirects"), "utf8")).toContain("/stara/premiera.html /novyny/2026/01/15/zaplanovana-premiera.html 301!");
    expect(existsSync(join(site, "tehy/premiera/index.html"))).toBe(true);
    expect(filesMentioning(site, "druha-zaplanovana")).toEqual([]);
  });

  it("refuses a build clock that is not a time, naming the variable and what to write", async () => {
    const dir = makeSite(FILES);
    const result = await atClock("завтра", () => buildCommandInProcess(dir));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`the environment variable ${CLOCK_ENV}: "завтра" is not a date; write the build's time as 2026-01-15 09:00`);
  });

  it("may change their URL before they go out: only a published page is held to its address", async () => {
    const dir = makeSite(FILES);
    expect((await atClock("2026-01-14 12:00", () => buildCommandInProcess(dir))).status).toBe(0);
    const file = join(dir, "content/articles/zaplanovana-premiera.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("date: 2026-01-15 09:00", "date: 2026-01-16 09:00\nslug: premiera-perenesena"));
    const moved = await atClock("2026-01-14 13:00", () => buildCommandInProcess(dir));
    expect(moved.status, moved.stderr).toBe(0);
    // Once out, it is held to its URL.
    expect((await atClock("2026-01-16 10:00", () => buildCommandInProcess(dir))).status).toBe(0);
    writeFileSync(file, readFileSync(file, "utf8").replace("slug: premiera-perenesena", "slug: premiera-vdruhe"));
    const published = await atClock("2026-01-16 11:00", () => buildCommandInProcess(dir));
    expect(published.status).toBe(1);
    expect(published.stderr).toContain("slug moves the published page /novyny/2026/01/16/premiera-perenesena.html to /novyny/2026/01/16/premiera-vdruhe.html");
  });
});

describe("scheduled articles in the preview", () => {
  it("are shown, marked «Заплановано» on their page and in lists, and kept out of feeds", async () => {
    const dir = makeSite(FILES);
    const output = join(tempDir("strichka-preview-"), "_preview");
    const options = { configPath: join(ROOT, "eleventy.config.ts"), quietMode: true, runMode: "watch" };
    const run = await atClock("2026-01-14 12:00", () =>
      inProcess(dir, async () => new (await import("@11ty/eleventy")).default(undefined, output, options as never).write(), "watch"),
    );
    expect(run.error).toBeUndefined();
    const page = readHtml(join(output, "novyny/2026/01/15/zaplanovana-premiera.html"));
    expect(page.querySelector(".draft-badge")?.textContent).toBe("Заплановано на 15 січня 2026, 09:00: до цього часу на сайті її не буде");
    const home = readHtml(join(output, "index.html"));
    const badges = [...home.querySelectorAll(".news-item")].map((item) => [item.querySelector(".news-title")?.textContent, item.querySelector(".news-badge")?.textContent ?? null]);
    expect(badges).toEqual([
      ["Друга запланована новина", "Заплановано"],
      ["«Запланована» прем’єра", "Заплановано"],
      ["Гривня зміцнилася", null],
    ]);
    expect(readFileSync(join(output, "feed.xml"), "utf8")).not.toContain("zaplanovana");
    for (const file of ["index.html", "novyny/2026/01/15/zaplanovana-premiera.html", "temy/kultura/index.html"]) {
      expect(await htmlValidationErrors(readFileSync(join(output, file), "utf8"), file)).toEqual([]);
    }
    // (A published build's buildInProcess sees the same clock: nothing of it.)
    const production = await atClock("2026-01-14 12:00", () => buildInProcess(dir, join(tempDir(), "_site")));
    expect(production.error).toBeUndefined();
    expect(existsSync(join(production.output, "novyny/2026/01/15/zaplanovana-premiera.html"))).toBe(false);
  });
});
