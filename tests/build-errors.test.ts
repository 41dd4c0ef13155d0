// An editor's mistakes, each built for real: the build fails with exit code 1 and a
// message naming the file, the line where known and the field, with no stack trace; and
// the site that was there before stays exactly as it was.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { article, build, buildCommandInProcess, buildInProcess, listFiles, makeSite, tempDir, TOPICS_JSON } from "./helpers/site.js";

const GOOD = { "content/articles/dobra-novyna.md": article({ title: "Добра новина", date: "2026-01-14 10:00", topic: "kultura" }) };

/** `strichka build` in this process (the whole command), for the builds a test only sets up with. */
const publish = (dir: string, output = join(dir, "_site")) => buildCommandInProcess(dir, `--output=${output}`);

interface Case {
  what: string;
  files: Record<string, string | Buffer>;
  /** Every one of these must be in what the build says. */
  says: string[];
}

const cases: Case[] = [
  { what: "a missing title", files: { "content/articles/x.md": article({ date: "2026-01-14", topic: "kultura" }) }, says: ["content/articles/x.md: title is missing; write the headline"] },
  { what: "an empty title", files: { "content/articles/x.md": article({ title: '""', date: "2026-01-14", topic: "kultura" }) }, says: ["content/articles/x.md:2: title is empty; write the headline"] },
  { what: "a missing date", files: { "content/articles/x.md": article({ title: "Без дати", topic: "kultura" }) }, says: ["content/articles/x.md: date is missing; write 2026-01-14"] },
  { what: "an impossible date", files: { "content/articles/x.md": article({ title: "Дата", date: "2026-02-30", topic: "kultura" }) }, says: ['content/articles/x.md:3: date "2026-02-30" is not a date; write 2026-01-14, 2026-01-14 23:40 (Kyiv time) or 2026-01-14T23:40:00+02:00'] },
  { what: "a date in another format", files: { "content/articles/x.md": article({ title: "Дата", date: "14.01.2026", topic: "kultura" }) }, says: ['content/articles/x.md:3: date "14.01.2026" is not a date'] },
  { what: "an unknown topic", files: { "content/articles/x.md": article({ title: "Тема", date: "2026-01-14", topic: "sport" }) }, says: ['content/articles/x.md:4: topic "sport" is not a topic in _data/topics.json; use one of: ekonomika, kultura'] },
  { what: "a tag that is not a string", files: { "content/articles/x.md": article({ title: "Теги", date: "2026-01-14", topic: "kultura", tags: "[Київ, 2026]" }) }, says: ["content/articles/x.md:5: tags[1] 2026 is not text; put it in quotes"] },
  { what: "draft that is not true or false", files: { "content/articles/x.md": article({ title: "Чернетка", date: "2026-01-14", topic: "kultura", draft: "так" }) }, says: ['content/articles/x.md:5: draft "так" is not true or false'] },
  { what: "broken YAML", files: { "content/articles/x.md": "---\ntitle: Перший рядок\ntopic: [kultura\ndate: 2026-01-14\n---\nТекст" }, says: ["content/articles/x.md:", "front matter is not valid YAML", "check quotes, colons and indentation"] },
  { what: "an empty file", files: { "content/articles/x.md": "" }, says: ["content/articles/x.md: is empty; an article starts with front matter"] },
  { what: "a file without front matter", files: { "content/articles/x.md": "Просто текст" }, says: ["content/articles/x.md:1: has no front matter"] },
  { what: "a file that is not UTF-8", files: { "content/articles/x.md": Buffer.from("---\ntitle: \xcf\xf0\xe8\n---\n", "latin1") }, says: ["content/articles/x.md: is not valid UTF-8 text; save it as UTF-8"] },
  {
    what: "two articles with the same URL",
    files: { "content/articles/2026-01-14-odnakova.md": article({ title: "Однакова", date: "2026-01-14", topic: "kultura" }), "content/articles/odnakova.md": article({ title: "Інша", date: "2026-01-14 18:00", topic: "ekonomika" }) },
    says: ["content/articles/odnakova.md: gives the URL /novyny/2026/01/14/odnakova.html, which content/articles/2026-01-14-odnakova.md has too; rename one of the files or give it a slug field"],
  },
  {
    what: "a site's own copy of a template strichka no longer has (feeds/sitemaps.njk)",
    files: { "content/feeds/sitemaps.njk": "---\npermalink: /x.xml\n---\n{{ strichka | sitemapFileXml('/x.xml') | safe }}\n" },
    says: ["content/feeds/sitemaps.njk: strichka writes the sitemap files itself now", "delete this file"],
  },
  {
    what: "two topics with the same slug",
    files: { "_data/topics.json": JSON.stringify([...TOPICS_JSON, { slug: "kultura", title: "Ще культура", description: "д" }]) },
    says: ['_data/topics.json: [2].slug "kultura" is used by another topic too'],
  },
  {
    what: "two spellings of one tag",
    files: { "content/articles/a.md": article({ title: "А", date: "2026-01-14", topic: "kultura", tags: "[Київ]" }), "content/articles/b.md": article({ title: "Б", date: "2026-01-14", topic: "kultura", tags: "[КИЇВ]" }) },
    says: ['content/articles/b.md: tags "КИЇВ" and "Київ" (in content/articles/a.md) would share the page /tehy/kyiv/'],
  },
  {
    what: "a video with a bad date and id",
    files: { "_data/videos.json": JSON.stringify([{ date: "2026-14-01", title: "Відео", youtube: "https://youtu.be/x" }]) },
    says: ['_data/videos.json: [0].date "2026-14-01" is not a day; write 2026-01-14', '_data/videos.json: [0].youtube "https://youtu.be/x" is not a YouTube video id'],
  },
  { what: "data JSON that does not parse", files: { "_data/site.json": '{\n  "title": "Сайт",\n  "url": "https://x.ua"\n  "author": "Р"\n}' }, says: ["_data/site.json:4: is not valid JSON", "check commas, quotes and brackets"] },
  { what: "a site URL that is not absolute", files: { "_data/site.json": JSON.stringify({ title: "С", description: "О", url: "strichka.ua", author: "Р" }) }, says: ['_data/site.json: url "strichka.ua" is not an absolute http(s) URL'] },
  {
    what: "a script in the Markdown",
    files: { "content/articles/x.md": article({ title: "Скрипт", date: "2026-01-14", topic: "kultura" }, "Перший абзац.\n\n<script>alert(1)</script>\n") },
    says: ["content/articles/x.md:8: raw HTML: <script> is not allowed in articles"],
  },
  {
    what: "an event handler in raw HTML",
    files: { "content/articles/x.md": article({ title: "Обробник", date: "2026-01-14", topic: "kultura" }, 'Текст <img src="/a.jpg" onerror="alert(1)"> тут.\n') },
    says: ["content/articles/x.md:6: raw HTML: attribute onerror on <img> is not allowed (event handlers run code)"],
  },
  {
    what: "an image from another site",
    files: { "content/articles/x.md": article({ title: "Фото", date: "2026-01-14", topic: "kultura" }, "![Піксель](https://tracker.example/p.gif)\n") },
    says: ['content/articles/x.md:6: image "https://tracker.example/p.gif" is on another site'],
  },
  {
    what: "an empty heading",
    files: { "content/articles/x.md": article({ title: "Заголовки", date: "2026-01-14", topic: "kultura" }, "Абзац.\n\n## \n\nЩе абзац.\n") },
    says: ["content/articles/x.md:8: has an empty heading; write its text after the #, or delete the line"],
  },
  {
    what: "a control character in a title",
    files: { "content/articles/x.md": article({ title: '"Заголовок\\u0007"', date: "2026-01-14", topic: "kultura" }) },
    says: ["content/articles/x.md:2: title has an invisible control character (U+0007); delete it"],
  },
];

