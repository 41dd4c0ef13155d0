// Sitemaps by the protocol: the cutting and the news window as pure functions, the files
// of a loaded content model cut small, and real builds read with a strict XML parser and
// validated against a grammar of the protocol (tests/schemas/sitemaps.rng).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadNewsSite } from "../src/content/index.js";
import { toIsoWithOffset } from "../src/dates.js";
import { cutSitemap, NEWS_LIMITS, NEWS_NAMESPACE, newsSitemapXml, recentNews, SITEMAP_LIMITS, SITEMAP_NAMESPACE, sitemapXml, w3cDateTime, type SitemapEntry } from "../src/sitemap.js";
import { SiteSitemaps } from "../src/site-sitemaps.js";
import { article, buildInProcess, listFiles, makeSite, ROOT, sampleSite, SITE_JSON } from "./helpers/site.js";
import { isRedirectPage, strictXml } from "./helpers/html.js";

const ZONE = "Europe/Kyiv";
const GRAMMAR = readFileSync(join(ROOT, "tests/schemas/sitemaps.rng"), "utf8");

/** Validates a sitemap, sitemap index or news sitemap against the protocol's grammar; returns the errors. */
async function sitemapSchemaErrors(xml: string, fileName = "sitemap.xml"): Promise<string[]> {
  const { validateXML } = await import("xmllint-wasm");
  const result = await validateXML({ xml: [{ fileName, contents: xml }], schema: [{ fileName: "sitemaps.rng", contents: GRAMMAR }], extension: "relaxng" });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

const children = (parent: Element, name: string) => [...parent.childNodes].filter((node): node is Element => node.nodeType === 1 && (node as Element).localName === name);
const childText = (parent: Element, name: string) => children(parent, name)[0]?.textContent ?? undefined;
/** W3C datetime to the second, with an offset: 2026-01-14T23:40:00+02:00. */
const W3C_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

const entries = (count: number, from = 0): SitemapEntry[] =>
  Array.from({ length: count }, (_, index) => ({ url: `https://news.example.ua/novyny/${from + index}.html`, lastmod: new Date(Date.UTC(2026, 0, 1, 0, from + index)) }));

describe("cutting a sitemap into files", () => {
  it("cuts at the URL limit, in order, and nothing is lost", () => {
    const all = entries(7);
    const parts = cutSitemap(all, { urls: 3, bytes: SITEMAP_LIMITS.bytes });
    expect(parts.map((part) => part.length)).toEqual([3, 3, 1]);
    expect(parts.flat()).toEqual(all);
    expect(cutSitemap([])).toEqual([]);
    expect(cutSitemap(all)).toEqual([all]);
  });

  it("cuts at the byte limit, each file's XML within it", () => {
    const all = entries(10);
    const bytes = Buffer.byteLength(sitemapXml(all.slice(0, 4), ZONE));
    const parts = cutSitemap(all, { urls: 50_000, bytes });
    expect(parts.map((part) => part.length)).toEqual([4, 4, 2]);
    for (const part of parts) expect(Buffer.byteLength(sitemapXml(part, ZONE))).toBeLessThanOrEqual(bytes);
    // One byte less, and four no longer fit.
    expect(cutSitemap(all, { urls: 50_000, bytes: bytes - 1 })[0]).toHaveLength(3);
    expect(() => cutSitemap(all, { urls: 50_000, bytes: 100 })).toThrow(/alone is larger than 100 bytes/);
  });

  it("weighs every entry exactly: URLs with escapes and non-Latin letters, with and without lastmod, any year", () => {
    const url = fc.stringMatching(/^[a-zа-яї0-9&<>"'/?=.-]{0,40}$/).map((path) => `https://news.example.ua/${path}`);
    const lastmod = fc.option(fc.integer({ min: Date.parse("0000-01-02T00:00:00Z"), max: Date.parse("9999-12-30T00:00:00Z") }).map((ms) => new Date(ms)), { nil: undefined });
    const entry = fc.record({ url, lastmod }, { requiredKeys: ["url"] });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 3, maxLength: 8 }), fc.nat(), (all, pick) => {
        // The XML of the first `count` entries just fits, one byte less does not.
        const count = 2 + (pick % (all.length - 2));
        const bytes = Buffer.byteLength(sitemapXml(all.slice(0, count), ZONE));
        fc.pre(all.every((one) => Buffer.byteLength(sitemapXml([one], ZONE)) < bytes));
        expect(cutSitemap(all, { urls: 50_000, bytes })[0]).toHaveLength(count);
        expect(cutSitemap(all, { urls: 50_000, bytes: bytes - 1 })[0]).toHaveLength(count - 1);
      }),
      { numRuns: 500 },
    );
  });

  it("never moves an earlier cut when entries are appended", () => {
    const limits = { urls: 4, bytes: SITEMAP_LIMITS.bytes };
    const before = cutSitemap(entries(9), limits);
    const after = cutSitemap(entries(14), limits);
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
    expect(after[before.length - 1]!.slice(0, before.at(-1)!.length)).toEqual(before.at(-1));
  });

  it("writes absolute URLs escaped and lastmod as a W3C datetime with the zone's offset", async () => {
    const xml = sitemapXml([{ url: "https://news.example.ua/a?b=1&c=<2>", lastmod: new Date("2026-07-14T20:40:00Z") }, { url: "https://news.example.ua/" }], ZONE);
    expect(await sitemapSchemaErrors(xml)).toEqual([]);
    const url = children((await strictXml(xml)).documentElement, "url")[0]!;
    expect(childText(url, "loc")).toBe("https://news.example.ua/a?b=1&c=<2>");
    expect(childText(url, "lastmod")).toBe("2026-07-14T23:40:00+03:00");
  });
});

