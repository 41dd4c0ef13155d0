// Permanent links (README, «Постійні адреси»): an article's URL comes from its file name (or
// slug field) and its Kyiv day, never from its headline; old addresses listed in `aliases`
// keep working (a redirect page and a 301 rule); and `strichka build`, with the previous
// build's state at hand, refuses to move a published page without an alias for it.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pinSlug } from "../src/pin-slugs.js";
import { slugFromFileName } from "../src/slug.js";
import { article, buildCommandInProcess, buildInProcess, listFiles, makeSite, ROOT, sampleSite, siteContents, strichkaInProcess, TOPICS_JSON } from "./helpers/site.js";
import { parseHtml } from "./helpers/html.js";

const STORY = (title: string, changes: Record<string, string> = {}) => article({ title, date: "2026-01-14 10:00", topic: "ekonomika", tags: "[Київ]", ...changes });

describe("slugFromFileName", () => {
  it("takes the file name without its date and .md, transliterated like a title", () => {
    expect(slugFromFileName("2026-11-26-nova-shkola-vidkrylasia-v-irpeni.md")).toBe("nova-shkola-vidkrylasia-v-irpeni");
    expect(slugFromFileName("content/articles/2026/01/perehovory.md")).toBe("perehovory");
    expect(slugFromFileName("Переговори у Женеві.md")).toBe("perehovory-u-zhenevi");
    expect(slugFromFileName("2026-01-14.md")).toBe("2026-01-14");
    expect(slugFromFileName("2026-01-14-.md")).toBe("");
    expect(slugFromFileName("«».md")).toBe("");
  });
});

describe("pinSlug (strichka pin-slugs)", () => {
  it("writes the slug the headline gave when the file name gives another, in the file's line endings", () => {
    const text = "---\ntitle: Гривня зміцнилася\ndate: 2026-01-14\n---\nТекст.\n";
    expect(pinSlug(text, "hryvnia.md")).toEqual({ text: "---\ntitle: Гривня зміцнилася\ndate: 2026-01-14\nslug: hryvnia-zmitsnylasia\n---\nТекст.\n", slug: "hryvnia-zmitsnylasia" });
    expect(pinSlug(text.replace(/\n/g, "\r\n"), "hryvnia.md")?.text).toBe("---\r\ntitle: Гривня зміцнилася\r\ndate: 2026-01-14\r\nslug: hryvnia-zmitsnylasia\r\n---\r\nТекст.\r\n");
  });

  it("leaves an article alone whose URL already stays: a matching file name, a slug field, no readable front matter", () => {
    expect(pinSlug("---\ntitle: Гривня зміцнилася\n---\n", "2026-01-14-hryvnia-zmitsnylasia.md")).toBeUndefined();
    expect(pinSlug("---\ntitle: Гривня зміцнилася\nslug: inshe\n---\n", "x.md")).toBeUndefined();
    expect(pinSlug("---\ntitle: [\n---\n", "x.md")).toBeUndefined();
    expect(pinSlug("Текст без front matter", "x.md")).toBeUndefined();
  });

  it("runs over a site's articles as `strichka pin-slugs`, after which the URLs are those the headlines gave", async () => {
    const dir = makeSite({ "content/articles/a.md": STORY("Гривня зміцнилася"), "content/articles/2026-01-14-kyiv.md": STORY("Київ") });
    const result = await strichkaInProcess(dir, "pin-slugs", `--config=${join(ROOT, "eleventy.config.ts")}`);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("content/articles/a.md: slug: hryvnia-zmitsnylasia");
    expect(result.stdout).toContain("Pinned the slug of 1 article(s)");
    expect(readFileSync(join(dir, "content/articles/2026-01-14-kyiv.md"), "utf8")).not.toContain("slug:");
    const build = await buildInProcess(dir);
    expect(build.error).toBeUndefined();
    expect(listFiles(build.output)).toEqual(expect.arrayContaining(["novyny/2026/01/14/hryvnia-zmitsnylasia.html", "novyny/2026/01/14/kyiv.html"]));
  });
});

describe("the sample site", () => {
  it("still has every file it had before URLs came from file names (tests/fixtures/sample-site-files.txt)", () => {
    const { status, output } = sampleSite();
    expect(status).toBe(0);
    const before = readFileSync(join(import.meta.dirname, "fixtures/sample-site-files.txt"), "utf8").split("\n").filter(Boolean);
    expect(before.length).toBeGreaterThan(80);
    const now = new Set(listFiles(output));
    expect(before.filter((file) => !now.has(file))).toEqual([]);
  });
});

