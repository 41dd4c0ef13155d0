import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { absolutizeUrls, rewriteUrls } from "../src/html-urls.js";
import { absoluteUrl, FIXED_URLS, relativePath, relativeUrl, urlToFile, UrlScheme } from "../src/urls.js";
import { ROOT, sampleSite } from "./helpers/site.js";
import { readHtml } from "./helpers/html.js";

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
    [{ tags: "/temy/" }, "topics, tags, archive and authors need folders of their own"],
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

describe("one source of truth for URLs", () => {
  it("the scheme has the site's fixed URLs; a topic's feed is the site feed's file in its folder", () => {
    const urls = new UrlScheme({ topics: "/topics/" });
    const { home, atom, rss, json, sitemap, newsSitemap, robots, redirects, search, serviceWorker, offline, notFound, icon, stylesheet, script, searchScript } = urls;
    expect({ home, atom, rss, json, sitemap, newsSitemap, robots, redirects, search, serviceWorker, offline, notFound, icon, stylesheet, script, searchScript }).toEqual(FIXED_URLS);
    expect(urls.topicFeed("ekonomika")).toBe("/topics/ekonomika/feed.xml");
  });

  it("our templates write no site URL by hand: every one comes from strichka.urls", () => {
    const templates = [
      ...readdirSync(join(ROOT, "_includes"), { recursive: true, encoding: "utf8" }).map((file) => join("_includes", file)),
      ...readdirSync(join(ROOT, "content"), { recursive: true, encoding: "utf8" }).map((file) => join("content", file)),
    ].filter((file) => file.endsWith(".njk"));
    expect(templates.length).toBeGreaterThan(10);
    const byHand: string[] = [];
    for (const file of templates) {
      readFileSync(join(ROOT, file), "utf8").split("\n").forEach((line, index) => {
        // A quoted site-root URL inside a tag (the stylesheet and scripts too: strichka.urls.stylesheet | assetUrl), or a literal permalink.
        const quoted = [...line.matchAll(/['"](\/[^'"]*)['"]/g)];
        const permalink = line.match(/^permalink:\s*["']?(\/[^"'{]*)["']?\s*$/);
        if (permalink) byHand.push(`${file}:${index + 1}: ${line.trim()}`);
        for (const match of quoted) byHand.push(`${file}:${index + 1}: ${match[1]}`);
      });
    }
    expect(byHand).toEqual([]);
  });

  it("a built site has its feeds, sitemap, robots and icon where the scheme says, and its pages link there", () => {
    const { output: site, status } = sampleSite();
    expect(status).toBe(0);
    for (const url of Object.values(FIXED_URLS)) expect(existsSync(join(site, urlToFile(url))), url).toBe(true);
    const home = readHtml(join(site, "index.html"));
    const target = (href: string | null | undefined) => "/" + resolve(site, href ?? "").slice(site.length + 1);
    expect(target(home.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute("href"))).toBe(FIXED_URLS.atom);
    expect(target(home.querySelector('link[rel="icon"]')?.getAttribute("href"))).toBe(FIXED_URLS.icon);
    const footer = [...home.querySelectorAll(".footer-links a")].map((link) => target(link.getAttribute("href")));
    for (const url of [FIXED_URLS.atom, FIXED_URLS.rss, FIXED_URLS.json]) expect(footer).toContain(url);
    expect(target(home.querySelector("a.logo")?.getAttribute("href"))).toBe(urlToFile(FIXED_URLS.home));
    expect(readFileSync(join(site, "robots.txt"), "utf8")).toContain(`Sitemap: https://strichka.netlify.app${FIXED_URLS.sitemap}`);
    const topic = readHtml(join(site, "temy/ekonomika/index.html"));
    const topicFeed = [...topic.querySelectorAll('link[rel="alternate"]')].map((link) => "/" + resolve(join(site, "temy/ekonomika"), link.getAttribute("href")!).slice(site.length + 1));
    expect(topicFeed).toContain(new UrlScheme().topicFeed("ekonomika"));
    expect(existsSync(join(site, dirname(urlToFile(new UrlScheme().topicFeed("ekonomika"))), "feed.xml"))).toBe(true);
  });
});