// Built by Eleventy in this process: what it prints is what `strichka build` prints, which
// then exits with 1 and leaves the published site alone (see "nothing is lost" below).
describe("a build with a mistake in the content", () => {
  for (const { what, files, says } of cases) {
    it(`fails for ${what}, saying where and what to do`, async () => {
      const result = await buildInProcess(makeSite({ ...GOOD, ...files }));
      const said = result.stdout + result.stderr;
      expect(result.contentError, said).toBeDefined();
      for (const part of says) expect(said).toContain(part);
      expect(said).toMatch(/\d+ problems? in the content; nothing was published/);
      expect(existsSync(result.output) ? listFiles(result.output) : [], "nothing is written").toEqual([]);
      expect(said).not.toMatch(/^\s+at /m);
      expect(said).not.toContain("stack trace");
    });
  }
});

describe("nothing is lost", () => {
  it("reports all mistakes of all files at once, and leaves the old _site exactly as it was", async () => {
    const dir = makeSite(GOOD);
    const output = join(dir, "_site");
    expect((await publish(dir, output)).status).toBe(0);
    const published = Object.fromEntries(listFiles(output).map((file) => [file, readFileSync(join(output, file), "utf8")]));
    writeFileSync(join(dir, "content/articles/no-title.md"), article({ date: "2026-01-14", topic: "kultura" }));
    writeFileSync(join(dir, "content/articles/bad-date.md"), article({ title: "Погана дата", date: "2026-13-45", topic: "kultura" }));
    writeFileSync(join(dir, "content/articles/bad-topic.md"), article({ title: "Невідома тема", date: "2026-01-14", topic: "sport" }));
    writeFileSync(join(dir, "_data/videos.json"), JSON.stringify([{ date: "2026-01-14", title: "В", youtube: "short" }]));

    const result = build(dir, output);
    expect(result.status).toBe(1);
    const said = result.stdout + result.stderr;
    expect(said).toContain("4 problems in the content; nothing was published");
    expect(said).toContain("content/articles/no-title.md: title is missing");
    expect(said).toContain('content/articles/bad-date.md:3: date "2026-13-45" is not a date');
    expect(said).toContain('content/articles/bad-topic.md:4: topic "sport" is not a topic');
    expect(said).toContain('_data/videos.json: [0].youtube "short" is not a YouTube video id');
    expect(said).not.toMatch(/^\s+at /m);

    expect(Object.fromEntries(listFiles(output).map((file) => [file, readFileSync(join(output, file), "utf8")]))).toEqual(published);
  });

  it("replaces the whole _site on success, so nothing stale stays published", async () => {
    const dir = makeSite({ ...GOOD, "content/articles/vydalena-novyna.md": article({ title: "Видалена новина", date: "2026-01-13 10:00", topic: "kultura" }) });
    const output = join(dir, "_site");
    expect((await publish(dir, output)).status).toBe(0);
    expect(listFiles(output)).toContain("novyny/2026/01/13/vydalena-novyna.html");
    rmSync(join(dir, "content/articles/vydalena-novyna.md"));

    const result = build(dir, output);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const files = listFiles(output);
    expect(files).not.toContain("novyny/2026/01/13/vydalena-novyna.html");
    expect(files).toContain("novyny/2026/01/14/dobra-novyna.html");
    // Beside _site/ stay its list of files, its page state, the parsed articles (and their related news), what is known of the photos and the site before it
    // (with its own), kept to build into next time; nothing else (staging folders are gone, deletions finish in the background).
    const leftovers = () => readdirSync(dir).filter((name) => name.startsWith("._site") && !["._site.files.json", "._site.pages.json", "._site.articles", "._site.articles.related", "._site.images.json", "._site.recycled", "._site.recycled.files.json", "._site.recycled.pages.json", "._site.folders.json", "._site.recycled.folders.json"].includes(name));
    for (let wait = 0; wait < 100 && leftovers().length > 0; wait++) await new Promise((done) => setTimeout(done, 100));
    expect(leftovers()).toEqual([]);
  });

  it("builds into the site before the published one (whatever a preview added there), and the result is file for file a fresh build's", async () => {
    const dir = makeSite({
      ...GOOD,
      "content/articles/old.md": article({ title: "Стара новина", date: "2026-01-10 10:00", topic: "ekonomika", tags: "[Архів]" }),
      "content/images/photo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
    });
    const output = join(dir, "_site");
    // Three builds: the third is the first to build into a recycled site (the first one's).
    expect((await publish(dir, output)).status).toBe(0);
    // Meanwhile the preview (`npm start`, which shows drafts) writes into the same _site/.
    mkdirSync(join(output, "novyny/2026/01/16"), { recursive: true });
    writeFileSync(join(output, "novyny/2026/01/16/chernetka.html"), "<p>чернетка</p>");
    writeFileSync(join(output, "index.html"), "<p>чернетка на головній</p>");
    expect((await publish(dir, output)).status).toBe(0);
    const leftovers = () => readdirSync(dir).filter((name) => name.startsWith("._site.") && !name.endsWith(".files.json") && name !== "._site.recycled");
    for (let wait = 0; wait < 100 && leftovers().length > 0; wait++) await new Promise((done) => setTimeout(done, 100));
    expect(readdirSync(dir)).toContain("._site.recycled");

    // Between the builds: an article, its topic's only article, its tag and an image go; one comes.
    rmSync(join(dir, "content/articles/old.md"));
    rmSync(join(dir, "content/images/photo.svg"));
    writeFileSync(join(dir, "content/articles/nova-novyna.md"), article({ title: "Нова новина", date: "2026-01-15 10:00", topic: "kultura" }));
    const third = build(dir, output);
    expect(third.status, third.stderr).toBe(0);

    const freshOutput = join(tempDir(), "_site");
    expect((await publish(dir, freshOutput)).status).toBe(0);
    expect(listFiles(output)).toEqual(listFiles(freshOutput));
    for (const file of listFiles(freshOutput)) {
      expect(readFileSync(join(output, file)).equals(readFileSync(join(freshOutput, file))), file).toBe(true);
    }
    expect(listFiles(output)).not.toContain("tehy/arkhiv/index.html");
    expect(listFiles(output)).toContain("novyny/2026/01/15/nova-novyna.html");
  });

  it("builds files with a BOM and Windows line endings like any other", async () => {
    const dir = makeSite({ "content/articles/vindovs.md": "\uFEFF---\r\ntitle: Віндовс\r\ndate: 2026-01-14 10:00\r\ntopic: kultura\r\n---\r\nПерший абзац.\r\n\r\nДругий абзац.\r\n" });
    const result = await buildInProcess(dir);
    expect(result.error, result.stderr).toBeUndefined();
    const html = readFileSync(join(result.output, "novyny/2026/01/14/vindovs.html"), "utf8");
    expect(html).toContain("<h1>Віндовс</h1>");
    expect(html).toContain("<p>Другий абзац.</p>");
    expect(html).not.toContain("\uFEFF");
    expect(html).not.toContain("title:");
  });
});
