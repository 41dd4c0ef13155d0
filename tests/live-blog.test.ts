// Live blogs (`live: true`): timed updates rendered newest first with Kyiv times and stable
// anchors, «Наживо» while `liveUntil` has not passed at the build's clock, LiveBlogPosting
// JSON-LD, the video of the day still placed, and the checks that name the file and field.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { article, atClock, buildCommandInProcess, buildInProcess, fullBuildContents, makeSite, siteContents } from "./helpers/site.js";
import { atomSchemaErrors, htmlValidationErrors, readHtml, readXml } from "./helpers/html.js";

const HOSTILE = `<script>alert("x")</script> & ]]>`;
const LIVE = `---
title: Наживо з Києва
date: 2026-01-14 08:00
topic: ekonomika
live: true
liveUntil: 2026-01-15 02:00
---
Головне за день.

## 08:00
Почали трансляцію.

## 14:05 Сирени в Києві
Повітряна тривога. "Лапки" і ${"`"}код${"`"}.

## 2026-01-15 00:30
Після півночі: &lt;script&gt;alert("x")&lt;/script&gt; & ]]>

## 9:15
Ранкове оновлення.

\`\`\`
## 10:00 не заголовок у коді
\`\`\`

## 14:05
Друге оновлення тієї ж хвилини.
`;

const PAGE = "novyny/2026/01/14/nazhyvo.html";
const FILES = {
  "content/articles/nazhyvo.md": LIVE,
  "content/articles/inshe.md": article({ title: "Інша", date: "2026-01-13 10:00", topic: "kultura" }),
};

function jsonLd(page: Document): Record<string, unknown> {
  return JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<string, unknown>;
}

