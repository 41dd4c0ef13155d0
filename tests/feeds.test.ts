// The thin layer over `feed` 6.0: each of its gaps, checked on the XML and JSON it writes.
import { describe, expect, it } from "vitest";
import { absolutizeUrls } from "../src/html-urls.js";
import { atomXml, createFeed, entryId, escapeHtml, jsonFeed, rssXml, stripNonXmlCharacters, type FeedEntry, type FeedSpec } from "../src/feeds.js";
import { atomSchemaErrors, readXml, strictXml } from "./helpers/html.js";

const NASTY = 'Заголовок <script>alert("x")</script> & ]]> \u0001\u0008\u000b\u001f кінець';

function entry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    id: entryId("https://news.example.ua/", "2026-01-14", "perehovory.md"),
    title: "Переговори в Женеві",
    url: "https://news.example.ua/novyny/2026/01/14/perehovory.html",
    published: new Date("2026-01-14T21:40:00Z"),
    updated: new Date("2026-01-14T21:40:00Z"),
    summary: "Коротко про головне.",
    contentHtml: '<p>Текст із <a href="/temy/viina/">посиланням</a> і <img src="../img/foto.jpg" alt="">.</p>\n',
    categories: [{ term: "perehovory", label: "Переговори", scheme: "https://news.example.ua/temy/" }],
    authorName: "Редакція",
    ...overrides,
  };
}

function spec(entries: FeedEntry[], overrides: Partial<FeedSpec> = {}): FeedSpec {
  return {
    id: "https://news.example.ua/",
    title: "Новини",
    subtitle: "Усе важливе",
    language: "uk",
    homeUrl: "https://news.example.ua/",
    atomUrl: "https://news.example.ua/feed.xml",
    rssUrl: "https://news.example.ua/rss.xml",
    jsonUrl: "https://news.example.ua/feed.json",
    authorName: "Редакція",
    entries,
    ...overrides,
  };
}

describe("Atom", () => {
  it("validates against RFC 4287 and carries xml:lang", async () => {
    const xml = atomXml(createFeed(spec([entry()])));
    expect(await atomSchemaErrors(xml)).toEqual([]);
    expect(readXml(xml).documentElement.getAttribute("xml:lang")).toBe("uk");
  });

  it("escapes plain-text titles and summaries for type=html, strips control characters, survives ]]>", async () => {
    const xml = atomXml(createFeed(spec([entry({ title: NASTY, summary: NASTY, contentHtml: `<p>${escapeHtml(NASTY)}</p>` })])));
    expect(await atomSchemaErrors(xml)).toEqual([]);
    const document = readXml(xml);
    const title = document.querySelector("entry > title")!;
    expect(title.getAttribute("type")).toBe("html");
    // What a reader gets after decoding the HTML is exactly the plain text, minus control characters.
    expect(title.textContent).toBe('Заголовок &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt;  кінець');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it("is checked by a validator that does reject a broken feed", async () => {
    const xml = atomXml(createFeed(spec([entry()]))).replace(/<id>tag:[^<]*<\/id>/, "");
    expect((await atomSchemaErrors(xml)).join("\n")).toMatch(/entry/);
  });

  it("escapes category labels, which feed 6.0 leaves half-escaped in attributes", async () => {
    const label = 'Тег <b> & "q" ]]>';
    const feedSpec = spec([entry({ categories: [{ term: "teh", label, scheme: "https://news.example.ua/tehy/" }] })]);
    const atom = atomXml(createFeed(feedSpec));
    expect(await atomSchemaErrors(atom)).toEqual([]);
    expect((await strictXml(atom)).getElementsByTagName("category")[0]!.getAttribute("label")).toBe(label);
    expect(readXml(rssXml(createFeed(feedSpec))).querySelector("item > category")!.textContent).toBe(label);
    const json = JSON.parse(jsonFeed(createFeed(feedSpec), feedSpec.entries)) as { items: { tags: string[] }[] };
    expect(json.items[0]!.tags).toEqual([label]);
  });

  it("makes relative URLs in content absolute", () => {
    const xml = atomXml(createFeed(spec([entry()])));
    const content = readXml(xml).querySelector("entry > content")!.textContent!;
    expect(content).toContain('href="https://news.example.ua/temy/viina/"');
    expect(content).toContain('src="https://news.example.ua/novyny/2026/01/img/foto.jpg"');
  });

  it("is dated by its newest entry, so the same content gives the same feed", () => {
    const entries = [entry(), entry({ id: "tag:news.example.ua,2026-01-15:b.md", updated: new Date("2026-01-15T08:00:00Z") })];
    const first = atomXml(createFeed(spec(entries)));
    expect(readXml(first).querySelector("feed > updated")!.textContent).toBe("2026-01-15T08:00:00.000Z");
    expect(atomXml(createFeed(spec(entries)))).toBe(first);
  });

  it("refuses an entry without id, and entries without any author", () => {
    expect(() => createFeed(spec([entry({ id: "" })]))).toThrow(/has no id/);
    expect(() => createFeed(spec([entry({ authorName: "" })], { authorName: "" }))).toThrow(/has no author/);
  });

  it("never writes enclosures", () => {
    expect(atomXml(createFeed(spec([entry()])))).not.toContain("enclosure");
  });

  it("gives entries permanent tag: ids", () => {
    expect(entryId("https://news.example.ua/news/", "2026-01-14", "2026/новина.md")).toBe("tag:news.example.ua,2026-01-14:2026/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B0.md");
  });
});

describe("RSS 2.0 and JSON Feed 1.1 from the same feed", () => {
  it("puts author names in dc:creator in RSS", () => {
    const xml = rssXml(createFeed(spec([entry()])));
    const document = readXml(xml);
    expect(document.querySelector("item > author")).toBeNull();
    expect(xml).toContain("<dc:creator>Редакція</dc:creator>");
    expect(document.querySelector("channel > language")!.textContent).toBe("uk");
  });

  it("writes JSON Feed 1.1 with plain-text titles", () => {
    const feedSpec = spec([entry({ title: NASTY })]);
    const json = JSON.parse(jsonFeed(createFeed(feedSpec), feedSpec.entries)) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.language).toBe("uk");
    expect(json.authors).toEqual([{ name: "Редакція" }]);
    expect(json.author).toBeUndefined();
    const [item] = json.items;
    expect(item!.title).toBe('Заголовок <script>alert("x")</script> & ]]>  кінець');
    expect(item!.authors).toEqual([{ name: "Редакція" }]);
    expect(item!.id).toBe(entry().id);
  });
});

describe("helpers", () => {
  it("strips what XML 1.0 does not allow, keeps the rest", () => {
    expect(stripNonXmlCharacters("a\u0000b\u0009c\u000ad\ud800e\ud83d\ude00")).toBe("ab\u0009c\u000ade\ud83d\ude00");
  });

  it("leaves absolute, mailto and fragment URLs alone", () => {
    const html = '<a href="https://x.ua/a">a</a><a href="mailto:r@x.ua">m</a><a href="#p">p</a>';
    expect(absolutizeUrls(html, "https://news.example.ua/a/b.html")).toBe(html);
  });
});
