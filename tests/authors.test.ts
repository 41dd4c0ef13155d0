// Authors (_data/authors.json, `author:` in front matter): bylines, author pages paginated
// like topics with their own Atom feed, the authors index, JSON-LD Person, authors in every
// feed format, and the checks that name the file and field.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listSeparators } from "../src/plural.js";
import { article, buildCommandInProcess, buildInProcess, fullBuildContents, makeSite, siteContents } from "./helpers/site.js";
import { atomSchemaErrors, htmlValidationErrors, readHtml, readXml, strictXml } from "./helpers/html.js";

const AUTHORS = [
  { slug: "olena-koval", name: "Олена Коваль", role: "кореспондентка", bio: 'Пише про "гроші" й ціни.' },
  { slug: "petro-ivanenko", name: "Петро Іваненко" },
  { slug: "mariia-shevchenko", name: "Марія Шевченко", role: "редакторка" },
];

const story = (n: number, author?: string, changes: Record<string, string> = {}) =>
  article({ title: `Новина ${n}`, date: `2026-01-${String(10 + n).padStart(2, "0")} 10:00`, topic: n % 2 ? "ekonomika" : "kultura", ...(author && { author }), ...changes });

const FILES = {
  "_data/authors.json": JSON.stringify(AUTHORS),
  "content/articles/one.md": story(1, "olena-koval"),
  "content/articles/two.md": story(2, "[olena-koval, petro-ivanenko]"),
  "content/articles/three.md": story(3),
  "content/articles/four.md": story(4, "[mariia-shevchenko, petro-ivanenko, olena-koval]"),
};

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, " ").trim();

describe("listSeparators", () => {
  it("joins as Ukrainian does, by the platform's rules: «А і Б», «А, Б і В»", () => {
    expect(listSeparators(0)).toEqual([]);
    expect(listSeparators(1)).toEqual([""]);
    expect(listSeparators(2)).toEqual(["", " і "]);
    expect(listSeparators(3)).toEqual(["", ", ", " і "]);
  });
});

