// Lists, feeds and discovery on real builds: the sample site, and a generated site big
// enough to paginate.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { article, buildInProcess, listFiles, makeSite, sampleSite } from "./helpers/site.js";
import { atomSchemaErrors, isRedirectPage, readHtml, readXml } from "./helpers/html.js";

let site: string;
beforeAll(() => {
  const result = sampleSite();
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  site = result.output;
});

const text = (element: Element | null | undefined) => element?.textContent?.replace(/[ \t\r\n]+/g, " ").trim() ?? "";
const read = (path: string) => readFileSync(join(site, path), "utf8");
/** The site path a link on `page` leads to. */
const target = (root: string, page: string, href: string) => resolve(dirname(join(root, page)), href).slice(root.length + 1);
/** The sample site's pages (but those at articles' old addresses, which only send the reader on, and the editors' desk, admin/). */
const htmlPages = () => listFiles(site).filter((file) => file.endsWith(".html") && !file.startsWith("admin/") && !isRedirectPage(join(site, file)));

describe("topic and tag pages", () => {
  it("list exactly the articles that carry the topic or tag", () => {
    // What each article page says about itself…
    const byTag = new Map<string, Set<string>>();
    const byTopic = new Map<string, Set<string>>();
    for (const file of htmlPages().filter((path) => path.startsWith("novyny/"))) {
      const page = readHtml(join(site, file));
      const add = (map: Map<string, Set<string>>, key: string) => map.set(key, (map.get(key) ?? new Set()).add(file));
      add(byTopic, target(site, file, page.querySelector("a.topic-link")!.getAttribute("href")!));
      for (const link of page.querySelectorAll(".tags a")) add(byTag, target(site, file, link.getAttribute("href")!));
    }
    expect(byTag.size).toBeGreaterThan(10);
    // …is what the topic and tag pages list (one page each at 30 a page).
    for (const [listPath, expected] of [...byTopic, ...byTag]) {
      const page = readHtml(join(site, listPath));
      const listed = [...page.querySelectorAll(".news-title")].map((link) => target(site, listPath, link.getAttribute("href")!));
      expect(new Set(listed), listPath).toEqual(expected);
      expect(listed).toHaveLength(expected.size);
    }
    // And every tag on the tags index has its page.
    const index = readHtml(join(site, "tehy/index.html"));
    const indexed = [...index.querySelectorAll(".tag-cloud a")].map((link) => target(site, "tehy/index.html", link.getAttribute("href")!));
    expect(new Set(indexed)).toEqual(new Set(byTag.keys()));
  });

  it("offer the topic's own feed", () => {
    const page = readHtml(join(site, "temy/ekonomika/index.html"));
    const feeds = [...page.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')].map((link) => target(site, "temy/ekonomika/index.html", link.getAttribute("href")!));
    expect(feeds).toEqual(["feed.xml", "temy/ekonomika/feed.xml"]);
  });
});

describe("feeds", () => {
  const atomFeeds = () => listFiles(site).filter((file) => file.endsWith("feed.xml"));

  it("every Atom feed validates against RFC 4287 and follows the rules the schema cannot express", async () => {
    expect(atomFeeds()).toContain("feed.xml");
    expect(atomFeeds()).toContain("temy/perehovory/feed.xml");
    for (const file of atomFeeds()) {
      const xml = read(file);
      expect(await atomSchemaErrors(xml, file), file).toEqual([]);
      const feed = readXml(xml);
      const entries = [...feed.querySelectorAll("entry")];
      expect(entries.length, file).toBeGreaterThan(0);
      const feedHasAuthor = feed.querySelector("feed > author > name") !== null;
      const ids = entries.map((entry) => text(entry.querySelector("id")));
      expect(new Set(ids).size, `${file}: unique ids`).toBe(ids.length);
      for (const entry of entries) {
        expect(feedHasAuthor || entry.querySelector("author > name") !== null).toBe(true);
        const alternate = [...entry.querySelectorAll("link")].find((link) => (link.getAttribute("rel") ?? "alternate") === "alternate");
        expect(alternate?.getAttribute("href")).toMatch(/^https:\/\/strichka\.netlify\.app\/novyny\/.+\.html$/);
        expect(entry.querySelector("content")?.getAttribute("type")).toBe("html");
        expect(text(entry.querySelector("published"))).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      }
      expect(feed.documentElement.getAttribute("xml:lang")).toBe("uk");
      expect(feed.querySelector('feed > link[rel="self"]')?.getAttribute("href")).toBe(`https://strichka.netlify.app/${file}`);
    }
  });

  it("carries the newest 50 articles, newest first, topic and tags as categories", () => {
    const feed = readXml(read("feed.xml"));
    const entries = [...feed.querySelectorAll("entry")];
    const published = entries.map((entry) => Date.parse(text(entry.querySelector("published"))));
    expect([...published].sort((a, b) => b - a)).toEqual(published);
    expect(text(feed.querySelector("feed > updated"))).toBe(text(entries[0]!.querySelector("updated")));
    const geneva = entries.find((entry) => text(entry.querySelector("title")).startsWith("Переговори в Женеві"))!;
    const terms = [...geneva.querySelectorAll("category")].map((category) => category.getAttribute("term"));
    expect(terms).toEqual(["perehovory", "zheneva", "obmin-polonenymy", "ssha", "yes"]);
    expect(text(geneva.querySelector("summary"))).toContain("Після десяти годин консультацій");
    expect(text(geneva.querySelector("content"))).toContain("<p>Консультації в Женеві");
    // No «Відео дня» slot or block in feeds.
    expect(read("feed.xml")).not.toContain("strichka:video");
  });

  it("has RSS 2.0 and JSON Feed 1.1 versions with the same entries", () => {
    const atomIds = [...readXml(read("feed.xml")).querySelectorAll("entry > id")].map(text);
    const rss = readXml(read("rss.xml"));
    expect([...rss.querySelectorAll("item > guid")].map(text)).toEqual(atomIds.map(decodeURI));
    const json = JSON.parse(read("feed.json")) as { version: string; title: string; items: { id: string; url: string; title: string; content_html?: string }[] };
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.title).toBe("Стрічка");
    expect(json.items.map((item) => item.id)).toEqual(atomIds.map(decodeURI));
    for (const item of json.items) {
      expect(item.content_html).toBeTruthy();
      expect(item.url).toMatch(/^https:\/\//);
    }
  });

  it("is announced on every page", () => {
    for (const file of htmlPages()) {
      const link = readHtml(join(site, file)).querySelector('link[rel="alternate"][type="application/atom+xml"]');
      expect(link, file).not.toBeNull();
    }
  });
});

describe("discovery", () => {
  it("robots.txt points at the sitemap index and the news sitemap (tests/sitemaps.test.ts checks the sitemaps)", () => {
    expect(read("robots.txt")).toContain("Sitemap: https://strichka.netlify.app/sitemap.xml\nSitemap: https://strichka.netlify.app/news-sitemap.xml\n");
  });

  it("describes an article with canonical URL, Open Graph and NewsArticle JSON-LD", () => {
    const file = "novyny/2026/01/14/perehovory-v-zhenevi-delehatsii-domovylysia-pro-druhyi-raund-i-obmin-polonenymy.html";
    const page = readHtml(join(site, file));
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe(`https://strichka.netlify.app/${file}`);
    expect(page.querySelector('meta[property="og:type"]')!.getAttribute("content")).toBe("article");
    expect(page.querySelector('meta[property="og:title"]')!.getAttribute("content")).toBe(text(page.querySelector("h1")));
    const data = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<string, unknown>;
    expect(data).toMatchObject({
      "@type": "NewsArticle",
      headline: text(page.querySelector("h1")),
      datePublished: "2026-01-14T23:40:00+02:00",
      dateModified: "2026-01-14T23:40:00+02:00",
      articleSection: "Переговори щодо війни в Україні",
      keywords: ["Женева", "обмін полоненими", "США", "ЄС"],
      author: [
        { "@type": "Person", name: "Петро Іваненко", url: "https://strichka.netlify.app/avtory/petro-ivanenko/", jobTitle: "військовий та дипломатичний оглядач" },
        { "@type": "Person", name: "Олена Коваль", url: "https://strichka.netlify.app/avtory/olena-koval/", jobTitle: "кореспондентка з питань економіки" },
      ],
      publisher: { "@type": "NewsMediaOrganization", name: "Стрічка" },
    });
  });

  it("has a Ukrainian 404 page whose links work at any URL", () => {
    const page = readHtml(join(site, "404.html"));
    expect(text(page.querySelector("h1"))).toBe("Сторінку не знайдено");
    for (const link of page.querySelectorAll("a[href]")) {
      const href = link.getAttribute("href")!;
      if (href.startsWith("#")) continue;
      expect(href).toMatch(/^\//);
    }
  });
});

describe("a site with many articles", () => {
  let dir: string;
  let output: string;
  const titleOf = (n: number) => `Новина номер ${n}`;

  beforeAll(async () => {
    const files: Record<string, string> = {};
    // 65 articles, one a day at 12:00 Kyiv, oldest first: 2026-01-01 … 2026-03-06.
    for (let n = 1; n <= 65; n++) {
      const day = new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10);
      files[`content/articles/n${n}.md`] = article({ title: titleOf(n), date: `${day} 12:00`, topic: n % 2 ? "ekonomika" : "kultura", tags: n % 3 ? "[Київ]" : "[Київ, Львів]" });
    }
    files["content/articles/draft.md"] = article({ title: "Секретна чернетка", date: "2026-03-07", topic: "kultura", tags: "[Київ]", draft: "true" });
    dir = makeSite(files);
    const result = await buildInProcess(dir);
    expect(result.stderr).toBe("");
    expect(result.error).toBeUndefined();
    output = result.output;
  });

  it("paginates the archive from the oldest: the first page shows the newest, full pages of 30 keep their URLs", () => {
    const pages = ["arkhiv/index.html", "arkhiv/1/index.html"];
    expect(listFiles(output).filter((file) => file.startsWith("arkhiv/"))).toEqual([...pages].sort());
    const titles = pages.map((file) => [...readHtml(join(output, file)).querySelectorAll(".news-title")].map(text));
    expect(titles.map((list) => list.length)).toEqual([35, 30]);
    expect(titles[0]![0]).toBe(titleOf(65));
    expect(titles[0]!.at(-1)).toBe(titleOf(31));
    expect(titles[1]).toEqual(Array.from({ length: 30 }, (_, index) => titleOf(30 - index)));
    const first = readHtml(join(output, "arkhiv/index.html")).querySelector("nav.pagination")!;
    // Older on the left (rel=prev), newer on the right (rel=next), as the page numbers run.
    expect(first.querySelector('[rel="next"]')).toBeNull();
    expect(text(first.querySelector('[rel="prev"]'))).toBe("← Старіші");
    expect(target(output, "arkhiv/index.html", first.querySelector('[rel="prev"]')!.getAttribute("href")!)).toBe("arkhiv/1/index.html");
    expect([...first.querySelectorAll("ol a")].map(text)).toEqual(["1", "Найновіші"]);
    expect(text(first.querySelector('[aria-current="page"]'))).toBe("Найновіші");
    const oldest = readHtml(join(output, "arkhiv/1/index.html"));
    const nav = oldest.querySelector("nav.pagination")!;
    expect(text(nav.querySelector('[rel="next"]'))).toBe("Новіші →");
    expect(target(output, "arkhiv/1/index.html", nav.querySelector('[rel="next"]')!.getAttribute("href")!)).toBe("arkhiv/index.html");
    expect(nav.querySelector('[rel="prev"]')).toBeNull();
    expect(text(nav.querySelector('[aria-current="page"]'))).toBe("1");
    expect(text(oldest.querySelector("h1"))).toContain("сторінка 1");
  });

  it("paginates topics and tags the same way, and counts in Ukrainian on the first page", () => {
    const count = (file: string) => readHtml(join(output, file)).querySelectorAll(".news-title").length;
    expect(count("temy/ekonomika/index.html")).toBe(33);
    expect(existsSync(join(output, "temy/ekonomika/1/index.html"))).toBe(false);
    expect(text(readHtml(join(output, "temy/ekonomika/index.html")).querySelector(".list-count"))).toMatch(/^33 новини/);
    expect([count("tehy/kyiv/index.html"), count("tehy/kyiv/1/index.html")]).toEqual([35, 30]);
    expect(count("tehy/lviv/index.html")).toBe(21);
    const tagIndex = readHtml(join(output, "tehy/index.html"));
    expect([...tagIndex.querySelectorAll(".tag-cloud li")].map(text)).toEqual(["Київ 65 новин", "Львів 21 новина"]);
  });

  it("shows the latest 50 on the home page and keeps drafts out of everything", () => {
    expect(readHtml(join(output, "index.html")).querySelectorAll(".news-title")).toHaveLength(50);
    for (const file of listFiles(output)) expect(readFileSync(join(output, file), "utf8"), file).not.toContain("Секретна чернетка");
  });

  it("keeps feed entry ids when the URL changes (a new slug)", async () => {
    const entries = (xml: string) =>
      new Map([...readXml(xml).querySelectorAll("entry")].map((entry) => [text(entry.querySelector("id")), entry.querySelector("link")!.getAttribute("href")]));
    const before = entries(readFileSync(join(output, "feed.xml"), "utf8"));
    writeFileSync(join(dir, "content/articles/n65.md"), article({ title: "Зовсім новий заголовок", date: "2026-03-06 12:00", topic: "ekonomika", tags: "[Київ]", slug: "zovsim-nova-adresa" }));
    const rebuilt = await buildInProcess(dir);
    expect(rebuilt.error).toBeUndefined();
    const after = entries(readFileSync(join(output, "feed.xml"), "utf8"));
    expect([...after.keys()]).toEqual([...before.keys()]);
    const id = "tag:test.example.ua,2026-03-06:n65.md";
    expect(before.get(id)).toBe("https://test.example.ua/novyny/2026/03/06/n65.html");
    expect(after.get(id)).toBe("https://test.example.ua/novyny/2026/03/06/zovsim-nova-adresa.html");
  });
});
