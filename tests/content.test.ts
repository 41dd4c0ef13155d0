// The content model on its own: real files in a temp folder, no Eleventy.
import { rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ArticleCache } from "../src/content/index.js";
import { ContentError, formatProblem } from "../src/errors.js";
import { article, loadSite, makeSite } from "./helpers/site.js";

function load(dir: string, includeDrafts = false, cache?: ArticleCache) {
  return loadSite(dir, { includeDrafts, cache });
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await load(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems.map(formatProblem);
  }
  throw new Error("expected a ContentError");
}

describe("loadNewsSite", () => {
  it("builds the model: Kyiv dates, URLs, topics, tags, typography, newest first", async () => {
    const dir = makeSite({
      "content/articles/ukrenerho-pro-hrafiky.md": article({ title: `'"Укренерго" - про графіки'`, date: "2026-01-14 23:40", topic: "ekonomika", tags: "[Київ, енергетика]" }),
      "content/articles/b.md": article({ title: "Друга", date: "2026-01-15T00:30:00+02:00", topic: "kultura", slug: "druha-novyna" }),
      "content/articles/c.md": article({ title: "Чернетка", date: "2026-01-16", topic: "kultura", draft: "true" }),
    });
    const site = await load(dir);
    expect(site.articles.map((a) => a.title)).toEqual(["Друга", "«Укренерго»\u00a0— про графіки"]);
    const [second, first] = site.articles;
    expect(first!.url).toBe("/novyny/2026/01/14/ukrenerho-pro-hrafiky.html");
    expect(first!.day).toBe("2026-01-14");
    expect(first!.dateOnly).toBe(false);
    expect(site.articles.find((a) => a.title === "Друга")!.dateOnly).toBe(false);
    expect(first!.date.toISOString()).toBe("2026-01-14T21:40:00.000Z");
    expect(first!.tags).toEqual([
      { name: "Київ", slug: "kyiv", url: "/tehy/kyiv/" },
      { name: "енергетика", slug: "enerhetyka", url: "/tehy/enerhetyka/" },
    ]);
    expect(second!.url).toBe("/novyny/2026/01/15/druha-novyna.html");
    expect(first!.sourceFile).toBe("ukrenerho-pro-hrafiky.md");
    expect(site.articlesOfTopic("kultura")).toEqual([second]);
    // Related news are earlier articles only (see related.ts).
    expect(second!.related.map((link) => link.url)).toEqual([first!.url]);
    expect(first!.related).toEqual([]);
  });

  it("keeps drafts out unless previewing, and never suggests them", async () => {
    const dir = makeSite({
      "content/articles/a.md": article({ title: "Опублікована", date: "2026-01-14", topic: "kultura" }),
      "content/articles/c.md": article({ title: "Чернетка", date: "2026-01-16", topic: "kultura", draft: "true" }),
    });
    expect((await load(dir)).articles.map((a) => a.title)).toEqual(["Опублікована"]);
    expect((await load(dir)).articles[0]!.dateOnly).toBe(true);
    const preview = await load(dir, true);
    expect(preview.articles.map((a) => a.title)).toEqual(["Чернетка", "Опублікована"]);
    expect(preview.articles[1]!.related).toEqual([]);
  });

  it("reports every problem of every file at once, with file, line and field", async () => {
    const dir = makeSite({
      "content/articles/no-title.md": article({ date: "2026-01-14", topic: "kultura" }),
      "content/articles/bad-date.md": article({ title: "Дата", date: "2026-13-45", topic: "kultura" }),
      "content/articles/bad-topic.md": article({ title: "Тема", date: "2026-01-14", topic: "sport" }),
      "content/articles/bad-tags.md": article({ title: "Теги", date: "2026-01-14", topic: "kultura", tags: "[Київ, 2026]" }),
      "content/articles/broken.md": "---\ntitle: [Незакрита\ndate: 2026-01-14\n---\nТекст",
      "content/articles/empty.md": "",
      "content/articles/2026-01-14-odnakova.md": article({ title: "Однакова", date: "2026-01-14", topic: "kultura" }),
      "content/articles/odnakova.md": article({ title: "Однакова", date: "2026-01-14 18:00", topic: "kultura" }),
      "content/articles/latin1.md": Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0x20, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]),
      "_data/videos.json": JSON.stringify([{ date: "2026-02-30", title: "Відео", youtube: "not-an-id" }]),
    });
    const problems = await problemsOf(dir);
    const expected = [
      "content/articles/no-title.md: title is missing; write the headline",
      'content/articles/bad-date.md:3: date "2026-13-45" is not a date; write 2026-01-14, 2026-01-14 23:40 (Kyiv time) or 2026-01-14T23:40:00+02:00',
      'content/articles/bad-topic.md:4: topic "sport" is not a topic in _data/topics.json; use one of: ekonomika, kultura',
      "content/articles/bad-tags.md:5: tags[1] 2026 is not text; put it in quotes",
      "content/articles/empty.md: is empty;",
      "content/articles/broken.md:3: front matter is not valid YAML",
      "content/articles/odnakova.md: gives the URL /novyny/2026/01/14/odnakova.html, which content/articles/2026-01-14-odnakova.md has too",
      "content/articles/latin1.md: is not valid UTF-8 text",
      '_data/videos.json: [0].date "2026-02-30" is not a day',
      '_data/videos.json: [0].youtube "not-an-id" is not a YouTube video id',
    ];
    for (const start of expected) expect(problems.some((problem) => problem.startsWith(start)), `${start}\n in\n${problems.join("\n")}`).toBe(true);
    expect(problems).toHaveLength(expected.length);
  });

  it("finds empty headings wherever they are: alone, closed, in a quote, in a list, setext; not in code", async () => {
    const bodies = ["#", "## ##", "> ###  ", "- #", "1. ####\t", "Текст\n\n  ##   #", "\u00a0\n==="];
    const files = Object.fromEntries(bodies.map((body, index) => [`content/articles/e${index}.md`, article({ title: `Новина ${index}`, date: "2026-01-14", topic: "kultura" }, `Вступ.\n\n${body}\n`)]));
    const problems = await problemsOf(
      makeSite({ ...files, "content/articles/code.md": article({ title: "Код", date: "2026-01-14", topic: "kultura" }, "```\n#\n```\n\n    # \n") }),
    );
    expect(problems.filter((problem) => problem.includes("empty heading"))).toHaveLength(bodies.length);
    expect(problems.some((problem) => problem.includes("code.md"))).toBe(false);
  });

  it("reports JSON that does not parse, with its line", async () => {
    const dir = makeSite({ "_data/topics.json": '[\n  { "slug": "a", "title": "A" "description": "B" }\n]' });
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^_data\/topics\.json:2: is not valid JSON/);
  });

  it("refuses two spellings of one tag and two topics with one slug", async () => {
    const dir = makeSite({
      "_data/topics.json": JSON.stringify([
        { slug: "kultura", title: "Культура", description: "a" },
        { slug: "kultura", title: "Культура 2", description: "b" },
      ]),
      "content/articles/a.md": article({ title: "А", date: "2026-01-14", topic: "kultura", tags: "[Київ]" }),
      "content/articles/b.md": article({ title: "Б", date: "2026-01-14", topic: "kultura", tags: "[київ]" }),
    });
    const problems = await problemsOf(dir);
    expect(problems).toContain('_data/topics.json: [1].slug "kultura" is used by another topic too; give each topic its own slug');
    expect(problems.some((p) => p.startsWith('content/articles/b.md: tags "київ" and "Київ" (in content/articles/a.md) would share the page /tehy/kyiv/'))).toBe(true);
  });

  it("reports a mistake in _data/topics.json once, not again as every article's unknown topic; the articles' own mistakes still", async () => {
    const files = {
      "content/articles/a.md": article({ title: "А", date: "2026-01-14", topic: "ekonomika" }),
      "content/articles/b.md": article({ title: "Б", date: "2026-01-14", topic: "kultura" }),
      "content/articles/c.md": article({ title: "В", date: "2026-13-45", topic: "kultura" }),
      "content/articles/d.md": article({ title: "Г", date: "2026-01-14" }),
    };
    const badSlug = makeSite({ ...files, "_data/topics.json": JSON.stringify([{ slug: "Ekonomika", title: "Економіка", description: "Гроші." }, { slug: "kultura", title: "Культура", description: "Книжки." }]) });
    expect(await problemsOf(badSlug)).toEqual([
      '_data/topics.json: [0].slug "Ekonomika" is not a URL slug; use lower-case Latin letters, digits and hyphens',
      'content/articles/c.md:3: date "2026-13-45" is not a date; write 2026-01-14, 2026-01-14 23:40 (Kyiv time) or 2026-01-14T23:40:00+02:00',
      "content/articles/d.md: topic is missing; write the slug of a topic in _data/topics.json",
    ]);
    const duplicate = makeSite({ ...files, "_data/topics.json": JSON.stringify([{ slug: "kultura", title: "Культура", description: "К." }, { slug: "kultura", title: "Ще", description: "Щ." }]) });
    expect((await problemsOf(duplicate)).filter((problem) => problem.includes("is not a topic"))).toEqual([]);
    const unreadable = makeSite({ ...files, "_data/topics.json": "[{" });
    expect((await problemsOf(unreadable)).filter((problem) => !problem.startsWith("content/articles/c.md") && !problem.startsWith("content/articles/d.md"))).toEqual([
      expect.stringMatching(/^_data\/topics\.json:1: is not valid JSON/),
    ]);
    const none = makeSite({ "content/articles/a.md": article({ title: "А", date: "2026-01-14", topic: "ekonomika" }), "_data/topics.json": "[]" });
    expect(await problemsOf(none)).toEqual(['content/articles/a.md:4: topic "ekonomika" is not a topic in _data/topics.json; _data/topics.json has no topics yet; add the article\'s topic there']);
  });

  it("takes site settings from the plugin's option over _data/site.json, or from the option alone", async () => {
    const dir = makeSite({ "content/articles/a.md": article({ title: "А", date: "2026-01-14", topic: "kultura" }) });
    const withOption = (site: Record<string, unknown>) =>
      loadSite(dir, { site });
    expect((await withOption({ title: "З опції" })).site.title).toBe("З опції");
    rmSync(join(dir, "_data/site.json"));
    expect((await withOption({ title: "Т", description: "О", url: "https://x.ua", author: "Р" })).site.url).toBe("https://x.ua");
    expect(await problemsOf(dir)).toEqual(["_data/site.json: is missing; create it with title, description, url and author (or give them in the plugin's site option)"]);
  });

  it("sees an edited file on the next load (the preview's cache goes by modification time and size)", async () => {
    const dir = makeSite({ "content/articles/a.md": article({ title: "Стара назва", date: "2026-01-14", topic: "kultura" }) });
    expect((await load(dir)).articles[0]!.title).toBe("Стара назва");
    writeFileSync(join(dir, "content/articles/a.md"), article({ title: "Нова назва", date: "2026-01-14", topic: "kultura" }));
    expect((await load(dir)).articles[0]!.title).toBe("Нова назва");
    writeFileSync(join(dir, "content/articles/a.md"), article({ title: "Нова назва", date: "2026-13-45", topic: "kultura" }));
    expect(await problemsOf(dir)).toEqual(['content/articles/a.md:3: date "2026-13-45" is not a date; write 2026-01-14, 2026-01-14 23:40 (Kyiv time) or 2026-01-14T23:40:00+02:00']);
  });

  it("refuses a slug field longer than the 80 characters slugify ever makes", async () => {
    const dir = makeSite({ "content/articles/a.md": article({ title: "А", date: "2026-01-14", topic: "kultura", slug: "a".repeat(81) }) });
    expect(await problemsOf(dir)).toEqual([`content/articles/a.md:5: slug "${"a".repeat(81)}" is longer than 80 characters; shorten it to the main words`]);
  });

  it("refuses a Kyiv time the clocks skip and years outside 1991–2100, in articles and videos, with the reason", async () => {
    const dir = makeSite({
      "content/articles/gap.md": article({ title: "Перехід", date: "2026-03-29 03:30", topic: "kultura" }),
      "content/articles/old.md": article({ title: "Стара", date: "1900-01-01", topic: "kultura" }),
      "content/articles/later.md": article({ title: "Пізніше", date: "2026-01-14", updated: "2206-01-14 10:00", topic: "kultura" }),
      "_data/videos.json": JSON.stringify([{ date: "0001-01-01", title: "Відео", youtube: "M7lc1UVf-VE" }]),
    });
    expect((await problemsOf(dir)).sort()).toEqual([
      '_data/videos.json: [0].date "0001-01-01" is outside the years strichka supports, 1991–2100; check the year',
      'content/articles/gap.md:3: date "2026-03-29 03:30" does not exist in Kyiv time: clocks moved from 03:00 to 04:00 that night; write 04:30 or give an offset',
      'content/articles/later.md:4: updated "2206-01-14 10:00" is outside the years strichka supports, 1991–2100; check the year',
      'content/articles/old.md:3: date "1900-01-01" is outside the years strichka supports, 1991–2100; check the year',
    ]);
  });

  it("keeps parsed articles in the cache it is given, and in no other: a plain load shares nothing", async () => {
    const dir = makeSite({ "content/articles/a.md": article({ title: "Перша", date: "2026-01-14", topic: "kultura" }) });
    const path = join(dir, "content/articles/a.md");
    // Whole seconds: the rewritten file gets exactly the same modification time back.
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    const preview = new ArticleCache();
    expect((await load(dir, false, preview)).articles[0]!.title).toBe("Перша");
    expect(preview.size).toBe(1);
    // Same size, same modification time: to a cache the file has not changed.
    writeFileSync(path, article({ title: "Друга", date: "2026-01-14", topic: "kultura" }));
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    expect((await load(dir, false, preview)).articles[0]!.title).toBe("Перша");
    expect((await load(dir, false, new ArticleCache())).articles[0]!.title).toBe("Друга");
    expect((await load(dir)).articles[0]!.title).toBe("Друга");
    preview.clear();
    expect((await load(dir, false, preview)).articles[0]!.title).toBe("Друга");
  });

  it("reads files with a BOM and CRLF line endings", async () => {
    const dir = makeSite({
      "content/articles/windows.md": "\uFEFF---\r\ntitle: Віндовс\r\ndate: 2026-01-14 10:00\r\ntopic: kultura\r\n---\r\nТекст.\r\n",
    });
    const site = await load(dir);
    expect(site.articles[0]!.title).toBe("Віндовс");
  });
});
