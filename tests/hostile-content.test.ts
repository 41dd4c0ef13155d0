// Hostile content: whatever an article, a topic or a video title holds, nothing of it runs
// in a reader's browser or breaks a feed reader. A fixed nasty site, then random ones.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { dump } from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { buildInProcess, listFiles, makeSite, SITE_JSON } from "./helpers/site.js";
import { atomSchemaErrors, htmlValidationErrors, readHtml, readXml } from "./helpers/html.js";

const EVIL = `<script>alert("x")</script> & 'один' ]]> </script><!-- {{ site.title }} {% raw %}`;

/** Everything a reader's browser could run: scripts but ours (and the search page's index files beside it), event handlers, script URLs, forms but the search page's. */
function activeContent(document: Document): string[] {
  const found: string[] = [];
  for (const script of document.querySelectorAll("script")) {
    const type = script.getAttribute("type");
    const src = script.getAttribute("src") ?? "";
    if (type === "application/ld+json") {
      try {
        JSON.parse(script.textContent ?? "");
      } catch {
        found.push(`broken JSON-LD: ${script.textContent}`);
      }
    } else if (!/(^|\/)static\/(strichka|search)\.[0-9a-f]{10}\.js$/.test(src) && !/^(words|index)\.js$/.test(src)) {
      found.push(`script: ${script.outerHTML}`);
    }
  }
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.getAttributeNames()) {
      const value = element.getAttribute(attribute) ?? "";
      if (attribute.startsWith("on")) found.push(`${attribute} on <${element.tagName.toLowerCase()}>`);
      if (["href", "src", "action", "formaction", "data-embed"].includes(attribute) && /^\s*(javascript|vbscript|data):/i.test(value)) found.push(`${attribute}="${value}"`);
    }
    // (The minifier drops method="get", the default: a form without one sends GET too.)
    const searchForm = element.matches('form.search-form[action="index.html"]') && (element.getAttribute("method") ?? "get").toLowerCase() === "get";
    if (["iframe", "object", "embed", "form", "base", "style"].includes(element.tagName.toLowerCase()) && !searchForm) found.push(`<${element.tagName.toLowerCase()}>`);
  }
  return found;
}

/** Checks every page and feed of a built site; returns what is wrong. */
async function inspectSite(site: string): Promise<string[]> {
  const problems: string[] = [];
  // (The editors' desk, admin/, is Decap CMS's app, not a reader page: see admin.test.ts.)
  for (const file of listFiles(site).filter((path) => !path.startsWith("admin/"))) {
    const text = readFileSync(join(site, file), "utf8");
    if (file.endsWith(".html")) {
      problems.push(...activeContent(readHtml(join(site, file))).map((found) => `${file}: ${found}`));
      problems.push(...(await htmlValidationErrors(text, file)));
    } else if (file.endsWith("feed.xml")) {
      problems.push(...(await atomSchemaErrors(text, file)).map((error) => `${file}: ${error}`));
    } else if (file.endsWith(".xml")) {
      if (readXml(text).querySelector("parsererror")) problems.push(`${file}: not well-formed`);
    } else if (file.endsWith(".json")) {
      try {
        JSON.parse(text);
      } catch (error) {
        problems.push(`${file}: ${String(error)}`);
      }
    }
  }
  return problems;
}

