import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveLocale, UKRAINIAN } from "../src/locale.js";
import { article, buildInProcess, makeSite, ROOT } from "./helpers/site.js";
import { readHtml } from "./helpers/html.js";

describe("locale texts", () => {
  it("are Ukrainian by default, and any can be reworded", () => {
    expect(resolveLocale().related).toBe("Вас також можуть зацікавити новини:");
    const text = resolveLocale({ related: "Читайте також:", newsForms: ["допис", "дописи", "дописів"] });
    expect(text.related).toBe("Читайте також:");
    expect(text.newsForms).toEqual(["допис", "дописи", "дописів"]);
    expect(text.videoOfTheDay).toBe(UKRAINIAN.videoOfTheDay);
  });

  it("refuse unknown keys and wrong kinds of value, saying what is expected", () => {
    expect(() => resolveLocale({ relatd: "x" })).toThrow(/"relatd" is not one of the texts \(skipToContent, /);
    expect(() => resolveLocale({ related: 5 })).toThrow(/"related" must be text/);
    expect(() => resolveLocale({ newsForms: ["одна"] })).toThrow(/"newsForms" must be three forms/);
  });

  it("reach the pages when a site rewords them; navTopics limits the masthead", async () => {
    const dir = makeSite({
      "content/articles/a.md": article({ title: "Перша", date: "2026-01-14 10:00", topic: "kultura" }),
      "content/articles/b.md": article({ title: "Друга", date: "2026-01-15 10:00", topic: "kultura" }),
    });
    const config = join(dir, "eleventy.config.ts");
    writeFileSync(
      config,
      readFileSync(join(ROOT, "eleventy.config.ts"), "utf8")
        .replace('"./src/index.js"', JSON.stringify(join(ROOT, "src/index.js")))
        .replace('"./src/eleventy-config.js"', JSON.stringify(join(ROOT, "src/eleventy-config.js")))
        .replace("relatedCount: 5,", 'relatedCount: 5,\n    navTopics: 1,\n    locale: { related: "Читайте також:", minuteForms: ["хв", "хв", "хв"], readingTime: "на читання", allTopics: "Рубрики" },'),
    );
    const result = await buildInProcess(dir, join(dir, "_site"), config);
    expect(result.stderr).toBe("");
    expect(result.error).toBeUndefined();
    const page = readHtml(join(result.output, "novyny/2026/01/15/b.html")); // the newer: related news are earlier ones
    expect(page.querySelector(".related h2")!.textContent).toBe("Читайте також:");
    expect(page.querySelector(".reading-time")!.textContent).toBe("1 хв на читання");
    // navTopics: 1 of the two topics in the masthead, then the link to all of them.
    const masthead = [...page.querySelectorAll(".topics-nav a")].map((link) => [link.textContent, link.getAttribute("href")]);
    expect(masthead).toEqual([
      ["Економіка", "../../../../temy/ekonomika/index.html"],
      ["Рубрики →", "../../../../temy/index.html"],
    ]);
  });
});
