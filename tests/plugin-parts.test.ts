// The plugin's parts (src/plugin/*) as a site's templates see them, in a real Eleventy build.
import { readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as strichkaPackage from "../src/index.js";
import strichka from "../src/index.js";
import { article, makeSite } from "./helpers/site.js";
import { readHtml } from "./helpers/html.js";
import { runEleventy, strichkaFolders } from "./helpers/eleventy.js";

describe("date filters", () => {
  it("are named for what they do, in the site's zone, and the earlier kyiv* names do the same", async () => {
    const filters = ["newsDate", "newsDateTime", "newsTime", "kyivDate", "kyivDateTime", "kyivTime"];
    const dir = makeSite({
      "content/articles/a.md": article({ title: "Новина", date: "2026-01-14 10:00", topic: "kultura" }),
      "content/dates.njk": `---\npermalink: /dates.txt\n---\n${filters.map((name) => `{{ "2026-01-14T23:40:00Z" | ${name} }}`).join("|")}`,
    });
    const { error } = await runEleventy(dir, "_site", (config) => {
      strichkaFolders(config);
      config.addPlugin(strichka, { timeZone: "America/New_York" });
    }, { input: "content" });
    expect(error).toBeUndefined();
    const shown = readFileSync(join(dir, "_site/dates.txt"), "utf8").trim().split("|");
    expect(shown).toEqual(["14 січня 2026", "14 січня 2026, 18:40", "18:40", "14 січня 2026", "14 січня 2026, 18:40", "18:40"]);
  });

  it("the package exports the formatters under both names", () => {
    expect(strichkaPackage.formatNewsDate).toBe(strichkaPackage.formatKyivDate);
    expect(strichkaPackage.formatNewsDateTime).toBe(strichkaPackage.formatKyivDateTime);
    expect(strichkaPackage.formatNewsTime).toBe(strichkaPackage.formatKyivTime);
    expect(strichkaPackage.formatNewsDateTime(new Date("2026-01-14T21:40:00Z"))).toBe("14 січня 2026, 23:40");
  });
});

describe("two Eleventy instances in one process", () => {
  it("each has its own parsed articles: a site never shows another's article at the same path", async () => {
    // The cache takes a file as unchanged when its key (the path from the site's folder), its
    // modification time and its size are those of an entry (cache.ts). So the two sites' files
    // have the same path, the same time and as many bytes (А and Б are two bytes each in
    // UTF-8): were the cache shared by the process (module-level), B's build would find A's
    // entry and show A's headline, or fail reading B's body against A's hash, and A's second
    // build would find B's; with one cache per plugin instance each build parses its own file.
    const file = "content/articles/novyna.md";
    const site = (letter: string) => makeSite({ [file]: article({ title: `Новина сайту ${letter}`, date: "2026-01-14 10:00", topic: "kultura", slug: "novyna" }, `Текст сайту ${letter}.\n`) });
    const a = site("А");
    const b = site("Б");
    const time = new Date("2026-01-14T08:00:00Z");
    for (const dir of [a, b]) utimesSync(join(dir, file), time, time);
    const build = async (dir: string) => {
      const { error } = await runEleventy(dir, "_site", (config) => {
        strichkaFolders(config);
        config.addPlugin(strichka);
      }, { input: "content" });
      expect(error).toBeUndefined();
      const page = readHtml(join(dir, "_site/novyny/2026/01/14/novyna.html"));
      return { title: page.querySelector("h1")?.textContent, text: page.querySelector("article")?.textContent ?? "" };
    };
    expect(await build(a)).toMatchObject({ title: "Новина сайту А", text: expect.stringContaining("Текст сайту А.") });
    expect(await build(b)).toMatchObject({ title: "Новина сайту Б", text: expect.stringContaining("Текст сайту Б.") });
    expect(await build(a)).toMatchObject({ title: "Новина сайту А", text: expect.stringContaining("Текст сайту А.") });
  });
});
