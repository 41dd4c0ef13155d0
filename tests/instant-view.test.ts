// Telegram Instant View (docs/telegram-instant-view.md): the sample site's article pages have
// one <article> and the og:/article: meta a template reads, and the rules file names only
// classes and meta tags the pages have. (Telegram's service is not reachable from here: the
// rules themselves are not run.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { article, buildInProcess, listFiles, makeSite, ROOT, sampleSite } from "./helpers/site.js";
import { readHtml } from "./helpers/html.js";

const CLASSIC = "novyny/2026/01/14/perehovory-v-zhenevi-delehatsii-domovylysia-pro-druhyi-raund-i-obmin-polonenymy.html";
const LIVE = "novyny/2026/01/14/perehovory-u-zhenevi-nazhyvo.html";
const RULES = readFileSync(join(ROOT, "docs/telegram-instant-view.md"), "utf8");
let site: string;

beforeAll(() => {
  const result = sampleSite();
  expect(result.status).toBe(0);
  site = result.output;
});

const meta = (page: Document, key: string) => [...page.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((element) => element.getAttribute("content"));

describe("article pages for Telegram's Instant View", () => {
  it("have one <article> and the author, times, section and photo in meta tags", () => {
    const page = readHtml(join(site, CLASSIC));
    expect(page.querySelectorAll("article")).toHaveLength(1);
    expect(meta(page, "og:type")).toEqual(["article"]);
    expect(meta(page, "og:title")).toEqual([page.querySelector("article h1")?.textContent]);
    expect(meta(page, "author")).toEqual(["Петро Іваненко, Олена Коваль"]);
    const siteUrl = (JSON.parse(readFileSync(join(ROOT, "_data/site.json"), "utf8")) as { url: string }).url.replace(/\/?$/, "/");
    expect(meta(page, "article:author")).toEqual([`${siteUrl}avtory/petro-ivanenko/`, `${siteUrl}avtory/olena-koval/`]);
    expect(meta(page, "article:published_time")).toEqual(["2026-01-14T23:40:00+02:00"]);
    expect(meta(page, "article:section")).toEqual(["Переговори щодо війни в Україні"]);
    expect(meta(page, "og:image")[0]).toMatch(/^https?:\/\/.+\.jpe?g$/);
    // Each author's page is there.
    for (const url of meta(page, "article:author")) expect(listFiles(site)).toContain(`${url!.slice(siteUrl.length)}index.html`);
  });

  it("name the newsroom as the author of an article without one; a live blog has one <article> too", () => {
    const withoutAuthor = listFiles(site)
      .filter((file) => file.startsWith("novyny/") && file.endsWith(".html"))
      .map((file) => readHtml(join(site, file)))
      .find((page) => page.querySelector("article") && !page.querySelector(".byline"))!;
    expect(meta(withoutAuthor, "author")).toEqual([JSON.parse(readFileSync(join(ROOT, "_data/site.json"), "utf8")).author]);
    expect(meta(withoutAuthor, "article:author")).toEqual([]);
    expect(readHtml(join(site, LIVE)).querySelectorAll("article")).toHaveLength(1);
  });

  it("escape the authors' names in the meta tag", async () => {
    const hostile = `Анна "<script>alert(1)</script>" & Ко`;
    const dir = makeSite({
      "_data/authors.json": JSON.stringify([{ slug: "anna", name: hostile }, { slug: "ivan", name: "Іван" }]),
      "content/articles/novyna.md": article({ title: "Новина", date: "2026-01-14 10:00", topic: "ekonomika", author: "[anna, ivan]" }),
    });
    const result = await buildInProcess(dir);
    expect(result.error).toBeUndefined();
    const html = readFileSync(join(result.output, "novyny/2026/01/14/novyna.html"), "utf8");
    expect(meta(readHtml(join(result.output, "novyny/2026/01/14/novyna.html")), "author")).toEqual([`Анна «<script>alert(1)</script>» & Ко, Іван`]);
    expect(html).not.toContain("<script>alert");
  });

  it("the rules file names only classes and meta tags the pages have, and its ?path matches article pages only", () => {
    const rules = RULES.slice(RULES.indexOf("~version"), RULES.indexOf("```", RULES.indexOf("~version")));
    const pages = [CLASSIC, LIVE].map((file) => readHtml(join(site, file)));
    const classes = [...rules.matchAll(/has-class\("([^"]+)"\)/g)].map((match) => match[1]!);
    expect(classes).toEqual(expect.arrayContaining(["article", "lede", "lead-photo", "video-preview", "article-tags"]));
    for (const name of classes) expect(pages.some((page) => page.querySelector(`.${name}`)), name).toBe(true);
    for (const [, attribute, name] of rules.matchAll(/meta\[@(property|name)="([^"]+)"\]/g)) expect(pages[0]!.querySelector(`meta[${attribute}="${name}"]`), name).not.toBeNull();
    const path = new RegExp(`^${/^\?path: (.+)$/m.exec(rules)![1]!}$`);
    const files = listFiles(site).filter((file) => file.endsWith(".html"));
    const articles = files.filter((file) => readHtml(join(site, file)).querySelector("article.article"));
    expect(articles.length).toBeGreaterThan(20);
    for (const file of articles) expect(path.test(`/${file}`), file).toBe(true);
    for (const file of files) if (path.test(`/${file}`) && !articles.includes(file)) expect(readFileSync(join(site, file), "utf8"), file).toContain('http-equiv="refresh"');
  });
});