describe("live blogs", () => {
  it("show their updates newest first with Kyiv times and anchors, «Наживо» while on, and LiveBlogPosting JSON-LD", async () => {
    const dir = makeSite(FILES);
    const result = await atClock("2026-01-14 20:00", () => buildInProcess(dir));
    expect(result.error).toBeUndefined();
    const html = readFileSync(join(result.output, PAGE), "utf8");
    const page = readHtml(join(result.output, PAGE));
    const updates = [...page.querySelectorAll(".article-body .live-update")];
    expect(updates.map((update) => update.id)).toEqual([
      "update-2026-01-15-0030",
      "update-2026-01-14-1405",
      "update-2026-01-14-1405-2",
      "update-2026-01-14-0915",
      "update-2026-01-14-0800",
    ]);
    expect(updates.map((update) => update.querySelector("h2 time")?.getAttribute("datetime"))).toEqual([
      "2026-01-15T00:30:00+02:00",
      "2026-01-14T14:05:00+02:00",
      "2026-01-14T14:05:00+02:00",
      "2026-01-14T09:15:00+02:00",
      "2026-01-14T08:00:00+02:00",
    ]);
    // The blog's own day shows the time alone; another day shows its date.
    expect(updates.map((update) => update.querySelector("h2")?.textContent)).toEqual(["15 січня, 00:30", "14:05 Сирени в Києві", "14:05", "09:15", "08:00"]);
    for (const update of updates) expect(update.querySelector("h2 a")?.getAttribute("href")).toBe(`#${update.id}`);
    expect(updates[0]!.querySelector("p")?.textContent).toBe(`Після півночі: ${HOSTILE.replaceAll('"x"', "«x»")}`);
    expect(page.querySelector(".article-body script")).toBeNull();
    // A heading in fenced code is code, not an update.
    expect(updates[3]!.querySelector("pre code")?.textContent).toBe("## 10:00 не заголовок у коді\n");
    // The introduction before them.
    expect(page.querySelector(".article-body > p")?.textContent).toBe("Головне за день.");
    expect(page.querySelector(".live-badge")?.textContent).toBe("Наживо оновлюється");
    // In the lists too, while on.
    const home = readHtml(join(result.output, "index.html"));
    const item = [...home.querySelectorAll(".news-item")].find((candidate) => candidate.querySelector(".news-title")?.textContent === "Наживо з Києва")!;
    expect(item.querySelector(".news-badge-live")?.textContent).toBe("Наживо");
    expect(home.querySelectorAll(".news-badge-live")).toHaveLength(1);
    expect(await htmlValidationErrors(readFileSync(join(result.output, "index.html"), "utf8"), "index.html")).toEqual([]);
    expect(page.querySelector(".article-meta")?.textContent).toContain("Оновлено: 15 січня 2026, 00:30");
    expect(await htmlValidationErrors(html, PAGE)).toEqual([]);

    const data = jsonLd(page);
    expect(data["@type"]).toBe("LiveBlogPosting");
    expect(data.coverageStartTime).toBe("2026-01-14T08:00:00+02:00");
    expect(data.coverageEndTime).toBe("2026-01-15T02:00:00+02:00");
    expect(data.dateModified).toBe("2026-01-15T00:30:00+02:00");
    const items = data.liveBlogUpdate as Record<string, string>[];
    expect(items.map((item) => item.url)).toEqual(updates.map((update) => `https://test.example.ua/${PAGE}#${update.id}`));
    expect(items[1]).toEqual({ "@type": "BlogPosting", headline: "Сирени в Києві", datePublished: "2026-01-14T14:05:00+02:00", url: `https://test.example.ua/${PAGE}#update-2026-01-14-1405`, articleBody: "Повітряна тривога. «Лапки» і код." });
    expect(items[0]!.articleBody).toBe(`Після півночі: <script>alert(«x»)</script> & ]]>`);
    expect(items[0]!.headline).toBe(items[0]!.articleBody);
    // (Escaped in the page: no "</script>" ends the JSON-LD early.)
    expect(html).not.toContain("</script> &");

    // An article that is not a live blog has none of it.
    const other = readHtml(join(result.output, "novyny/2026/01/13/inshe.html"));
    expect(other.querySelector(".live-badge, .live-update")).toBeNull();
    expect(jsonLd(other)["@type"]).toBe("NewsArticle");

    // The feed entry has the updates newest first too, and the feed stays valid.
    const atom = readFileSync(join(result.output, "feed.xml"), "utf8");
    expect(await atomSchemaErrors(atom)).toEqual([]);
    const entry = [...readXml(atom).querySelectorAll("entry")].find((candidate) => candidate.querySelector("title")?.textContent === "Наживо з Києва")!;
    expect(entry.querySelector("updated")?.textContent).toBe("2026-01-14T22:30:00.000Z");
    const content = entry.querySelector("content")!.textContent!;
    expect(content.indexOf("00:30")).toBeLessThan(content.indexOf("09:15"));
  });

  it("say when they ended once liveUntil has passed at the build's clock", async () => {
    const dir = makeSite(FILES);
    const result = await atClock("2026-01-15 02:00", () => buildInProcess(dir));
    expect(result.error).toBeUndefined();
    const page = readHtml(join(result.output, PAGE));
    expect(page.querySelector(".live-badge-label")).toBeNull();
    expect(page.querySelector(".live-badge-ended")?.textContent).toBe("Трансляцію завершено 15 січня 2026, 02:00");
    expect(readHtml(join(result.output, "index.html")).querySelector(".news-badge-live")).toBeNull();
    expect(page.querySelectorAll(".live-update")).toHaveLength(5);
  });

  it("place the video of the day after the n-th paragraph the reader sees", async () => {
    const dir = makeSite({ ...FILES, "_data/videos.json": JSON.stringify([{ date: "2026-01-14", title: "Відео", youtube: "dQw4w9WgXcQ" }]) });
    const result = await atClock("2026-01-14 20:00", () => buildInProcess(dir));
    expect(result.error).toBeUndefined();
    const page = readHtml(join(result.output, PAGE));
    // The default: after the third paragraph in reading order (the introduction, the newest update's, the next one's).
    const video = page.querySelector(".article-body .video-of-the-day");
    expect(video).not.toBeNull();
    expect(video!.closest(".live-update")?.id).toBe("update-2026-01-14-1405");
    expect(video!.previousElementSibling?.textContent).toBe("Повітряна тривога. «Лапки» і код.");
  });

  it("an incremental build after liveUntil drops «Наживо» though no file changed, byte for byte a full build", async () => {
    const dir = makeSite(FILES);
    for (let build = 0; build < 2; build++) expect((await atClock("2026-01-14 20:00", () => buildCommandInProcess(dir))).status).toBe(0);
    expect(readFileSync(join(dir, "_site", PAGE), "utf8")).toContain("live-badge-label");
    const result = await atClock("2026-01-15 03:00", () => buildCommandInProcess(dir));
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, "_site", PAGE), "utf8")).not.toContain("live-badge-label");
    expect(readFileSync(join(dir, "_site/index.html"), "utf8")).not.toContain("news-badge-live");
    expect(siteContents(join(dir, "_site"))).toEqual(await atClock("2026-01-15 03:00", () => fullBuildContents(dir)));
    // A new update: the page and the feed follow.
    writeFileSync(join(dir, "content/articles/nazhyvo.md"), `${LIVE}\n## 2026-01-15 01:10\nНове.\n`);
    expect((await atClock("2026-01-15 03:00", () => buildCommandInProcess(dir))).status).toBe(0);
    expect(readHtml(join(dir, "_site", PAGE)).querySelector(".live-update")?.id).toBe("update-2026-01-15-0110");
    expect(siteContents(join(dir, "_site"))).toEqual(await atClock("2026-01-15 03:00", () => fullBuildContents(dir)));
  });

  it("fail with the file, line and field of each mistake, all at once", async () => {
    const live = (front: string, body: string) => `---\ntitle: Наживо\ndate: 2026-01-14 10:00\ntopic: ekonomika\n${front}\n---\n${body}`;
    const result = await buildInProcess(
      makeSite({
        "content/articles/no-updates.md": live("live: true", "Лише вступ, без оновлень.\n"),
        "content/articles/not-time.md": live("live: true", "Вступ.\n\n## 10:30\nПерше.\n\n## Сирени\nДруге.\n"),
        "content/articles/bad-until.md": live("live: true\nliveUntil: завтра", "## 10:30\nПерше.\n"),
        "content/articles/before.md": live("live: true", "## 09:30\nРаніше за початок.\n"),
        "content/articles/not-bool.md": live("live: так", "## 10:30\nПерше.\n"),
        "content/articles/until-alone.md": live("liveUntil: 2026-01-15", "Текст.\n"),
        "content/articles/bad-hour.md": live("live: true", "## 25:70\nНеможливий час.\n"),
      }),
    );
    const message = result.contentError?.message ?? "";
    expect(message).toContain("content/articles/no-updates.md:5: live is true but the text has no updates; start each update with a heading of its Kyiv time: ## 14:05");
    expect(message).toContain('content/articles/not-time.md:12: live "## Сирени" is not an update\'s time; start each update with a heading of its Kyiv time');
    expect(message).toContain('content/articles/bad-until.md:6: liveUntil "завтра" is not a date;');
    expect(message).toContain('content/articles/before.md:7: live "## 09:30" is before the article\'s date;');
    expect(message).toContain('content/articles/not-bool.md:5: live "так" is not true or false; write live: true for a live blog');
    expect(message).toContain("content/articles/until-alone.md:5: liveUntil is set but live is not true;");
    expect(message).toContain('content/articles/bad-hour.md:7: live "## 25:70" is not a date');
  });
});