describe("a site whose every text is hostile", () => {
  let site: string;
  beforeAll(async () => {
    const dir = makeSite({
      "_data/site.json": JSON.stringify({ ...SITE_JSON, title: `Стрічка ${EVIL}`, description: `Опис ${EVIL}`, author: `Редакція ${EVIL}` }),
      "_data/topics.json": JSON.stringify([{ slug: "kultura", title: `Культура ${EVIL}`, description: `Опис ${EVIL}` }]),
      "_data/videos.json": JSON.stringify([{ date: "2026-01-01", title: `Відео ${EVIL}`, youtube: "M7lc1UVf-VE" }]),
      "_data/authors.json": JSON.stringify([{ slug: "zla", name: `Авторка ${EVIL}`, role: `Роль ${EVIL}`, bio: `Біо ${EVIL}` }, { slug: "zlyi", name: `Автор ${EVIL}` }]),
      "content/articles/evil.md": `---\n${dump({ title: `Заголовок ${EVIL}`, lede: `Лід ${EVIL}`, date: "2026-01-14 10:00", topic: "kultura", tags: [`тег ${EVIL}`, "A&B \"q\""], source: `<b>Джерело</b> ${EVIL}`, author: ["zla", "zlyi"] })}---\nАбзац з [посиланням](javascript:alert(1)) і [даними](data:text/html;base64,PHNjcmlwdD4=).\n\nЩе ${EVIL.replace(/</g, "&lt;")}.\n`,
    });
    const result = await buildInProcess(dir);
    expect(result.stderr).toBe("");
    expect(result.error).toBeUndefined();
    site = result.output;
  });

  it("shows it as text everywhere: headline, <title>, attributes, JSON-LD", () => {
    const page = readHtml(join(site, "novyny/2026/01/14/evil.html"));
    const headline = page.querySelector("h1")!.textContent!;
    expect(headline).toContain('<script>alert(«x»)</script> & „один“ ]]> </script><!-- {{ site.title }} {% raw %}');
    expect(page.querySelector("title")!.textContent).toContain(headline);
    expect(page.querySelector('meta[name="description"]')!.getAttribute("content")).toContain("Лід <script>");
    expect(page.querySelector('meta[property="og:title"]')!.getAttribute("content")).toBe(headline);
    const data = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!) as { headline: string; keywords: string[] };
    expect(data.headline).toBe(headline);
    expect(data.keywords).toContain(`тег ${EVIL}`);
    expect(page.querySelector(".video-title")!.textContent).toContain("Відео <script>");
    expect(page.querySelector(".source")!.textContent).toContain("<b>Джерело</b>");
    expect(page.querySelector(".byline")!.textContent).toContain("Авторка <script>alert(«x»)</script>");
    expect((data as unknown as { author: { name: string }[] }).author[0]!.name).toContain("Авторка <script>");
    const author = readHtml(join(site, "avtory/zla/index.html"));
    expect(author.querySelector("h1")!.textContent).toContain("Авторка <script>");
    expect(author.querySelector(".author-bio")!.textContent).toContain("Біо <script>");
    // The javascript: and data: links stayed text.
    expect(page.querySelector(".article-body")!.textContent).toContain("[посиланням](javascript:alert(1))");
  });

  it("runs nothing, validates, and its feeds are well-formed and valid", async () => {
    expect(await inspectSite(site)).toEqual([]);
    const feed = readXml(readFileSync(join(site, "feed.xml"), "utf8"));
    expect(feed.querySelector("entry > title")!.textContent).toContain("&lt;script&gt;");
  });
});

// ---------------------------------------------------------------- random sites

const NASTY_PIECES = [
  "Київ", "новина", " ", " ", "-", " - ", "—", "'", '"', "&", "&amp;", "<", ">", "]]>", "-->", "{{", "}}", "{%", "%}",
  ":", "#", "*", "_", "[", "]", "(", ")", "`", "\\", "|", "\u2028", "😀", "п'ять", "ЄС", "\t", "javascript:alert(1)", "%", "@", "!",
];
/** Hostile text that is still valid content: no control characters, no HTML tags. */
const nastyText = fc.array(fc.constantFrom(...NASTY_PIECES), { maxLength: 12 }).map((parts) => parts.join(""));
/** Anything at all, tags and control characters included. */
const anyText = fc.array(fc.constantFrom(...NASTY_PIECES, "<script>", "</script>", "<!--", "\u0007", "<b>"), { maxLength: 12 }).map((parts) => parts.join(""));

/** Markdown blocks; each starts with a word, so none is an empty heading (a content error of its own). */
const markdownLine = (text: fc.Arbitrary<string>) =>
  fc.oneof(
    text.map((t) => `Абзац ${t}`),
    text.map((t) => `## Підзаголовок ${t}`),
    text.map((t) => `> Цитата ${t}`),
    text.map((t) => `- Пункт ${t}`),
    text.map((t) => `1. Пункт ${t}`),
  );
