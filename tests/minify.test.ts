import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MinifiedTemplates, minifyTemplate } from "../src/minify.js";
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
});