describe("strichka build and URLs", () => {
  it("keeps the URL when the headline is edited, and changes only the files that show the headline", async () => {
    const dir = makeSite({
      "content/articles/2026-01-14-nova-shkola.md": STORY("Нова школа відкрилася в Ірпені"),
      "content/articles/b.md": STORY("Інша новина", { date: "2026-01-13 10:00" }),
    });
    expect((await buildCommandInProcess(dir)).status).toBe(0);
    const before = siteContents(join(dir, "_site"));
    expect([...before.keys()]).toContain("novyny/2026/01/14/nova-shkola.html");

    const file = join(dir, "content/articles/2026-01-14-nova-shkola.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Нова школа відкрилася в Ірпені", "Нова школа відкрилася в Ірпені та Бучі"));
    const result = await buildCommandInProcess(dir);
    expect(result.status, result.stderr).toBe(0);
    const after = siteContents(join(dir, "_site"));
    // The same files, and those that changed are those that show the headline.
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...after.keys()].filter((name) => after.get(name) !== before.get(name));
    expect(changed).toContain("novyny/2026/01/14/nova-shkola.html");
    for (const name of changed) expect(Buffer.from(after.get(name)!, "base64").toString("utf8"), name).toContain("Ірпені та Бучі");
  });

  it("publishes a redirect page and a 301 rule for each alias", async () => {
    const dir = makeSite({ "content/articles/2026-01-14-nova-shkola.md": STORY("Нова школа", { aliases: "[/novyny/2026/01/14/stara-nazva.html, /shkola/]" }) });
    const result = await buildCommandInProcess(dir);
    expect(result.status, result.stderr).toBe(0);
    const page = parseHtml(readFileSync(join(dir, "_site/novyny/2026/01/14/stara-nazva.html"), "utf8"));
    expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe("0; url=nova-shkola.html");
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://test.example.ua/novyny/2026/01/14/nova-shkola.html");
    expect(page.querySelector("main a")?.getAttribute("href")).toBe("nova-shkola.html");
    expect(page.querySelector("main a")?.textContent).toBe("Нова школа");
    const folder = parseHtml(readFileSync(join(dir, "_site/shkola/index.html"), "utf8"));
    expect(folder.querySelector("main a")?.getAttribute("href")).toBe("../novyny/2026/01/14/nova-shkola.html");
    const rules = readFileSync(join(dir, "_site/_redirects"), "utf8").split("\n").filter((line) => line && !line.startsWith("#"));
    expect(rules).toEqual(["/novyny/2026/01/14/stara-nazva.html /novyny/2026/01/14/nova-shkola.html 301!", "/shkola/ /novyny/2026/01/14/nova-shkola.html 301!"]);
    // Not pages of their own in the sitemaps.
    expect(readFileSync(join(dir, "_site/sitemaps/2026-01.xml"), "utf8")).not.toContain("stara-nazva");
  });

  it("fails for aliases and URLs that clash, naming both files, and for aliases that are not addresses inside the site", async () => {
    const dir = makeSite({
      "content/articles/a.md": STORY("А", { aliases: "[/novyny/2026/01/14/b.html]" }),
      "content/articles/b.md": STORY("Б"),
      "content/articles/c.md": STORY("В", { aliases: "[/stara/, /temy/ekonomika/, /novyny/2026/01/14/c.html, /poshuk/index.html]" }),
      "content/articles/d.md": STORY("Г", { aliases: "['https://news.example.ua/x.html', '/../x.html', '/%D0%BA.html', /stare.htm]" }),
      "content/articles/e.md": STORY("Ґ", { aliases: "[/stara/]" }),
      "content/articles/2026-01-14-b.md": STORY("Ще одна Б"),
    });
    const result = await buildInProcess(dir);
    const message = String(result.contentError?.message);
    expect(message).toContain('content/articles/a.md: aliases "/novyny/2026/01/14/b.html" is the URL of content/articles/2026-01-14-b.md too; an address can lead to one article only');
    expect(message).toContain('content/articles/c.md: aliases "/temy/ekonomika/" is a page of the site itself (home, lists, feeds or assets); remove it from aliases');
    expect(message).toContain('content/articles/c.md: aliases "/novyny/2026/01/14/c.html" is the article\'s own URL; remove it from aliases');
    expect(message).toContain('content/articles/e.md: aliases "/stara/" is an alias of content/articles/c.md too');
    expect(message).toContain('content/articles/d.md:6: aliases[0] "https://news.example.ua/x.html" is not an address inside the site; write the old address from the site root');
    expect(message).toContain('content/articles/d.md:6: aliases[1] "/../x.html" is not an address inside the site');
    expect(message).toContain('content/articles/d.md:6: aliases[2] "/%D0%BA.html" is not an address inside the site');
    expect(message).toContain('content/articles/d.md:6: aliases[3] "/stare.htm" is not an address inside the site');
    expect(message).toContain('content/articles/c.md: aliases "/poshuk/index.html" is a page of the site itself');
    expect(message).toContain("content/articles/b.md: gives the URL /novyny/2026/01/14/b.html, which content/articles/2026-01-14-b.md has too; rename one of the files or give it a slug field");
  });
});