describe("lastmod and publication dates", () => {
  it("are written as the pages write them (toIsoWithOffset), on clock-change days too", () => {
    const zones = ["Europe/Kyiv", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "UTC"];
    const instant = fc.integer({ min: Date.UTC(1991, 0, 1), max: Date.UTC(2100, 11, 31) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (date, zone) => {
        expect(w3cDateTime(date, zone)).toBe(toIsoWithOffset(date, zone));
      }),
      { numRuns: 5000 },
    );
    // Every minute around Kyiv's spring and autumn changes of 2026 (01:00 UTC on 29 March and 25 October).
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
      for (let ms = change - 3_600_000; ms <= change + 3_600_000; ms += 60_000) expect(w3cDateTime(new Date(ms), ZONE)).toBe(toIsoWithOffset(new Date(ms), ZONE));
    }
    expect(w3cDateTime(new Date("2026-03-29T00:59:59Z"), ZONE)).toBe("2026-03-29T02:59:59+02:00");
    expect(w3cDateTime(new Date("2026-03-29T01:00:00Z"), ZONE)).toBe("2026-03-29T04:00:00+03:00");
    // Four-digit years only, which is what the protocol's W3C datetime has.
    expect(w3cDateTime(new Date("0001-01-01T12:00:00Z"), "UTC")).toBe("0001-01-01T12:00:00+00:00");
    expect(() => w3cDateTime(new Date("+010000-01-01T00:00:00Z"), ZONE)).toThrow(RangeError);
    expect(() => w3cDateTime(new Date("-000001-01-01T00:00:00Z"), ZONE)).toThrow(RangeError);
  });
});