describe("authors", () => {
  it("bylines, author pages, the index, JSON-LD and feeds", async () => {
    const dir = makeSite(FILES);
    const result = await buildInProcess(dir);
    expect(result.error).toBeUndefined();
    const site = result.output;
    const page = (n: number) => readHtml(join(site, `novyny/2026/01/${10 + n}/${["", "one", "two", "three", "four"][n]}.html`));

    // Bylines under the headline, each name a link to the author's page.
    expect(text(page(1).querySelector(".byline"))).toBe("Автор: Олена Коваль");
    expect(text(page(2).querySelector(".byline"))).toBe("Автори: Олена Коваль і Петро Іваненко");
    expect(text(page(4).querySelector(".byline"))).toBe("Автори: Марія Шевченко, Петро Іваненко і Олена Коваль");
    expect(page(3).querySelector(".byline")).toBeNull();
    expect([...page(2).querySelectorAll(".byline a[rel=author]")].map((link) => link.getAttribute("href"))).toEqual([
      "../../../../avtory/olena-koval/index.html",
      "../../../../avtory/petro-ivanenko/index.html",
    ]);

    // JSON-LD: Persons with their pages; the newsroom without authors.
    const jsonLd = (document: Document) => JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!) as { author: unknown };
    expect(jsonLd(page(2)).author).toEqual([
      { "@type": "Person", name: "Олена Коваль", url: "https://test.example.ua/avtory/olena-koval/", jobTitle: "кореспондентка" },
      { "@type": "Person", name: "Петро Іваненко", url: "https://test.example.ua/avtory/petro-ivanenko/" },
    ]);
    expect(jsonLd(page(3)).author).toEqual({ "@type": "Organization", name: "Редакція" });

    // The author's page: name, role, bio, count, feed, exactly their articles.
    const olena = readHtml(join(site, "avtory/olena-koval/index.html"));
    expect(text(olena.querySelector("h1"))).toBe("Олена Коваль");
    expect(text(olena.querySelector(".list-description"))).toBe("кореспондентка");
    expect(text(olena.querySelector(".author-bio"))).toBe("Пише про «гроші» й ціни.");
    expect(text(olena.querySelector(".list-count"))).toBe("3 новини · Atom-стрічка автора");
    expect([...olena.querySelectorAll(".news-title")].map((link) => link.textContent)).toEqual(["Новина 4", "Новина 2", "Новина 1"]);
    expect(olena.querySelector('link[rel="alternate"][href="feed.xml"]')).not.toBeNull();
    expect(olena.querySelector(".author-intro img")).toBeNull();
    const petro = readHtml(join(site, "avtory/petro-ivanenko/index.html"));
    expect(petro.querySelector(".author-intro")).toBeNull();
    expect([...petro.querySelectorAll(".news-title")].map((link) => link.textContent)).toEqual(["Новина 4", "Новина 2"]);

    // The index, in the order of authors.json, with counts; every page's footer links to it.
    const index = readHtml(join(site, "avtory/index.html"));
    expect(text(index.querySelector("h1"))).toBe("Автори");
    expect([...index.querySelectorAll(".index-list li")].map((item) => text(item))).toEqual([
      "Олена Коваль 3 новини кореспондентка",
      "Петро Іваненко 2 новини",
      "Марія Шевченко 1 новина редакторка",
    ]);
    expect([...readHtml(join(site, "index.html")).querySelectorAll(".footer-links a")].map((link) => link.getAttribute("href"))).toContain("avtory/index.html");

    // The author's Atom feed: valid, their entries only, each with its authors and their pages.
    const feedXml = readFileSync(join(site, "avtory/petro-ivanenko/feed.xml"), "utf8");
    expect(await atomSchemaErrors(feedXml)).toEqual([]);
    const feed = readXml(feedXml);
    expect(feed.querySelector("feed > title")?.textContent).toBe("Петро Іваненко — Тестова стрічка");
    expect([...feed.querySelectorAll("entry > title")].map((title) => title.textContent)).toEqual(["Новина 4", "Новина 2"]);
    const authorsOf = (entry: Element) => [...entry.querySelectorAll("author")].map((author) => [author.querySelector("name")?.textContent, author.querySelector("uri")?.textContent ?? null]);
    expect(authorsOf(feed.querySelectorAll("entry")[1]!)).toEqual([
      ["Олена Коваль", "https://test.example.ua/avtory/olena-koval/"],
      ["Петро Іваненко", "https://test.example.ua/avtory/petro-ivanenko/"],
    ]);

    // The site's feeds: Atom (valid), RSS (dc:creator each) and JSON Feed (authors with url).
    const atomXml = readFileSync(join(site, "feed.xml"), "utf8");
    expect(await atomSchemaErrors(atomXml)).toEqual([]);
    const atom = readXml(atomXml);
    const entries = [...atom.querySelectorAll("entry")];
    expect(entries.map(authorsOf)).toEqual([
      [["Марія Шевченко", "https://test.example.ua/avtory/mariia-shevchenko/"], ["Петро Іваненко", "https://test.example.ua/avtory/petro-ivanenko/"], ["Олена Коваль", "https://test.example.ua/avtory/olena-koval/"]],
      [["Редакція", null]],
      [["Олена Коваль", "https://test.example.ua/avtory/olena-koval/"], ["Петро Іваненко", "https://test.example.ua/avtory/petro-ivanenko/"]],
      [["Олена Коваль", "https://test.example.ua/avtory/olena-koval/"]],
    ]);
    const rss = await strictXml(readFileSync(join(site, "rss.xml"), "utf8"));
    expect([...rss.getElementsByTagName("item")].map((item) => [...item.getElementsByTagName("dc:creator")].map((creator) => creator.textContent))).toEqual([
      ["Марія Шевченко", "Петро Іваненко", "Олена Коваль"],
      ["Редакція"],
      ["Олена Коваль", "Петро Іваненко"],
      ["Олена Коваль"],
    ]);
    const json = JSON.parse(readFileSync(join(site, "feed.json"), "utf8")) as { items: { authors: unknown[] }[] };
    expect(json.items[2]!.authors).toEqual([
      { name: "Олена Коваль", url: "https://test.example.ua/avtory/olena-koval/" },
      { name: "Петро Іваненко", url: "https://test.example.ua/avtory/petro-ivanenko/" },
    ]);
    expect(json.items[1]!.authors).toEqual([{ name: "Редакція" }]);

    // The sitemap's pages file lists the index and the authors' pages.
    const pages = readFileSync(join(site, "sitemaps/pages.xml"), "utf8");
    for (const url of ["/avtory/", "/avtory/olena-koval/", "/avtory/mariia-shevchenko/"]) expect(pages).toContain(`<loc>https://test.example.ua${url}</loc>`);

    for (const file of ["avtory/index.html", "avtory/olena-koval/index.html", "novyny/2026/01/14/four.html"]) {
      expect(await htmlValidationErrors(readFileSync(join(site, file), "utf8"), file)).toEqual([]);
    }
  });

  it("paginates an author's articles as a topic's: full numbered pages from the oldest, listed in the lists sitemap", async () => {
    const files: Record<string, string> = { "_data/authors.json": JSON.stringify(AUTHORS) };
    for (let n = 1; n <= 65; n++) {
      files[`content/articles/n${n}.md`] = article({ title: `Новина ${n}`, date: `2026-01-01 ${String(Math.floor(n / 60)).padStart(2, "0")}:${String(n % 60).padStart(2, "0")}`, topic: "ekonomika", author: "olena-koval" });
    }
    const result = await buildInProcess(makeSite(files));
    expect(result.error).toBeUndefined();
    const titles = (file: string) => [...readHtml(join(result.output, file)).querySelectorAll(".news-title")].map((link) => link.textContent);
    expect(titles("avtory/olena-koval/index.html")).toHaveLength(35);
    expect(titles("avtory/olena-koval/1/index.html")).toEqual(Array.from({ length: 30 }, (_, index) => `Новина ${30 - index}`));
    expect(existsSync(join(result.output, "avtory/olena-koval/2/index.html"))).toBe(false);
    expect(readFileSync(join(result.output, "sitemaps/lists.xml"), "utf8")).toContain("<loc>https://test.example.ua/avtory/olena-koval/1/</loc>");
  });

  it("shows an author's photo, a local file, relative to the page; a missing file fails with the field", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    const withPhoto = [{ ...AUTHORS[0], photo: "/images/avtory/olena-koval.svg" }, ...AUTHORS.slice(1)];
    const result = await buildInProcess(makeSite({ ...FILES, "_data/authors.json": JSON.stringify(withPhoto), "content/images/avtory/olena-koval.svg": svg }));
    expect(result.error).toBeUndefined();
    const image = readHtml(join(result.output, "avtory/olena-koval/index.html")).querySelector(".author-intro img.author-photo")!;
    expect(image.getAttribute("src")).toBe("../../images/avtory/olena-koval.svg");
    expect(image.getAttribute("alt")).toBe("Олена Коваль");
    expect(existsSync(join(result.output, "images/avtory/olena-koval.svg"))).toBe(true);

    const missing = await buildInProcess(makeSite({ ...FILES, "_data/authors.json": JSON.stringify(withPhoto) }));
    expect(missing.contentError?.message).toContain('_data/authors.json: [0].photo "/images/avtory/olena-koval.svg" is not a file in content/; put the photo at content/images/avtory/olena-koval.svg or correct the path');
  });

  it("a site without authors.json has no authors' pages, and every article is the newsroom's", async () => {
    const result = await buildInProcess(makeSite({ "content/articles/one.md": story(1) }));
    expect(result.error).toBeUndefined();
    expect(existsSync(join(result.output, "avtory"))).toBe(false);
    expect(readFileSync(join(result.output, "index.html"), "utf8")).not.toContain("avtory");
  });

  it("fails with every problem at once: unknown slugs (the known ones listed), bad values, bad authors.json", async () => {
    const wrongSlug = await buildInProcess(
      makeSite({
        "_data/authors.json": JSON.stringify(AUTHORS),
        "content/articles/one.md": story(1, "olena-kovall"),
        "content/articles/two.md": story(2, "[petro-ivanenko, Марія]"),
        "content/articles/three.md": story(3, "5"),
        "content/articles/four.md": story(4, "[]"),
      }),
    );
    const problems = wrongSlug.contentError?.message ?? "";
    expect(problems).toContain('content/articles/one.md: author "olena-kovall" is not an author in _data/authors.json; use one of: olena-koval, petro-ivanenko, mariia-shevchenko, or add the author to _data/authors.json');
    expect(problems).toContain('content/articles/two.md:5: author[1] "Марія" is not an author\'s slug; write author: olena-koval, or author: [olena-koval, petro-ivanenko] for several (slugs from _data/authors.json)');
    expect(problems).toContain("content/articles/three.md:5: author 5 is not an author's slug;");
    expect(problems).toContain("content/articles/four.md:5: author is an empty list;");

    const noFile = await buildInProcess(makeSite({ "content/articles/one.md": story(1, "olena-koval") }));
    expect(noFile.contentError?.message).toContain('content/articles/one.md: author "olena-koval" is not an author in _data/authors.json; _data/authors.json has no authors yet; add the author there (slug, name) or remove the field');

    const badData = await buildInProcess(
      makeSite({
        "_data/authors.json": JSON.stringify([{ slug: "olena-koval", name: "Олена" }, { slug: "olena-koval", name: "Інша" }, { slug: "Petro", name: "" }, { slug: "x", name: "Х", photo: "https://cdn.example.com/x.jpg" }]),
        "content/articles/one.md": story(1, "nobody"),
      }),
    );
    const dataProblems = badData.contentError?.message ?? "";
    expect(dataProblems).toContain('_data/authors.json: [2].slug "Petro" is not a URL slug');
    expect(dataProblems).toContain("_data/authors.json: [2].name is empty; write the author's name as the byline shows it");
    expect(dataProblems).toContain('_data/authors.json: [3].photo "https://cdn.example.com/x.jpg" is not a path in the site; put the photo in content/images/');
    // (The file's own problems first: an article's author is not checked against a broken list.)
    expect(dataProblems).not.toContain("nobody");
  });

  it("builds incrementally and in shards byte for byte as one full build", async () => {
    const dir = makeSite(FILES);
    for (let build = 0; build < 2; build++) expect((await buildCommandInProcess(dir)).status).toBe(0);
    // Another author for an article: its page, both authors' pages and feeds.
    writeFileSync(join(dir, "content/articles/three.md"), story(3, "mariia-shevchenko"));
    let result = await buildCommandInProcess(dir);
    expect(result.status, result.stderr).toBe(0);
    expect(siteContents(join(dir, "_site"))).toEqual(await fullBuildContents(dir));
    expect(readFileSync(join(dir, "_site/avtory/mariia-shevchenko/feed.xml"), "utf8")).toContain("Новина 3");
    // A role edited in authors.json.
    writeFileSync(join(dir, "_data/authors.json"), JSON.stringify(AUTHORS.map((author) => ({ ...author, role: `${author.name}: роль` }))));
    result = await buildCommandInProcess(dir);
    expect(result.status, result.stderr).toBe(0);
    expect(siteContents(join(dir, "_site"))).toEqual(await fullBuildContents(dir));
    // In shards (child processes): the same bytes.
    result = await buildCommandInProcess(dir, "--full", "--shard-pages=5", "--processes=2");
    expect(result.status, result.stderr).toBe(0);
    expect(siteContents(join(dir, "_site"))).toEqual(await fullBuildContents(dir));
  });
});