describe("strichka build with the previous build's state", () => {
  it("refuses to move a published page without an alias, saying what to add, until the alias is there", async () => {
    const dir = makeSite({ "content/articles/2026-01-14-nova-shkola.md": STORY("Нова школа"), "content/articles/inshe.md": STORY("Інше") });
    expect((await buildCommandInProcess(dir)).status).toBe(0);
    const published = siteContents(join(dir, "_site"));
    const file = join(dir, "content/articles/2026-01-14-nova-shkola.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("2026-01-14 10:00", "2026-01-15 08:00"));

    const expected =
      "content/articles/2026-01-14-nova-shkola.md: date moves the published page /novyny/2026/01/14/nova-shkola.html to /novyny/2026/01/15/nova-shkola.html; links to the old address would break: keep the old date, or add the line aliases: [/novyny/2026/01/14/nova-shkola.html] to its front matter (the old address then redirects to the new one)";
    for (let attempt = 0; attempt < 2; attempt++) {
      // Every time, not only the first: the failed build did not take the new URL as published.
      const failed = await buildCommandInProcess(dir);
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain(expected);
      expect(siteContents(join(dir, "_site"))).toEqual(published);
    }

    writeFileSync(file, readFileSync(file, "utf8").replace("topic:", "aliases: [/novyny/2026/01/14/nova-shkola.html]\ntopic:"));
    const moved = await buildCommandInProcess(dir);
    expect(moved.status, moved.stderr).toBe(0);
    expect(listFiles(join(dir, "_site"))).toEqual(expect.arrayContaining(["novyny/2026/01/15/nova-shkola.html", "novyny/2026/01/14/nova-shkola.html"]));
    expect(readFileSync(join(dir, "_site/novyny/2026/01/14/nova-shkola.html"), "utf8")).toContain('http-equiv="refresh"');
  });

  it("still refuses the move when the same save had another mistake, or topics.json changed too", async () => {
    const dir = makeSite({ "content/articles/2026-01-14-nova-shkola.md": STORY("Нова школа") });
    expect((await buildCommandInProcess(dir)).status).toBe(0);
    const file = join(dir, "content/articles/2026-01-14-nova-shkola.md");
    const moved = readFileSync(file, "utf8").replace("2026-01-14 10:00", "2026-01-15 08:00");
    // A moved date and a topic typo: the typo fails the build; once it is fixed, the move is still refused.
    writeFileSync(file, moved.replace("topic: ekonomika", "topic: ekonomikka"));
    const typo = await buildCommandInProcess(dir);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('topic "ekonomikka" is not a topic');
    writeFileSync(file, moved);
    const fixed = await buildCommandInProcess(dir);
    expect(fixed.status).toBe(1);
    expect(fixed.stderr).toContain("date moves the published page /novyny/2026/01/14/nova-shkola.html to /novyny/2026/01/15/nova-shkola.html");
    // A new topic (which makes every article be checked against a new list) does not hide it either.
    writeFileSync(join(dir, "_data/topics.json"), JSON.stringify([...TOPICS_JSON, { slug: "sport", title: "Спорт", description: "Матчі." }]));
    const withTopic = await buildCommandInProcess(dir);
    expect(withTopic.status).toBe(1);
    expect(withTopic.stderr).toContain("date moves the published page /novyny/2026/01/14/nova-shkola.html");
  });

  it("refuses a renamed file that moves a published page, and lets a slug field keep the URL", async () => {
    const dir = makeSite({ "content/articles/nova-shkola.md": STORY("Нова школа") });
    expect((await buildCommandInProcess(dir)).status).toBe(0);
    renameSync(join(dir, "content/articles/nova-shkola.md"), join(dir, "content/articles/shkola.md"));
    const failed = await buildCommandInProcess(dir);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(
      "content/articles/shkola.md: is content/articles/nova-shkola.md renamed, which moves its published page /novyny/2026/01/14/nova-shkola.html to /novyny/2026/01/14/shkola.html; links to the old address would break: keep the old file name, or add the line aliases: [/novyny/2026/01/14/nova-shkola.html] to its front matter",
    );
    expect((await buildCommandInProcess(dir)).status).toBe(1);

    const file = join(dir, "content/articles/shkola.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("topic:", "slug: nova-shkola\ntopic:"));
    const kept = await buildCommandInProcess(dir);
    expect(kept.status, kept.stderr).toBe(0);
    expect(listFiles(join(dir, "_site")).filter((name) => name.startsWith("novyny/"))).toEqual(["novyny/2026/01/14/nova-shkola.html"]);
  });
});