describe("the news window (Google News: the last two days, at most 1,000)", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  const item = (title: string, date: Date, draft = false) => ({ title, date, draft });

  it("holds exactly the articles published in the 48 hours up to now, newest first, no drafts, nothing from the future", () => {
    const items = [
      item("майбутня", hoursAgo(-1)),
      item("щойно", hoursAgo(0)),
      item("чернетка", hoursAgo(1), true),
      item("вчора", hoursAgo(30)),
      item("годину тому", hoursAgo(1)),
      item("рівно дві доби", hoursAgo(48)),
      item("трохи старша", new Date(hoursAgo(48).getTime() - 1)),
      item("минулого тижня", hoursAgo(24 * 7)),
    ];
    expect(recentNews(items, now).map((news) => news.title)).toEqual(["щойно", "годину тому", "вчора", "рівно дві доби"]);
  });

  it("keeps the newest 1,000 of more", () => {
    const many = Array.from({ length: 1_500 }, (_, index) => item(`n${index}`, new Date(now.getTime() - index * 60_000)));
    const shuffled = [...many].sort((a, b) => a.title.localeCompare(b.title));
    const recent = recentNews(shuffled, now);
    expect(recent).toHaveLength(NEWS_LIMITS.count);
    expect(recent).toEqual(many.slice(0, 1_000));
  });

  it("is a valid news sitemap: publication name and language, date with offset, escaped title", async () => {
    const title = 'Тарифи «<знизять>» & "ні"';
    const xml = newsSitemapXml([{ url: "https://news.example.ua/novyny/2026/03/10/x.html", title, date: hoursAgo(2) }], { name: "Стрічка & Ко", language: "uk" }, ZONE);
    expect(await sitemapSchemaErrors(xml, "news-sitemap.xml")).toEqual([]);
    const document = await strictXml(xml);
    const news = document.getElementsByTagNameNS(NEWS_NAMESPACE, "news")[0]!;
    expect(childText(children(news, "publication")[0]!, "name")).toBe("Стрічка & Ко");
    expect(childText(children(news, "publication")[0]!, "language")).toBe("uk");
    expect(childText(news, "publication_date")).toBe("2026-03-10T12:00:00+02:00");
    expect(childText(news, "title")).toBe(title);
  });

  it("is checked by a grammar that does reject a broken sitemap", async () => {
    const good = newsSitemapXml([{ url: "https://news.example.ua/x.html", title: "Т", date: hoursAgo(2) }], { name: "С", language: "uk" }, ZONE);
    expect(await sitemapSchemaErrors(good.replace(/<news:language>uk<\/news:language>/, ""))).not.toEqual([]);
    expect(await sitemapSchemaErrors(good.replace("<news:title>Т</news:title>", ""))).not.toEqual([]);
    expect(await sitemapSchemaErrors(sitemapXml(entries(1), ZONE).replace("2026-01-01T02:00:00+02:00", "14 січня"))).not.toEqual([]);
    expect(await sitemapSchemaErrors(sitemapXml(entries(1), ZONE).replace(SITEMAP_NAMESPACE, "http://www.sitemaps.org/schemas/sitemap/0.8"))).not.toEqual([]);
  });
});

