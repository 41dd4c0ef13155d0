// What strichka relies on that Eleventy does not document, and the Eleventy 3.1.8 bugs it
// works around: each checked on a tiny site with the real Eleventy, so that an upgrade that
// changes one fails here, by name, rather than somewhere in a built site. The list, with
// what to do when one fails, is docs/eleventy-internals.md.
import { spawnSync } from "node:child_process";
import fs, { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { splitFrontMatter } from "../src/front-matter.js";
import strichka from "../src/index.js";
import { settingsOf } from "../src/settings.js";
import { article, makeSite, ROOT, tempDir, writeFiles } from "./helpers/site.js";
import { runEleventy, strichkaFolders, type TestConfig } from "./helpers/eleventy.js";

/** The Nunjucks Eleventy renders with (the same module instance: one node_modules/nunjucks). */
const nunjucks = createRequire(import.meta.url)("nunjucks") as { Template: { prototype: { _compile(this: { tmplStr: string }, ...args: unknown[]): unknown } } };

interface NunjucksEnvironment {
  loaders?: { searchPaths?: string[] }[];
  addExtension(name: string, extension: { tags: string[]; preprocess(source: string): string }): void;
}

const restore: (() => void)[] = [];
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

/** Counts calls of `object[method]` (still calling it) whose first argument passes `wanted`, until the test ends. */
function countCalls<T extends object>(object: T, method: keyof T & string, wanted: (first: unknown, self: unknown) => boolean): { count: number } {
  const counter = { count: 0 };
  const original = object[method] as (...args: unknown[]) => unknown;
  (object as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
    if (wanted(args[0], this)) counter.count++;
    return original.apply(this, args);
  };
  restore.push(() => ((object as Record<string, unknown>)[method] = original));
  return counter;
}

const items = (count: number) => Array.from({ length: count }, (_, index) => ({ url: `/same/${index}.html` }));

describe("what strichka relies on", () => {
  it("Nunjucks' first loader has searchPaths, and a folder added there serves {% include %} (useDefaults)", async () => {
    const dir = tempDir();
    writeFiles(dir, { "site/page.njk": '{% include "partials/elsewhere.njk" %}', "ours/partials/elsewhere.njk": "found in our folder" });
    let searchPaths: unknown;
    const { error } = await runEleventy(dir, "_site", (config) => {
      config.amendLibrary("njk", (environment: NunjucksEnvironment) => {
        searchPaths = environment.loaders?.[0]?.searchPaths;
        if (Array.isArray(searchPaths)) searchPaths.push(join(dir, "ours"));
      });
    }, { input: "site" });
    expect(Array.isArray(searchPaths), "environment.loaders[0].searchPaths is an array").toBe(true);
    expect(error).toBeUndefined();
    expect(readFileSync(join(dir, "_site/page/index.html"), "utf8")).toBe("found in our folder");
  });

  it("a class instance in global data reaches templates as that very object, methods, private fields and all (NewsSite)", async () => {
    class Model {
      readonly pages = items(2);
      readonly #secret = "приватне";
      get secret(): string {
        return this.#secret;
      }
      greet(name: string): string {
        return `привіт, ${name}`;
      }
    }
    const model = new Model();
    const dir = tempDir();
    const { error } = await runEleventy(dir, "_site", (config) => {
      config.addGlobalData("model", () => Promise.resolve(model));
      config.addTemplate("page.njk", "{{ model.greet('світ') }}; {{ model.secret }}", { permalink: "/page.html" });
      config.addTemplate("pages.11ty.js", {
        data: { pagination: { data: "model.pages", size: 1, alias: "item" }, permalink: (data: { item: { url: string } }) => data.item.url },
        render: (data: { model: unknown; item: unknown }) => String(data.model === model && model.pages.includes(data.item as never)),
      });
    });
    expect(error).toBeUndefined();
    expect(readFileSync(join(dir, "_site/page.html"), "utf8")).toBe("привіт, світ; приватне");
    for (const page of model.pages) expect(readFileSync(join(dir, "_site", page.url), "utf8"), page.url).toBe("true");
  });

  it("a Nunjucks extension's preprocess gets each template's text without front matter, and what it returns is compiled (minify.ts)", async () => {
    const dir = tempDir();
    const page = "---\nlayout: base.njk\ntitle: Сторінка\n---\n<p>ORIGINAL page</p>\n";
    const layout = "---\nlang: uk\n---\n<main>{{ content | safe }}</main>\n<footer>ORIGINAL layout</footer>\n";
    writeFiles(dir, { "page.njk": page, "_includes/base.njk": layout });
    const seen: string[] = [];
    const { error } = await runEleventy(dir, "_site", (config) => {
      config.amendLibrary("njk", (environment: NunjucksEnvironment) =>
        environment.addExtension("probe", { tags: [], preprocess: (source) => (seen.push(source), source.replaceAll("ORIGINAL", "SWAPPED")) }),
      );
    });
    expect(error).toBeUndefined();
    // Keyed by text: the minified version is found by what our own front-matter split gives.
    expect(seen).toContain(splitFrontMatter(page).body);
    expect(seen).toContain(splitFrontMatter(layout).body);
    const html = readFileSync(join(dir, "_site/page/index.html"), "utf8");
    expect(html).toContain("SWAPPED page");
    expect(html).toContain("SWAPPED layout");
  });

  it("write() resolves to [passthrough copies with their map, pages with their outputPath] (commands.ts publishes exactly these)", async () => {
    const dir = tempDir();
    writeFiles(dir, { "page.md": "# Сторінка\n", "copy/file.txt": "as it is" });
    const { error, written } = await runEleventy(dir, "_site", (config) => (config as TestConfig & { addPassthroughCopy(path: string): void }).addPassthroughCopy("copy"));
    expect(error).toBeUndefined();
    expect(Array.isArray(written) && written.length === 2).toBe(true);
    const [passthrough, pages] = written as [{ map?: Record<string, string> }[], { outputPath: string | false }[]];
    expect(pages.map((entry) => entry.outputPath)).toEqual(["./_site/page/index.html"]);
    expect(passthrough.flatMap((copy) => Object.values(copy.map ?? {}))).toEqual(["_site/copy/file.txt"]);
  });

  it("the Eleventy instance holds the UserConfig its plugins were given, as eleventyConfig.userConfig (settings.ts, for `strichka new`)", async () => {
    const dir = makeSite({ "content/stati/a.md": article({ title: "Новина", date: "2026-01-14 10:00", topic: "kultura" }) });
    const { error, eleventy } = await runEleventy(dir, "_site", (config) => {
      strichkaFolders(config);
      config.addPlugin(strichka, { articlesDir: "stati" });
    }, { input: "content" });
    expect(error).toBeUndefined();
    expect(settingsOf(eleventy!)).toMatchObject({ articlesDir: "stati" });
    expect(typeof settingsOf(eleventy!)?.build.usePreviousPages).toBe("function");
  });

  it("an error with skipOriginalStack is printed without its stack (ContentError, PreviewOutputError)", () => {
    const dir = tempDir();
    writeFiles(dir, {
      "page.md": "# Сторінка\n",
      "eleventy.config.mjs": 'export default (config) => config.on("eleventy.before", () => { throw Object.assign(new Error("Plain words for the editor."), { skipOriginalStack: process.env.SKIP === "1" }); });\n',
    });
    const run = (skip: string) => spawnSync(process.execPath, [join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs")], { cwd: dir, encoding: "utf8", env: { ...process.env, SKIP: skip, NO_COLOR: "1" } });
    const skipped = run("1");
    expect(skipped.status).toBe(1);
    expect(skipped.stdout + skipped.stderr).toContain("Plain words for the editor.");
    expect(skipped.stdout + skipped.stderr).not.toContain("Original error stack trace");
    const control = run("0");
    expect(control.stdout + control.stderr).toContain("Original error stack trace");
  });
});

describe("Eleventy 3.1.8 bugs strichka works around (when one of these fails, Eleventy fixed it: see docs/eleventy-internals.md)", () => {
  it("a folder Eleventy made for one page is made again for every page; one that exists before the build is not (SiteBuild makes page folders up front)", async () => {
    const run = async (premade: boolean) => {
      const dir = tempDir();
      if (premade) mkdirSync(join(dir, "_site/same"), { recursive: true });
      const mkdirs = countCalls(fs, "mkdirSync", (target) => String(target).endsWith(join("_site", "same")));
      const { error } = await runEleventy(dir, "_site", (config) => {
        config.addGlobalData("pages", items(20));
        config.addTemplate("pages.11ty.js", { data: { pagination: { data: "pages", size: 1, alias: "item" }, permalink: (data: { item: { url: string } }) => data.item.url }, render: () => "page" });
      });
      expect(error).toBeUndefined();
      expect(fs.readdirSync(join(dir, "_site/same"))).toHaveLength(20);
      return mkdirs.count;
    };
    expect(await run(false), "Eleventy made the folder once per page").toBe(20);
    expect(await run(true), "a folder that existed first").toBe(0);
  });

  it("a paginated Nunjucks template has its body and permalink compiled for every page (our model pages are 11ty.js templates)", async () => {
    const dir = tempDir();
    writeFiles(dir, { "pages.njk": '---\npagination:\n  data: numbers\n  size: 1\npermalink: "/page-{{ pagination.pageNumber }}/"\n---\nItem {{ pagination.items[0] }}\n' });
    const sourceOf = (self: unknown) => (self as { tmplStr?: string }).tmplStr ?? "";
    const bodies = countCalls(nunjucks.Template.prototype, "_compile", (_, self) => sourceOf(self).includes("Item {{"));
    const permalinks = countCalls(nunjucks.Template.prototype, "_compile", (_, self) => sourceOf(self).includes("/page-{{"));
    const { error } = await runEleventy(dir, "_site", (config) => config.addGlobalData("numbers", Array.from({ length: 20 }, (_, index) => index)));
    expect(error).toBeUndefined();
    expect(bodies.count, "body compilations for 20 pages").toBe(20);
    expect(permalinks.count, "permalink compilations for 20 pages").toBe(20);
  });

  it('configureTemplateHandling({ writeMode: "async" }) is not honoured: pages are still written with writeFileSync', async () => {
    const dir = tempDir();
    writeFiles(dir, { "a.md": "# a\n", "b.md": "# b\n", "c.md": "# c\n" });
    const syncWrites = countCalls(fs, "writeFileSync", (target) => String(target).includes("_site"));
    const { error } = await runEleventy(dir, "_site", (config) => (config as TestConfig & { configureTemplateHandling(options: object): void }).configureTemplateHandling({ writeMode: "async" }));
    expect(error).toBeUndefined();
    expect(syncWrites.count).toBe(3);
  });

  it("an eleventy.before listener that throws before returning a promise fails the build at once, and the listeners before it run on unobserved (SiteBuild.begin is the plugin's only one)", async () => {
    const dir = tempDir();
    writeFiles(dir, { "a.md": "# a\n" });
    let slowEnded = false;
    const { error } = await runEleventy(dir, "_site", (config) => {
      config.on("eleventy.before", async () => {
        await new Promise((done) => setTimeout(done, 300));
        slowEnded = true;
      });
      config.on("eleventy.before", () => {
        throw new Error("the second listener failed");
      });
    });
    expect(String(error)).toContain("the second listener failed");
    // Eleventy has given up on the build, but not on its first listener's work.
    expect(slowEnded).toBe(false);
    await new Promise((done) => setTimeout(done, 600));
    expect(slowEnded).toBe(true);
  });
});
