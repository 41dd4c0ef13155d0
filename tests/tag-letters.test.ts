// A tags index that does not grow with the archive: past TAGS_ON_INDEX tags, the most used
// ones and an alphabet, with a page (or pages) for each letter.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { letterOf, TAGS_ON_INDEX, tagLetterPages, topTags } from "../src/tag-letters.js";
import { article, buildCommandInProcess, listFiles, makeSite } from "./helpers/site.js";
import { brokenInternalLinks, htmlValidationErrors, readHtml } from "./helpers/html.js";

const tag = (name: string, count = 1) => ({ name, url: `/tehy/${name}/`, count });

describe("tagLetterPages", () => {
  it("keeps a small site's tags on the index, and files a big one's by letter, signs and digits last", () => {
    expect(tagLetterPages(Array.from({ length: TAGS_ON_INDEX }, (_, index) => tag(`т${index}`)), "/tehy/")).toEqual([]);
    const names = ["Авдіївка", "авіація", "Їжак", "Иван", "Йосип", "2026", "«Укренерго»", "Євро", "Zelensky", ...Array.from({ length: TAGS_ON_INDEX }, (_, index) => `Б${index}`)];
    const pages = tagLetterPages(names.map((name) => tag(name)), "/tehy/", 200);
    expect(pages.map((page) => page.url)).toEqual(["/tehy/a.html", "/tehy/yi.html", "/tehy/y.html", "/tehy/y-2.html", "/tehy/ye.html", "/tehy/z.html", "/tehy/b.html", "/tehy/b-2.html", "/tehy/0-9.html"]);
    expect(pages[0]!.tags.map((entry) => entry.name)).toEqual(["Авдіївка", "авіація"]);
    expect(pages.at(-1)!.tags.map((entry) => entry.name)).toEqual(["2026", "«Укренерго»"]);
    // Every tag on exactly one page, no page over its size, every page links every letter.
    expect(pages.flatMap((page) => page.tags.map((entry) => entry.name)).sort()).toEqual([...names].sort());
    expect(Math.max(...pages.map((page) => page.tags.length))).toBe(200);
    expect(pages[6]!.pageLinks).toEqual([
      { number: 1, url: "/tehy/b.html", current: true },
      { number: 2, url: "/tehy/b-2.html", current: false },
    ]);
    expect(pages[3]!.letters.map((link) => link.letter)).toEqual(["А", "Ї", "И", "Й", "Є", "Z", "Б", "#"]);
    expect(letterOf(" ґанок")).toBe("Ґ");
  });

  it("chooses the most used tags, the alphabet's order among equals", () => {
    expect(topTags([tag("а", 1), tag("б", 3), tag("в", 3), tag("г", 2)], 3).map((entry) => entry.name)).toEqual(["б", "в", "г"]);
  });
});

describe("the tags index of a site with many tags", () => {
  it("shows the most used tags and the alphabet, and every tag on its letter's page", async () => {
    const TAG_COUNT = TAGS_ON_INDEX + 20;
    const tags = Array.from({ length: TAG_COUNT }, (_, index) => `${["Київ", "Львів", "Одеса", "2026"][index % 4]} ${index}`);
    const files = Object.fromEntries(
      Array.from({ length: 40 }, (_, index) => [
        `content/articles/n${index}.md`,
        article({ title: `Новина ${index}`, date: `2026-01-${String(1 + (index % 28)).padStart(2, "0")} 10:00`, topic: "kultura", tags: `[${tags.slice(index * 8, index * 8 + 8).map((name) => `"${name}"`).join(", ")}]` }),
      ]),
    );
    const dir = makeSite(files);
    // `strichka build` in this process: what is under test is the pages, not the command.
    const result = await buildCommandInProcess(dir);
    expect(result.status, result.stderr).toBe(0);
    const index = readHtml(join(dir, "_site/tehy/index.html"));
    expect(index.querySelectorAll(".tag-cloud li")).toHaveLength(100);
    expect([...index.querySelectorAll(".alphabet a")].map((link) => link.textContent)).toEqual(["К", "Л", "О", "#"]);
    const letterPages = listFiles(join(dir, "_site/tehy")).filter((file) => file.endsWith(".html") && !file.includes("/"));
    expect(letterPages.sort()).toEqual(["0-9.html", "index.html", "k.html", "l.html", "o.html"]);
    const listed = letterPages.filter((file) => file !== "index.html").flatMap((file) => [...readHtml(join(dir, "_site/tehy", file)).querySelectorAll(".tag-cloud a")].map((link) => link.textContent));
    expect(listed.sort()).toEqual([...tags].sort());
    expect(readHtml(join(dir, "_site/tehy/k.html")).querySelector("h1")!.textContent).toBe("Теги на літеру «К»");
    expect(readFileSync(join(dir, "_site/sitemaps/pages.xml"), "utf8")).toContain("/tehy/0-9.html</loc>");
    expect(brokenInternalLinks(join(dir, "_site"))).toEqual([]);
    for (const file of ["index.html", "k.html"]) expect(await htmlValidationErrors(readFileSync(join(dir, "_site/tehy", file), "utf8"), file)).toEqual([]);
    // Minified like every HTML page, though its permalink ("{{ letterPage.url }}") is known only as it renders: by its HTML layout.
    expect(readFileSync(join(dir, "_site/tehy/k.html"), "utf8")).not.toMatch(/\n|<!--/);
  });
});