describe("a content model's sitemap files, cut small", () => {
  it("puts articles into their Kyiv month, oldest first, a big month in numbered parts; lists and pages apart", async () => {
    const files: Record<string, string> = {};
    // Kyiv months: 23:30 UTC on 31 January is already 1 February in Kyiv.
    const dates = ["2025-12-30 10:00", "2026-01-02 10:00", "2026-01-03 10:00", "2026-01-04 10:00", "2026-01-05 10:00", "2026-01-31T23:30:00Z"];
    dates.forEach((date, index) => (files[`content/articles/a${index}.md`] = article({ title: `Новина ${index}`, date, topic: "ekonomika" })));
    const dir = makeSite(files);
    const news = await loadNewsSite({ root: dir, inputDir: join(dir, "content"), articlesDir: join(dir, "content/articles"), dataDir: join(dir, "_data"), timeZone: ZONE, includeDrafts: false, relatedCount: 5, pageSize: 2 });
    const sitemaps = new SiteSitemaps(news, { urls: 3, bytes: SITEMAP_LIMITS.bytes });
    expect(sitemaps.files.map((file) => file.url)).toEqual([
      "/sitemaps/pages.xml",
      "/sitemaps/pages-2.xml",
      "/sitemaps/lists.xml",
      "/sitemaps/lists-2.xml",
      "/sitemaps/2026-02.xml",
      "/sitemaps/2026-01.xml",
      "/sitemaps/2026-01-2.xml",
      "/sitemaps/2025-12.xml",
    ]);
    const locs = async (url: string) => children((await strictXml(sitemaps.file(url))).documentElement, "url").map((element) => childText(element, "loc")!.replace("https://test.example.ua", ""));
    const slug = (index: number) => news.articles.find((one) => one.title === `Новина ${index}`)!.url;
    expect(await locs("/sitemaps/2026-01.xml")).toEqual([slug(1), slug(2), slug(3)]);
    expect(await locs("/sitemaps/2026-01-2.xml")).toEqual([slug(4)]);
    expect(await locs("/sitemaps/2026-02.xml")).toEqual([slug(5)]);
    expect(await locs("/sitemaps/pages.xml")).toEqual(["/", "/temy/", "/tehy/"]);
    expect(await locs("/sitemaps/pages-2.xml")).toEqual(["/arkhiv/", "/temy/ekonomika/", "/temy/kultura/"]);
    // Numbered pages in the order they were made: archive and topic page 1 by the 4th article, 2 by the 6th.
    expect([...(await locs("/sitemaps/lists.xml")), ...(await locs("/sitemaps/lists-2.xml"))]).toEqual(["/arkhiv/1/", "/temy/ekonomika/1/", "/arkhiv/2/", "/temy/ekonomika/2/"]);
    // Each file's lastmod is the latest of what it lists.
    const january = sitemaps.files.find((file) => file.url === "/sitemaps/2026-01.xml")!;
    expect(january.lastmod).toEqual(news.articles.find((one) => one.title === "Новина 3")!.date);
    expect(() => sitemaps.file("/sitemaps/2027-01.xml")).toThrow(/is not one of this site's sitemap files/);
  });

  it("makes a month far below the limits one file without cutting it, as cutting would", async () => {
    const files: Record<string, string> = {};
    ["2025-12-30 10:00", "2026-01-02 10:00", "2026-01-03 10:00", "2026-01-31T23:30:00Z"].forEach((date, index) => (files[`content/articles/a${index}.md`] = article({ title: `Новина ${index}`, date, topic: "ekonomika", ...(index === 1 && { updated: "2026-01-20 10:00" }) })));
    const dir = makeSite(files);
    const news = await loadNewsSite({ root: dir, inputDir: join(dir, "content"), articlesDir: join(dir, "content/articles"), dataDir: join(dir, "_data"), timeZone: ZONE, includeDrafts: false, relatedCount: 5, pageSize: 2 });
    const quick = new SiteSitemaps(news);
    // Bytes enough for any of these files, too few for the upper bound that lets a month go uncut.
    const largest = Math.max(...quick.files.map((file) => Buffer.byteLength(quick.file(file.url))));
    const cut = new SiteSitemaps(news, { urls: SITEMAP_LIMITS.urls, bytes: largest });
    expect(quick.files).toEqual(cut.files);
    for (const file of quick.files) {
      expect(quick.file(file.url)).toBe(cut.file(file.url));
      expect(quick.contentKey(file.url)).toBe(cut.contentKey(file.url));
    }
    // January's lastmod is its updated article's.
    expect(quick.files.find((file) => file.url === "/sitemaps/2026-01.xml")!.lastmod?.toISOString()).toBe("2026-01-20T08:00:00.000Z");
  });
});

/** Every sitemap of a built site, read from the index: file → its page URLs (site-relative). */
async function readSitemaps(output: string, siteUrl: string): Promise<{ files: string[]; pages: Map<string, string[]>; problems: string[] }> {
  const problems: string[] = [];
  const strip = (url: string) => (url.startsWith(siteUrl) ? url.slice(siteUrl.length) : (problems.push(`${url} is not under ${siteUrl}`), url));
  const index = await strictXml(readFileSync(join(output, "sitemap.xml"), "utf8"));
  if (index.documentElement.localName !== "sitemapindex" || index.documentElement.namespaceURI !== SITEMAP_NAMESPACE) problems.push("sitemap.xml is not a sitemap index");
  problems.push(...(await sitemapSchemaErrors(readFileSync(join(output, "sitemap.xml"), "utf8"))));
  const pages = new Map<string, string[]>();
  const files: string[] = [];
  for (const sitemap of children(index.documentElement, "sitemap")) {
    const file = strip(childText(sitemap, "loc")!);
    files.push(file);
    const xml = readFileSync(join(output, file), "utf8");
    problems.push(...(await sitemapSchemaErrors(xml, file)));
    const document = await strictXml(xml);
    if (document.documentElement.localName !== "urlset" || document.documentElement.namespaceURI !== SITEMAP_NAMESPACE) problems.push(`${file} is not a urlset`);
    const urls = children(document.documentElement, "url");
    if (urls.length > SITEMAP_LIMITS.urls || Buffer.byteLength(xml) > SITEMAP_LIMITS.bytes) problems.push(`${file} is too big`);
    const lastmods = urls.map((url) => childText(url, "lastmod") ?? "");
    for (const lastmod of lastmods) if (!W3C_WITH_OFFSET.test(lastmod)) problems.push(`${file}: lastmod "${lastmod}"`);
    const newest = lastmods.reduce((a, b) => (Date.parse(a) > Date.parse(b) ? a : b));
    if (Date.parse(childText(sitemap, "lastmod")!) !== Date.parse(newest)) problems.push(`${file}: the index says ${childText(sitemap, "lastmod")}, its newest is ${newest}`);
    pages.set(file, urls.map((url) => strip(childText(url, "loc")!)));
  }
  return { files, pages, problems };
}

/** The site's public HTML pages as URLs ("temy/x/" for "temy/x/index.html"): not those that ask not to be indexed (404, search, old addresses). */
const htmlPageUrls = (output: string) =>
  listFiles(output)
    .filter((file) => file.endsWith(".html") && !readFileSync(join(output, file), "utf8").includes('<meta name="robots" content="noindex">') && !isRedirectPage(join(output, file)))
    .map((file) => file.replace(/(^|\/)index\.html$/, "$1"));

function expectEachPageOnce(pages: Map<string, string[]>, output: string): void {
  const listed = [...pages.values()].flat();
  expect(listed.length).toBe(new Set(listed).size);
  expect(new Set(listed)).toEqual(new Set(htmlPageUrls(output)));
}

describe("the sample site's sitemaps", () => {
  let output: string;
  beforeAll(() => {
    const result = sampleSite();
    expect(result.status).toBe(0);
    output = result.output;
  });

  it("sitemap.xml indexes every sitemap file once, and they list every public page once, drafts in none", async () => {
    const { files, pages, problems } = await readSitemaps(output, "https://strichka.netlify.app/");
    expect(problems).toEqual([]);
    expect(files.length).toBe(new Set(files).size);
    expect(new Set(files)).toEqual(new Set(listFiles(join(output, "sitemaps")).map((file) => `sitemaps/${file}`)));
    expect(files).toEqual(["sitemaps/pages.xml", "sitemaps/2026-01.xml", "sitemaps/2025-12.xml"]);
    expectEachPageOnce(pages, output);
    // The sample site's draft (content/articles/likari-poperedzhaiut-pro-hryp.md) is in none.
    expect([...pages.values()].flat().filter((url) => url.includes("hryp"))).toEqual([]);
    expect(readFileSync(join(output, "robots.txt"), "utf8")).toContain("Sitemap: https://strichka.netlify.app/sitemap.xml\nSitemap: https://strichka.netlify.app/news-sitemap.xml\n");
  });

  it("has a news sitemap even with no news of the last two days: well-formed and empty", async () => {
    const document = await strictXml(readFileSync(join(output, "news-sitemap.xml"), "utf8"));
    expect(document.documentElement.localName).toBe("urlset");
    expect(document.documentElement.namespaceURI).toBe(SITEMAP_NAMESPACE);
    expect(document.documentElement.getAttribute("xmlns:news")).toBe(NEWS_NAMESPACE);
    expect(children(document.documentElement, "url")).toEqual([]);
  });
});

describe("a site under a sub-path, with news of the last two days and a month added", () => {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
  const siteUrl = "https://test.example.ua/news/";
  let dir: string;
  let output: string;

  beforeAll(async () => {
    const files: Record<string, string> = { "_data/site.json": JSON.stringify({ ...SITE_JSON, url: siteUrl }) };
    // 61 articles in November and December 2025, one a day: the archive has a numbered page.
    for (let n = 1; n <= 61; n++) {
      const day = new Date(Date.UTC(2025, 10, n)).toISOString().slice(0, 10);
      files[`content/articles/old${n}.md`] = article({ title: `Стара новина ${n}`, date: `${day} 12:00`, topic: n % 2 ? "ekonomika" : "kultura", tags: "[Київ]" });
    }
    // And news: the build's last two days, an older one, one not yet published, a draft.
    for (const [name, hours] of [["hour", 1], ["day", 25], ["almost-two", 47], ["three-days", 72], ["future", -3]] as const) {
      files[`content/articles/${name}.md`] = article({ title: `Новина ${name} & <co>`, date: hoursAgo(hours), topic: "kultura" });
    }
    files["content/articles/draft.md"] = article({ title: "Чернетка", date: hoursAgo(2), topic: "kultura", draft: "true" });
    dir = makeSite(files);
    const result = await buildInProcess(dir);
    expect(result.stderr).toBe("");
    expect(result.error).toBeUndefined();
    output = result.output;
  });

  it("lists every page once under the site's URL, the draft nowhere", async () => {
    const { files, pages, problems } = await readSitemaps(output, siteUrl);
    expect(problems).toEqual([]);
    expect(files).toContain("sitemaps/lists.xml");
    expect(files).toContain("sitemaps/2025-11.xml");
    expect(pages.get("sitemaps/lists.xml")).toEqual(["arkhiv/1/", "tehy/kyiv/1/"]);
    expectEachPageOnce(pages, output);
    for (const file of listFiles(output).filter((path) => path.endsWith(".xml"))) expect(readFileSync(join(output, file), "utf8"), file).not.toContain("chernetka");
    expect(readFileSync(join(output, "robots.txt"), "utf8")).toContain(`Sitemap: ${siteUrl}sitemap.xml\nSitemap: ${siteUrl}news-sitemap.xml\n`);
  });

  it("has a news sitemap of exactly the articles of the last two days, newest first", async () => {
    const xml = readFileSync(join(output, "news-sitemap.xml"), "utf8");
    expect(await sitemapSchemaErrors(xml, "news-sitemap.xml")).toEqual([]);
    const urls = children((await strictXml(xml)).documentElement, "url");
    const news = urls.map((url) => children(url, "news")[0]!);
    expect(news.map((entry) => childText(entry, "title"))).toEqual(["Новина hour & <co>", "Новина day & <co>", "Новина almost-two & <co>"]);
    expect(urls.map((url) => childText(url, "loc"))).toEqual(urls.map((url) => childText(url, "loc")).filter((loc) => loc!.startsWith(`${siteUrl}novyny/`)));
    for (const entry of news) {
      expect(childText(entry, "publication_date")).toMatch(W3C_WITH_OFFSET);
      const publication = children(entry, "publication")[0]!;
      expect([childText(publication, "name"), childText(publication, "language")]).toEqual([SITE_JSON.title, "uk"]);
    }
  });

  it("publishing an article in a new month leaves the other months' files and the full list pages' file byte for byte", async () => {
    const read = () => new Map(listFiles(join(output, "sitemaps")).map((file) => [file, readFileSync(join(output, "sitemaps", file), "utf8")]));
    const before = read();
    const index = readFileSync(join(output, "sitemap.xml"), "utf8");
    expect(before.has("2026-01.xml")).toBe(false);
    writeFileSync(join(dir, "content/articles/nova-novyna.md"), article({ title: "Нова новина", date: "2026-01-15 12:00", topic: "ekonomika" }));
    const rebuilt = await buildInProcess(dir);
    expect(rebuilt.error).toBeUndefined();
    const after = read();
    expect([...after.keys()].sort()).toEqual([...before.keys(), "2026-01.xml"].sort());
    for (const [file, xml] of before) if (file !== "pages.xml") expect(after.get(file), file).toBe(xml);
    expect(after.get("pages.xml")).not.toBe(before.get("pages.xml"));
    expect(after.get("2026-01.xml")).toContain(`${siteUrl}novyny/2026/01/15/nova-novyna.html`);
    expect(readFileSync(join(output, "sitemap.xml"), "utf8")).not.toBe(index);
    const { pages, problems } = await readSitemaps(output, siteUrl);
    expect(problems).toEqual([]);
    expectEachPageOnce(pages, output);
  });
});
