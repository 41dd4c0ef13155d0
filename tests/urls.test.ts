import { posix } from "node:path";
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { absolutizeUrls, rewriteUrls } from "../src/html-urls.js";
import { absoluteUrl, relativePath, relativeUrl, urlToFile, UrlScheme } from "../src/urls.js";

describe("URLs", () => {
  it("puts articles under their Kyiv day", () => {
    const published = DateTime.fromISO("2026-01-14T23:40:00", { zone: "Europe/Kyiv" });
    expect(new UrlScheme().article(published, "novyna")).toBe("/novyny/2026/01/14/novyna.html");
    expect(new UrlScheme().topic("ekonomika")).toBe("/temy/ekonomika/");
    expect(urlToFile("/temy/ekonomika/")).toBe("/temy/ekonomika/index.html");
  });

  it("links between pages relatively, to real files", () => {
    expect(relativeUrl("/temy/ekonomika/", "/novyny/2026/01/14/x.html")).toBe("../../../../temy/ekonomika/index.html");
    expect(relativeUrl("/", "/novyny/2026/01/14/x.html")).toBe("../../../../index.html");
    expect(relativeUrl("/novyny/2026/01/14/y.html", "/")).toBe("novyny/2026/01/14/y.html");
    expect(relativeUrl("/novyny/2026/01/14/y.html", "/novyny/2026/01/14/x.html")).toBe("y.html");
    expect(relativeUrl("/assets/style.css", "/temy/ekonomika/")).toBe("../../assets/style.css");
    expect(relativeUrl("/temy/a/#top", "/temy/b/")).toBe("../a/index.html#top");
  });

  it("leaves absolute and relative URLs alone", () => {
    expect(relativeUrl("https://example.org/", "/x/")).toBe("https://example.org/");
    expect(relativeUrl("//cdn.example.org/a.js", "/x/")).toBe("//cdn.example.org/a.js");
    expect(relativeUrl("y.html", "/x/")).toBe("y.html");
  });

  it("makes absolute URLs under a base that may have a path", () => {
    expect(absoluteUrl("/temy/a/", "https://news.example.ua")).toBe("https://news.example.ua/temy/a/");
    expect(absoluteUrl("/temy/a/", "https://host.example/news/")).toBe("https://host.example/news/temy/a/");
    expect(absoluteUrl("https://other.example/x", "https://host.example/")).toBe("https://other.example/x");
  });
});

describe("URLs inside article HTML", () => {
  const html = '<p><a href="/temy/a/">a</a> <img src="/images/x.jpg" alt=""> <a href="https://x.ua/?a=1&amp;b=2">x</a></p>';

  it("become relative to the page, so they work from disk too", () => {
    expect(rewriteUrls(html, (url) => relativeUrl(url, "/novyny/2026/01/14/x.html"))).toBe(
      '<p><a href="../../../../temy/a/index.html">a</a> <img src="../../../../images/x.jpg" alt=""> <a href="https://x.ua/?a=1&amp;b=2">x</a></p>',
    );
  });

  it("become absolute for feeds", () => {
    expect(absolutizeUrls(html, "https://news.example.ua/novyny/x.html")).toBe(
      '<p><a href="https://news.example.ua/temy/a/">a</a> <img src="https://news.example.ua/images/x.jpg" alt=""> <a href="https://x.ua/?a=1&amp;b=2">x</a></p>',
    );
  });
});

describe("a site's own URL scheme", () => {
  const published = DateTime.fromISO("2026-01-14T23:40:00", { zone: "Europe/Kyiv" });

  it("places articles and lists where the site says", () => {
    const urls = new UrlScheme({ articles: "/news/{yyyy}/{MM}/{slug}/", topics: "/topics/", tags: "/tags/", archive: "/archive/" });
    expect(urls.article(published, "novyna")).toBe("/news/2026/01/novyna/");
    expect(urls.topic("ekonomika")).toBe("/topics/ekonomika/");
    expect(urls.topicFeed("ekonomika")).toBe("/topics/ekonomika/feed.xml");
    expect(urls.tag("kyiv")).toBe("/tags/kyiv/");
    expect(new UrlScheme().article(published, "novyna")).toBe("/novyny/2026/01/14/novyna.html");
  });

  it.each([
    [{ articles: "/news/{yyyy}/index.html" }, "must start with \"/\", contain {slug}"],
    [{ articles: "news/{slug}.html" }, "must start with \"/\""],
    [{ articles: "/news/{year}/{slug}.html" }, "use only {yyyy}, {MM}, {dd}, {slug}"],
    [{ topics: "/Теми/" }, 'topics "/Теми/" must be a folder'],
    [{ tags: "/temy/" }, "topics, tags and archive need folders of their own"],
  ])("refuses %j", (options, message) => {
    expect(() => new UrlScheme(options)).toThrow(message);
  });

  it("relativePath is posix.relative for any two absolute paths, clean or not", () => {
    const segment = fc.constantFrom("a", "b", "ab", "temy", "index.html", "x.html", ".", "..", "", ".well-known");
    const path = fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join("/")}`);
    fc.assert(
      fc.property(path, path, fc.boolean(), (from, to, slash) => {
        const fromDir = slash && !from.endsWith("/") ? `${from}/` : from;
        expect(relativePath(fromDir, to)).toBe(posix.relative(fromDir, to));
      }),
      { numRuns: 3000 },
    );
  });
});
