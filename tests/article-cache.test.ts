// The parsed-article cache kept on disk between `strichka build`s: real files, counted parses.
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentHash } from "../src/content/article-file.js";
import { ArticleCache, readArticleBody } from "../src/content/index.js";
import { article, loadSite, makeSite } from "./helpers/site.js";

/** Loads the site in `dir` through `cache`; returns the titles and how many files were parsed. */
async function load(dir: string, cache: ArticleCache) {
  const parsedBefore = parses;
  const site = await loadSite(dir, { cache });
  return { titles: site.articles.map((entry) => entry.title).sort(), parsed: parses - parsedBefore };
}

// Counting parses: every parse reads the file through the cache's `read`, which is wrapped here.
let parses = 0;
const read = ArticleCache.prototype.read;
ArticleCache.prototype.read = function (path, key, parse, problems, known) {
  return read.call(this, path, key, (bytes, own) => (parses++, parse(bytes, own)), problems, known);
};

const files = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, index) => [`content/articles/a${index}.md`, article({ title: `Новина ${index}`, date: "2026-01-14 10:00", topic: "kultura" })]));

describe("ArticleCache on disk", () => {
  it("says about how many articles it holds from its files alone, to size a build's heap (commands.ts)", async () => {
    const dir = makeSite(files(3));
    const folder = join(dir, "._site.articles");
    expect(ArticleCache.capacity(folder)).toBeUndefined();
    const cache = new ArticleCache("1.0.0");
    await load(dir, cache);
    await cache.save(folder);
    // One file: up to the 16,384 entries a file is cut for, at least the 3 there are.
    expect(ArticleCache.capacity(folder)).toBe(16_384);
  });

  it("parses only new and changed files in the next build, by content when modification times change", async () => {
    const dir = makeSite(files(3));
    const folder = join(dir, "._site.articles");
    const first = new ArticleCache("1.0.0");
    expect((await load(dir, first)).parsed).toBe(3);
    await first.save(folder);

    // Every modification time new, as in a fresh CI checkout: read and hashed, not parsed again.
    for (let index = 0; index < 3; index++) utimesSync(join(dir, `content/articles/a${index}.md`), new Date(), new Date(Date.now() + index * 1000));
    writeFileSync(join(dir, "content/articles/a1.md"), article({ title: "Виправлена", date: "2026-01-14 10:00", topic: "kultura" }));
    writeFileSync(join(dir, "content/articles/new.md"), article({ title: "Нова", date: "2026-01-15 10:00", topic: "kultura" }));
    rmSync(join(dir, "content/articles/a2.md"));
    const second = await ArticleCache.load(folder, "1.0.0");
    expect(second.size).toBe(3);
    expect(await load(dir, second)).toEqual({ titles: ["Виправлена", "Нова", "Новина 0"], parsed: 2 });
    // The deleted file's entry is gone from memory and, once saved, from disk.
    expect(second.size).toBe(3);
    await second.save(folder);
    expect((await ArticleCache.load(folder, "1.0.0")).size).toBe(3);
    expect((await load(dir, await ArticleCache.load(folder, "1.0.0"))).parsed).toBe(0);
  });

  it("is ignored when written by another version, damaged, or made for other topics", async () => {
    const dir = makeSite(files(2));
    const folder = join(dir, "._site.articles");
    const cache = new ArticleCache("1.0.0");
    await load(dir, cache);
    await cache.save(folder);
    expect((await load(dir, await ArticleCache.load(folder, "1.0.1"))).parsed).toBe(2);

    // Topics are part of what a parse checks: a new topics.json parses everything again.
    writeFileSync(join(dir, "_data/topics.json"), JSON.stringify([{ slug: "kultura", title: "Культура", description: "Про культуру." }]));
    expect((await load(dir, await ArticleCache.load(folder, "1.0.0"))).parsed).toBe(2);

    writeFileSync(join(folder, "0.json"), '{"format": "1/1.0.0", "entries": [["x", {}');
    const damaged = await ArticleCache.load(folder, "1.0.0");
    expect(damaged.size).toBe(0);
    expect(await load(dir, damaged)).toEqual({ titles: ["Новина 0", "Новина 1"], parsed: 2 });
    await damaged.save(folder);
    expect((await ArticleCache.load(folder, "1.0.0")).size).toBe(2);
  });

  it("keeps a file's problems with it: a mistake is reported again without parsing the file again", async () => {
    const dir = makeSite({ ...files(1), "content/articles/bad.md": article({ title: "Погана", date: "2026-13-45", topic: "kultura" }) });
    const folder = join(dir, "._site.articles");
    const cache = new ArticleCache("1.0.0");
    await expect(load(dir, cache)).rejects.toThrow(/bad\.md/);
    await cache.save(folder);
    const again = await ArticleCache.load(folder, "1.0.0");
    const before = parses;
    await expect(load(dir, again)).rejects.toThrow(/bad\.md.*date/s);
    expect(parses - before).toBe(0);
  });

  it("spreads a big archive over files and rewrites only those whose entries changed", async () => {
    const dir = makeSite(files(40));
    const folder = join(dir, "._site.articles");
    const cache = new ArticleCache("1.0.0", 8);
    await load(dir, cache);
    await cache.save(folder);
    const written = () => Object.fromEntries(readdirSync(folder).map((name) => [name, statSync(join(folder, name)).mtimeMs]));
    // 40 entries, about 8 a file: 8 files (a power of two, so that growth rarely moves entries).
    const before = written();
    expect(Object.keys(before).sort()).toEqual(["0.json", "1.json", "2.json", "3.json", "4.json", "5.json", "6.json", "7.json"]);

    writeFileSync(join(dir, "content/articles/a7.md"), article({ title: "Виправлена", date: "2026-01-14 10:00", topic: "kultura" }));
    const next = await ArticleCache.load(folder, "1.0.0", 8);
    expect((await load(dir, next)).parsed).toBe(1);
    await new Promise((done) => setTimeout(done, 20));
    await next.save(folder);
    const after = written();
    expect(Object.keys(after).filter((name) => after[name] !== before[name])).toHaveLength(1);
    expect((await load(dir, await ArticleCache.load(folder, "1.0.0", 8))).titles).toContain("Виправлена");

    // Fewer articles, fewer files: no file of the old layout stays behind.
    for (let index = 8; index < 40; index++) rmSync(join(dir, `content/articles/a${index}.md`));
    const smaller = await ArticleCache.load(folder, "1.0.0", 8);
    await load(dir, smaller);
    await smaller.save(folder);
    expect(readdirSync(folder).sort()).toEqual(["0.json"]);
    expect((await load(dir, await ArticleCache.load(folder, "1.0.0", 8))).parsed).toBe(0);
  });
});

describe("readArticleBody", () => {
  it("reads the body of the version the build loaded, and stops the build when the file changed since", async () => {
    const dir = makeSite({ "content/articles/a.md": article({ title: "Перша", date: "2026-01-14 10:00", topic: "kultura" }, "Перший текст.\n") });
    const path = join(dir, "content/articles/a.md");
    const hash = contentHash(readFileSync(path));
    expect(readArticleBody(path, hash).trim()).toBe("Перший текст.");
    writeFileSync(path, article({ title: "Перша", date: "2026-01-14 10:00", topic: "kultura" }, "Другий текст.\n"));
    expect(() => readArticleBody(path, hash)).toThrow(/a\.md changed while the site was being built; nothing was published\. Build again\./);
  });
});
