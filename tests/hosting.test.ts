// Readable anywhere: on a static host under a sub-path, with Netlify's configuration,
// within the reader's performance budget.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "smol-toml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FINGERPRINTED_DIR } from "../src/assets.js";
import { UrlScheme } from "../src/urls.js";
import { listFiles, ROOT, sampleSite } from "./helpers/site.js";
import { isRedirectPage, parseHtml, readHtml } from "./helpers/html.js";
import { matchesNetlifyPath, netlifyHeaderRules, serveSite, type HeaderRule, type StaticServer } from "./helpers/hosting.js";

let site: string;
let server: StaticServer;
let rules: HeaderRule[];

beforeAll(async () => {
  const result = sampleSite();
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  site = result.output;
  rules = await netlifyHeaderRules();
  server = await serveSite(site, "/news/", rules);
});
afterAll(() => server?.close());

const CLASSIC = "novyny/2026/01/14/perehovory-v-zhenevi-delehatsii-domovylysia-pro-druhyi-raund-i-obmin-polonenymy.html";

describe("netlify.toml", () => {
  // Its paths are written out (Netlify reads it before a build): these are the sample site's URLs, from src/urls.ts.
  const urls = new UrlScheme();
  const config = parse(readFileSync(join(ROOT, "netlify.toml"), "utf8")) as {
    build: { command: string; publish: string; environment: Record<string, string> };
    redirects: { from: string; to: string; status: number }[];
  };
  const headersFor = (path: string) => Object.assign({}, ...rules.filter((rule) => matchesNetlifyPath(rule.for, path)).map((rule) => rule.values)) as Record<string, string>;

  it("builds and publishes what the README says, on Node 22", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(config.build.command).toBe("npm run build");
    expect(readme).toContain("npm ci && npm run build");
    expect(config.build.publish).toBe("_site");
    expect(config.build.environment.NODE_VERSION).toBe("22");
    expect(config.redirects).toContainEqual({ from: "/*", to: urls.notFound, status: 404 });
  });

  it("sends a CSP that allows only what the pages use, and the security headers", () => {
    const headers = headersFor("/index.html");
    const csp = Object.fromEntries(headers["Content-Security-Policy"]!.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(csp["default-src"]).toEqual(["'none'"]);
    expect(csp["script-src"]).toEqual(["'self'"]);
    expect(csp["style-src"]).toEqual(["'self'"]);
    expect(csp["frame-src"]).toEqual(["https://www.youtube-nocookie.com"]);
    expect(headers["Content-Security-Policy"]).not.toContain("unsafe-inline");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
  });

  it("caches fingerprinted assets for a year and feeds briefly, with feed types", () => {
    const css = listFiles(site).find((file) => `/${file}`.startsWith(FINGERPRINTED_DIR) && /\/style\.[0-9a-f]{10}\.css$/.test(file));
    expect(css).toBeDefined();
    expect(headersFor(`/${css}`)["Cache-Control"]).toBe("public, max-age=31536000, immutable");
    expect(headersFor("/index.html")["Cache-Control"]).toBeUndefined(); // Netlify's default: max-age=0, must-revalidate
    expect(headersFor(urls.atom)["Content-Type"]).toBe("application/atom+xml; charset=utf-8");
    expect(headersFor(urls.topicFeed("ekonomika"))["Content-Type"]).toBe("application/atom+xml; charset=utf-8");
    expect(headersFor(urls.authorFeed("olena-koval"))["Content-Type"]).toBe("application/atom+xml; charset=utf-8");
    expect(headersFor(urls.rss)["Content-Type"]).toBe("application/rss+xml; charset=utf-8");
    expect(headersFor(urls.json)["Content-Type"]).toBe("application/feed+json; charset=utf-8");
    for (const path of [urls.atom, urls.rss, urls.json]) expect(headersFor(path)["Cache-Control"]).toBe("public, max-age=300");
  });
});

describe("served over http from a sub-path", () => {
  it("every link, stylesheet, script and image of every page answers 200", async () => {
    const seen = new Map<string, number>();
    const queue = [server.url];
    const problems: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      const response = await fetch(url);
      seen.set(url, response.status);
      if (response.status !== 200) {
        problems.push(`${response.status} ${url}`);
        continue;
      }
      if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) continue;
      const document = parseHtml(await response.text());
      for (const element of document.querySelectorAll("a[href], link[href], script[src], img[src]")) {
        const target = new URL(element.getAttribute("href") ?? element.getAttribute("src")!, url);
        target.hash = "";
        if (target.origin === new URL(server.url).origin && !seen.has(target.href)) queue.push(target.href);
      }
    }
    expect(problems).toEqual([]);
    // Every page of the site was reached by following links from the home page (but those
    // nothing links to by design: the 404 and offline pages, the pages at old addresses).
    const pages = listFiles(site).filter((file) => file.endsWith(".html") && file !== "404.html" && file !== "offline.html" && !file.startsWith("admin/") && !isRedirectPage(join(site, file)));
    const reached = new Set([...seen.keys()].map((url) => new URL(url).pathname.slice("/news/".length)));
    for (const page of pages) expect(reached.has(page) || reached.has(page.replace(/index\.html$/, "")), page).toBe(true);
  });

  it("answers a missing page with the Ukrainian 404 page, whose links work there", async () => {
    const response = await fetch(`${server.url}nema/takoi/storinky`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Сторінку не знайдено");
  });
});

describe("the reader's budget", () => {
  const gzipped = (path: string) => gzipSync(readFileSync(join(site, path))).length;

  it("an article page with its CSS is under 14 KB compressed (one round trip)", () => {
    const page = readHtml(join(site, CLASSIC));
    const css = page.querySelector('link[rel="stylesheet"]')!.getAttribute("href")!;
    const total = gzipped(CLASSIC) + gzipped(join("novyny/2026/01/14", css));
    expect(total).toBeLessThan(14 * 1024);
  });

  it("requests nothing from other hosts, and blocks rendering only on the one stylesheet", () => {
    // (Reader pages: the editors' desk, admin/, loads Decap CMS from the site itself, see admin.test.ts.)
    for (const file of listFiles(site).filter((path) => path.endsWith(".html") && !path.startsWith("admin/"))) {
      const page = readHtml(join(site, file));
      for (const element of page.querySelectorAll("link[rel=stylesheet], script[src], img[src], iframe, video, audio, source")) {
        const url = element.getAttribute("href") ?? element.getAttribute("src") ?? "";
        expect(url, `${file}: ${element.outerHTML}`).not.toMatch(/^(https?:)?\/\//);
      }
      expect(page.querySelectorAll("link[rel=stylesheet]"), file).toHaveLength(1);
      for (const script of page.querySelectorAll("script[src]")) expect(script.hasAttribute("defer"), file).toBe(true);
      expect(page.querySelectorAll("script:not([src]):not([type='application/ld+json'])"), file).toHaveLength(0);
      expect(page.querySelectorAll("[style], [onclick], [onload]"), file).toHaveLength(0);
    }
  });

  it("uses no web fonts", () => {
    const css = listFiles(site).filter((file) => file.endsWith(".css")).map((file) => readFileSync(join(site, file), "utf8")).join("\n");
    expect(css).not.toMatch(/@font-face|@import|url\(\s*["']?https?:/);
  });
});
