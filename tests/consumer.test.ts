// A newsroom's own site that has only its data and articles: strichka's layouts, pages,
// feeds and assets fill in the rest, and any of them can be overridden by a file of the
// same name.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { article, buildInProcess, listFiles, ROOT, SITE_JSON, tempDir, TOPICS_JSON } from "./helpers/site.js";
import { atomSchemaErrors, brokenInternalLinks, readHtml } from "./helpers/html.js";

const CONFIG = `import strichka from ${JSON.stringify(join(ROOT, "src/index.js"))};

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(strichka, { locale: { related: "Читайте також:" }, site: { title: "Регіональні новини" } });
}

export const config = { dir: { input: "content", includes: "../_includes", data: "../_data" }, markdownTemplateEngine: false };
`;

let site: string;
beforeAll(() => {
  site = tempDir("strichka-consumer-");
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: "regional-news", private: true, type: "module" }),
    "eleventy.config.js": CONFIG,
    // The plugin's site option takes precedence over this title.
    "_data/site.json": JSON.stringify({ ...SITE_JSON, title: "Назва з файлу" }),
    "_data/topics.json": JSON.stringify(TOPICS_JSON),
    "_data/videos.json": JSON.stringify([{ date: "2026-01-01", title: "Відео громади", youtube: "M7lc1UVf-VE" }]),
    "content/articles/persha-novyna-hromady.md": article({ title: "Перша новина громади", date: "2026-01-14 10:00", topic: "kultura", tags: "[Полтава]" }, "Один.\n\nДва.\n\nТри.\n\nЧотири.\n"),
    "content/articles/druha-novyna-hromady.md": article({ title: "Друга новина громади", date: "2026-01-15 09:00", topic: "ekonomika", tags: "[Полтава]" }),
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(site, path, ".."), { recursive: true });
    writeFileSync(join(site, path), content);
  }
});

describe("a site with only data and articles", () => {
  it("gets every page, feed and asset from strichka, with its own texts", async () => {
    const result = await buildInProcess(site, join(site, "_site"), join(site, "eleventy.config.js"));
    expect(result.stderr).toBe("");
    expect(result.error).toBeUndefined();
    const output = result.output;
    const files = listFiles(output);
    for (const file of ["index.html", "arkhiv/index.html", "temy/index.html", "temy/kultura/index.html", "tehy/poltava/index.html", "404.html", "feed.xml", "rss.xml", "feed.json", "sitemap.xml", "robots.txt", "assets/icon.svg"]) {
      expect(files, file).toContain(file);
    }
    expect(files.some((file) => /^static\/style\.[0-9a-f]{10}\.css$/.test(file))).toBe(true);
    // Layouts are layouts, not pages.
    expect(files.filter((file) => file.startsWith("_includes/"))).toEqual([]);
    // The newer article: related news are those published before it.
    const page = readHtml(join(output, "novyny/2026/01/15/druha-novyna-hromady.html"));
    expect(page.querySelector("h1")!.textContent).toBe("Друга новина громади");
    expect(page.querySelector(".video-of-the-day h2")!.textContent).toBe("Відео дня");
    expect(page.querySelector(".related h2")!.textContent).toBe("Читайте також:");
    expect(page.querySelector("title")!.textContent).toBe("Друга новина громади — Регіональні новини");
    expect(await atomSchemaErrors(readFileSync(join(output, "feed.xml"), "utf8"))).toEqual([]);
    expect(readFileSync(join(output, "feed.xml"), "utf8")).toContain("<title>Регіональні новини</title>");
    expect(brokenInternalLinks(output)).toEqual([]);
    // Minified from strichka's own templates too.
    expect(readFileSync(join(output, "index.html"), "utf8")).not.toContain("\n");
  });

  it("uses the site's own layout and partial where it has them", async () => {
    mkdirSync(join(site, "_includes/partials"), { recursive: true });
    const layout = readFileSync(join(ROOT, "_includes/article.njk"), "utf8").replace('<article class="article">', '<article class="article regional">');
    writeFileSync(join(site, "_includes/article.njk"), layout);
    writeFileSync(join(site, "_includes/partials/video.njk"), '<section class="video-of-the-day"><h2>Відео громади</h2></section>\n');
    cpSync(join(ROOT, "content/assets"), join(site, "content/assets"), { recursive: true });
    writeFileSync(join(site, "content/assets/style.css"), "body { color: #123456; }\n");
    const result = await buildInProcess(site, join(site, "_site"), join(site, "eleventy.config.js"));
    expect(result.stderr).toBe("");
    expect(result.error).toBeUndefined();
    const page = readHtml(join(result.output, "novyny/2026/01/14/persha-novyna-hromady.html"));
    expect(page.querySelector("article.regional")).not.toBeNull();
    expect(page.querySelector(".video-of-the-day h2")!.textContent).toBe("Відео громади");
    const css = page.querySelector('link[rel="stylesheet"]')!.getAttribute("href")!;
    expect(readFileSync(join(result.output, "novyny/2026/01/14", css), "utf8")).toBe("body { color: #123456; }\n");
  });
});

describe("a site with its own URL scheme", () => {
  it("has its pages where it says, all linked from disk", async () => {
    const dir = tempDir("strichka-urls-");
    const config = CONFIG.replace('site: { title: "Регіональні новини" } }', 'urls: { articles: "/news/{yyyy}/{MM}/{slug}/", topics: "/topics/", tags: "/tags/", archive: "/archive/" } }');
    const files: Record<string, string> = {
      "package.json": JSON.stringify({ type: "module" }),
      "eleventy.config.js": config,
      "_data/site.json": JSON.stringify(SITE_JSON),
      "_data/topics.json": JSON.stringify(TOPICS_JSON),
      "_data/videos.json": "[]",
      "content/articles/novyna.md": article({ title: "Новина", date: "2026-01-14 10:00", topic: "kultura", tags: "[Полтава]" }),
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const result = await buildInProcess(dir, join(dir, "_site"), join(dir, "eleventy.config.js"));
    expect(result.stderr).toBe("");
    expect(result.error).toBeUndefined();
    const output = listFiles(result.output);
    for (const file of ["news/2026/01/novyna/index.html", "topics/index.html", "topics/kultura/index.html", "topics/kultura/feed.xml", "tags/index.html", "tags/poltava/index.html", "archive/index.html"]) {
      expect(output, file).toContain(file);
    }
    expect(output.filter((file) => /^(novyny|temy|tehy|arkhiv)\//.test(file))).toEqual([]);
    expect(brokenInternalLinks(result.output)).toEqual([]);
    expect(readFileSync(join(result.output, "sitemaps/2026-01.xml"), "utf8")).toContain("<loc>https://test.example.ua/news/2026/01/novyna/</loc>");
  });
});
