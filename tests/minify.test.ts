import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MinifiedTemplates, minifyTemplate } from "../src/minify.js";
import { UrlScheme } from "../src/urls.js";
import { tempDir } from "./helpers/site.js";

describe("template minification", () => {
  it("minifies the HTML of a template and keeps its Nunjucks as written", async () => {
    const source = `<!doctype html>\n<html lang="uk">\n  <body>\n    <!-- comment -->\n    {# note #}\n    <ul>\n      {%- for item in items %}\n      <li><a href="{{ item.url | relativeUrl }}"{% if item.current %} aria-current="page"{% endif %}>{{ item.title }}</a></li>\n      {%- endfor %}\n    </ul>\n  </body>\n</html>\n`;
    const minified = await minifyTemplate(source);
    expect(minified).not.toContain("<!-- comment -->");
    expect(minified).not.toMatch(/\n/);
    expect(minified).not.toMatch(/ {2}/);
    for (const fragment of ["{# note #}", "{%- for item in items %}", '{{ item.url | relativeUrl }}', "{% if item.current %}", "{{ item.title }}", "{%- endfor %}"]) {
      expect(minified).toContain(fragment);
    }
  });

  it("knows the HTML templates of a site, not its feeds, and falls back to the source", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "partials"));
    writeFileSync(join(dir, "base.njk"), "---\nlayout: x.njk\n---\n<main>\n  {{ content | safe }}\n</main>\n");
    writeFileSync(join(dir, "partials/item.njk"), "<li>\n  {{ item }}\n</li>\n");
    writeFileSync(join(dir, "robots.njk"), "---\npermalink: /robots.txt\n---\nUser-agent: *\nAllow: /\n");
    const templates = new MinifiedTemplates();
    await templates.load([dir]);
    expect(templates.lookup("<main>\n  {{ content | safe }}\n</main>\n")).toBe("<main> {{ content | safe }} </main> ");
    expect(templates.lookup("<li>\n  {{ item }}\n</li>\n")).toBe("<li> {{ item }} </li> ");
    expect(templates.lookup("User-agent: *\nAllow: /\n")).toBe("User-agent: *\nAllow: /\n");
    expect(templates.lookup("<p>\n  unknown\n</p>")).toBe("<p>\n  unknown\n</p>");
    templates.clear();
    expect(templates.lookup("<li>\n  {{ item }}\n</li>\n")).toBe("<li>\n  {{ item }}\n</li>\n");
  });

  it("tells HTML pages by permalinks written as the scheme's URLs or by their HTML layout, and leaves feeds and unknown tags as written", async () => {
    const dir = tempDir();
    const page = (permalink: string, body: string) => `---\npermalink: "${permalink}"\n---\n${body}`;
    const bodies = {
      offline: "<p>\n  offline\n</p>\n",
      search: "<p>\n  search\n</p>\n",
      atom: "<feed>\n  atom\n</feed>\n",
      letter: "<p>\n  letter\n</p>\n",
      tagLetter: "<p>\n  tag letter\n</p>\n",
      authorFeed: "<feed>\n  author\n</feed>\n",
      xmlLayoutPage: "<entry>\n  x\n</entry>\n",
      shortLayout: "<p>\n  short layout name\n</p>\n",
      xmlInHtmlLayout: "<p>\n  xml\n</p>\n",
    };
    // list.njk → base.njk, whose doctype makes every page laid out in either an HTML page.
    mkdirSync(join(dir, "_includes"));
    writeFileSync(join(dir, "_includes/base.njk"), "{%- set x = 1 -%}\n<!doctype html>\n<html>\n  {{ content | safe }}\n</html>\n");
    writeFileSync(join(dir, "_includes/list.njk"), "---\nlayout: base.njk\n---\n<main>\n  {{ content | safe }}\n</main>\n");
    writeFileSync(join(dir, "_includes/feed.njk"), "<feed>\n  {{ content | safe }}\n</feed>\n");
    writeFileSync(join(dir, "tag-letters.njk"), `---\nlayout: list.njk\npermalink: "{{ letterPage.url }}"\n---\n${bodies.tagLetter}`);
    writeFileSync(join(dir, "author-feed.njk"), `---\npermalink: "{{ author.feedUrl }}"\n---\n${bodies.authorFeed}`);
    // Eleventy finds `layout: list` as list.njk; a permalink that ends in ".xml" is not HTML, whatever its layout.
    writeFileSync(join(dir, "short-layout.njk"), `---\nlayout: list\npermalink: "{{ page.url }}"\n---\n${bodies.shortLayout}`);
    writeFileSync(join(dir, "xml-in-html-layout.njk"), `---\nlayout: list.njk\npermalink: "{{ page.url }}.xml"\n---\n${bodies.xmlInHtmlLayout}`);
    writeFileSync(join(dir, "xml-layout.njk"), `---\nlayout: feed.njk\npermalink: "{{ entry.url }}"\n---\n${bodies.xmlLayoutPage}`);
    writeFileSync(join(dir, "offline.njk"), page("{{ strichka.urls.offline }}", bodies.offline));
    writeFileSync(join(dir, "search.njk"), page("{{ strichka.urls.search }}", bodies.search));
    writeFileSync(join(dir, "atom.njk"), page("{{ strichka.urls.atom }}", bodies.atom));
    writeFileSync(join(dir, "letters.njk"), page("{{ letterPage.url }}", bodies.letter));
    const templates = new MinifiedTemplates();
    await templates.load([join(dir, "_includes"), dir], undefined, new UrlScheme());
    expect(templates.lookup(bodies.offline)).toBe("<p> offline </p> ");
    // "/poshuk/": Eleventy writes index.html there.
    expect(templates.lookup(bodies.search)).toBe("<p> search </p> ");
    expect(templates.lookup(bodies.atom)).toBe(bodies.atom);
    expect(templates.lookup(bodies.letter)).toBe(bodies.letter);
    expect(templates.lookup(bodies.tagLetter)).toBe("<p> tag letter </p> ");
    expect(templates.lookup(bodies.authorFeed)).toBe(bodies.authorFeed);
    expect(templates.lookup(bodies.xmlLayoutPage)).toBe(bodies.xmlLayoutPage);
    expect(templates.lookup(bodies.shortLayout)).toBe("<p> short layout name </p> ");
    expect(templates.lookup(bodies.xmlInHtmlLayout)).toBe(bodies.xmlInHtmlLayout);
  });
});
