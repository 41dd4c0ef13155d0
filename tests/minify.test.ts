import { describe, expect, it } from "vitest";
import { keepAsIs, minifyHtml } from "../src/minify.js";

describe("minifyHtml", () => {
  it("minifies the page", async () => {
    expect(await minifyHtml("<!doctype html>\n<html lang=\"uk\">\n  <body>\n    <!-- comment -->\n    <p>  Текст  </p>\n  </body>\n</html>\n")).toBe(
      '<!doctype html><html lang="uk"><body><p>Текст</p></body></html>',
    );
  });

  it("leaves a marked article body exactly as markdown-it wrote it", async () => {
    const body = "<p>Перший  абзац</p>\n<pre><code>  код\n    з відступами\n</code></pre>\n";
    const page = `<main>\n  <div class="article-body">\n${keepAsIs(body)}\n  </div>\n</main>`;
    expect(await minifyHtml(page)).toBe(`<main><div class="article-body">${body.trim()}</div></main>`);
  });

  it("keeps a body with $ patterns intact", async () => {
    expect(await minifyHtml(`<div>${keepAsIs("<p>$& $1 $$</p>")}</div>`)).toBe("<div><p>$& $1 $$</p></div>");
  });

  it("handles many pages at once, in order", async () => {
    const pages = await Promise.all(Array.from({ length: 50 }, (_, index) => minifyHtml(`<p>  ${index}  </p>`)));
    expect(pages).toEqual(Array.from({ length: 50 }, (_, index) => `<p>${index}</p>`));
  });
});
