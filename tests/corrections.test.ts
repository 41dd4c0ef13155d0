// Corrections (`corrections:` in front matter): «Виправлення» at the end of the article with
// Kyiv times, dateModified and the feeds' `updated` following the latest one, schema.org
// CorrectionComment, and the checks that name the file and field.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { article, buildCommandInProcess, buildInProcess, fullBuildContents, makeSite, siteContents } from "./helpers/site.js";
import { atomSchemaErrors, htmlValidationErrors, readHtml, readXml } from "./helpers/html.js";

const HOSTILE = `<script>alert("x")</script> & ]]>`;
const CORRECTED = `---
title: Бюджет отримав транш
date: 2026-01-14 10:00
topic: ekonomika
corrections:
  - date: 2026-01-15 09:30
    text: 'Уточнено суму: "1,5 млрд" євро. ${HOSTILE}'
  - date: 2026-01-14 18:00
    text: Виправлено назву банку.
---
Текст новини.
`;

describe("corrections", () => {
  it("are listed at the end of the article with Kyiv times, and the article's modification follows the latest", async () => {
    const dir = makeSite({ "content/articles/biudzhet.md": CORRECTED, "content/articles/inshe.md": article({ title: "Інша", date: "2026-01-13 10:00", topic: "kultura" }) });
    const result = await buildInProcess(dir);
    expect(result.error).toBeUndefined();
    const file = "novyny/2026/01/14/biudzhet.html";
    const html = readFileSync(join(result.output, file), "utf8");
    const page = readHtml(join(result.output, file));
    const section = page.querySelector("section.corrections")!;
    expect(section.querySelector("h2")?.textContent).toBe("Виправлення");
    // Oldest first, Kyiv time, the text as text (typography applied, nothing run).
    const items = [...section.querySelectorAll("li")];
    expect(items.map((item) => item.querySelector("time")?.getAttribute("datetime"))).toEqual(["2026-01-14T18:00:00+02:00", "2026-01-15T09:30:00+02:00"]);
    expect(items.map((item) => item.textContent)).toEqual([
      "14 січня 2026, 18:00: Виправлено назву банку.",
      `15 січня 2026, 09:30: Уточнено суму: «1,5 млрд» євро. <script>alert(«x»)</script> & ]]>`,
    ]);
    expect(section.querySelector("script")).toBeNull();
    // After the body, before the tags and related news.
    expect(page.querySelector(".article-body + section.corrections")).not.toBeNull();
    expect(await htmlValidationErrors(html, file)).toEqual([]);

    const data = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<string, unknown>;
    expect(data.dateModified).toBe("2026-01-15T09:30:00+02:00");
    expect(data.correction).toEqual([
      { "@type": "CorrectionComment", text: "Виправлено назву банку.", datePublished: "2026-01-14T18:00:00+02:00" },
      { "@type": "CorrectionComment", text: `Уточнено суму: «1,5 млрд» євро. <script>alert(«x»)</script> & ]]>`, datePublished: "2026-01-15T09:30:00+02:00" },
    ]);
    expect(page.querySelector(".article-meta")?.textContent).toContain("Оновлено: 15 січня 2026, 09:30");

    // The feed entry is updated (readers' apps show the corrected version); the sitemap's lastmod too.
    const atom = readFileSync(join(result.output, "feed.xml"), "utf8");
    expect(await atomSchemaErrors(atom)).toEqual([]);
    const entry = [...readXml(atom).querySelectorAll("entry")].find((candidate) => candidate.querySelector("title")?.textContent === "Бюджет отримав транш")!;
    expect(entry.querySelector("updated")?.textContent).toBe("2026-01-15T07:30:00.000Z");
    expect(entry.querySelector("published")?.textContent).toBe("2026-01-14T08:00:00.000Z");
    expect(readFileSync(join(result.output, "sitemaps/2026-01.xml"), "utf8")).toContain("biudzhet.html</loc><lastmod>2026-01-15T09:30:00+02:00</lastmod>");
    // An article without corrections has no such section.
    expect(readHtml(join(result.output, "novyny/2026/01/13/inshe.html")).querySelector(".corrections")).toBeNull();
  });

  it("a later `updated` stays the modification time", async () => {
    const dir = makeSite({ "content/articles/biudzhet.md": CORRECTED.replace("topic: ekonomika", "topic: ekonomika\nupdated: 2026-01-16 12:00") });
    const result = await buildInProcess(dir);
    expect(result.error).toBeUndefined();
    const page = readHtml(join(result.output, "novyny/2026/01/14/biudzhet.html"));
    expect((JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!) as { dateModified: string }).dateModified).toBe("2026-01-16T12:00:00+02:00");
  });

  it("fail with the file, line and field of each mistake, all at once", async () => {
    const bad = (corrections: string) => `---\ntitle: Новина\ndate: 2026-01-14 10:00\ntopic: ekonomika\ncorrections:${corrections}\n---\nТекст.\n`;
    const result = await buildInProcess(
      makeSite({
        "content/articles/no-date.md": bad("\n  - text: Виправлено."),
        "content/articles/no-text.md": bad("\n  - date: 2026-01-15 10:00"),
        "content/articles/before.md": bad("\n  - date: 2026-01-13 10:00\n    text: Раніше за новину."),
        "content/articles/not-list.md": bad(" Виправлено назву."),
        "content/articles/bad-date.md": bad("\n  - date: завтра\n    text: Виправлено."),
      }),
    );
    const message = result.contentError?.message ?? "";
    expect(message).toContain("content/articles/no-date.md:5: corrections[0].date is missing; write 2026-01-14, 2026-01-14 23:40 (Kyiv time) or 2026-01-14T23:40:00+02:00");
    expect(message).toContain("content/articles/no-text.md:5: corrections[0].text is missing; write what was wrong and what is right now");
    expect(message).toContain("content/articles/before.md:5: corrections[0].date is before the article's date; a correction comes after publication");
    expect(message).toContain('content/articles/not-list.md:5: corrections "Виправлено назву." is not a list; write each correction as a list item with its time and text');
    expect(message).toContain('content/articles/bad-date.md:5: corrections[0].date "завтра" is not a date;');
  });

  it("a correction added to a published article: an incremental build equals a full one", async () => {
    const dir = makeSite({ "content/articles/biudzhet.md": CORRECTED.replace(/corrections:[\s\S]*?---/, "---"), "content/articles/inshe.md": article({ title: "Інша", date: "2026-01-13 10:00", topic: "ekonomika" }) });
    for (let build = 0; build < 2; build++) expect((await buildCommandInProcess(dir)).status).toBe(0);
    writeFileSync(join(dir, "content/articles/biudzhet.md"), CORRECTED);
    const result = await buildCommandInProcess(dir);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, "_site/feed.xml"), "utf8")).toContain("<updated>2026-01-15T07:30:00.000Z</updated>");
    expect(siteContents(join(dir, "_site"))).toEqual(await fullBuildContents(dir));
  });
});