const ALLOWED_LINES = [
  "[клік](javascript:alert(1))",
  "[дані](data:text/html;base64,PHNjcmlwdD4=)",
  "![фото](/images/a.jpg)",
  '<figure><img src="/images/a.jpg" alt="a"><figcaption>Підпис &amp; «лапки»</figcaption></figure>',
  "<details><summary>Ще</summary>\n\nТекст\n\n</details>",
  "```\n<script>alert(1)</script>\n```",
  "`<script>`",
];
const REFUSED_LINES = ["<script>alert(1)</script>", '<a href="javascript:alert(1)">x</a>', '<img src="/x.jpg" onerror="alert(1)">', "![піксель](https://tracker.example/p.gif)", "<iframe src=//x></iframe>"];
/** Tags with letters and slugs that do not collide with each other. */
const TAGS = ["Київ", 'A&B "q"', "<b>теги</b>", "]]> кінець", "{{ x }}", "п'ять"];

/** An article that is valid however hostile its text: it must build, and build safely. */
const validArticle = (index: number) =>
  fc
    .record({
      title: nastyText.map((t) => `Новина ${index} ${t}`),
      date: fc.constantFrom("2026-01-14 10:00", "2026-01-14", "2026-01-14T23:40:00+02:00", "2025-12-31 23:59"),
      topic: fc.constantFrom("ekonomika", "kultura"),
      lede: nastyText.map((t) => `Лід ${t}`),
      tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 }),
      source: nastyText.map((t) => `Джерело ${t}`),
      draft: fc.boolean(),
    })
    .chain((front) => fc.array(fc.oneof(markdownLine(nastyText), fc.constantFrom(...ALLOWED_LINES)), { maxLength: 8 }).map((lines) => `---\n${dump(front)}---\n${lines.join("\n\n")}\n`));

/** Anything an editor might save. */
const anyArticle = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.record(
          {
            title: fc.oneof(anyText, fc.integer()),
            date: fc.constantFrom("2026-01-14 10:00", "2026-01-14", "2026-13-45", "вчора", 20260114, null),
            topic: fc.constantFrom("ekonomika", "kultura", "sport"),
            lede: anyText,
            tags: fc.oneof(fc.array(fc.oneof(anyText, fc.integer()), { maxLength: 4 }), anyText),
            draft: fc.oneof(fc.boolean(), anyText),
          },
          { requiredKeys: [] },
        ),
        fc.array(fc.oneof(anyText, markdownLine(anyText), fc.constantFrom(...ALLOWED_LINES, ...REFUSED_LINES)), { maxLength: 6 }),
      )
      .map(([front, lines]) => `---\n${dump(front)}---\n${lines.join("\n\n")}\n`),
  },
  // Front matter typed by hand, as an editor might get it wrong.
  { weight: 1, arbitrary: fc.tuple(anyText, anyText).map(([title, rest]) => `---\ntitle: ${title}\ndate: 2026-01-14\ntopic: kultura\n${rest}\n---\nТекст\n`) },
);

const GOOD = { "content/articles/good.md": "---\ntitle: Добра новина\ndate: 2026-01-10 09:00\ntopic: kultura\n---\nТекст.\n" };
const siteOf = (files: string[]) => makeSite({ ...GOOD, ...Object.fromEntries(files.map((file, index) => [`content/articles/random-${index}.md`, file])) });

describe("random sites (fast-check)", () => {
  it("valid but hostile content always builds into valid pages and feeds where nothing runs", async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(validArticle(1), validArticle(2), validArticle(3), validArticle(4)), async (files) => {
        const result = await buildInProcess(siteOf(files));
        expect(result.stdout + result.stderr, "the build must succeed").not.toContain("problem");
        expect(result.error).toBeUndefined();
        expect(await inspectSite(result.output)).toEqual([]);
      }),
      { numRuns: 6, endOnFailure: true },
    );
  });

  it("anything else either builds safely or fails with a plain content error: never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyArticle, { minLength: 1, maxLength: 4 }), async (files) => {
        const result = await buildInProcess(siteOf(files));
        const said = result.stdout + result.stderr;
        if (result.error !== undefined) {
          // An editor's mistake (a ContentError), never a crash.
          expect(result.contentError, said).toBeDefined();
          expect(said).toMatch(/\d+ problems? in the content; nothing was published/);
          expect(said).not.toMatch(/^\s+at /m);
          return;
        }
        expect(await inspectSite(result.output)).toEqual([]);
      }),
      { numRuns: 8, endOnFailure: true },
    );
  });
});
