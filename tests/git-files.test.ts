// A fresh checkout (Netlify's clone) with the build state kept: git says which article files
// are unchanged, so the build reads only the changed ones although every modification time
// is new (src/content/git-files.ts).
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentHash } from "../src/content/article-file.js";
import { cleanTrackedFiles } from "../src/content/git-files.js";
import { ArticleCache, type NewsSite } from "../src/content/index.js";
import { article, loadSite, makeSite, tempDir } from "./helpers/site.js";

const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=Редакція", "-c", "user.email=desk@example.com", ...args], { cwd, stdio: "pipe" }).toString();

function repository(count: number): string {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) files[`content/articles/${index % 2 ? "2026/" : ""}a${index}.md`] = article({ title: `Новина ${index}`, date: `2026-01-${String(1 + (index % 28)).padStart(2, "0")} 10:00`, topic: "kultura" });
  const dir = makeSite(files);
  git(dir, "init", "-q");
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "Статті");
  return dir;
}

/** Loads as `strichka build` does (its cache on disk, parsing by processes when many changed). */
async function build(dir: string): Promise<{ site: NewsSite; read: number }> {
  const folder = join(dir, "._site.articles");
  const cache = await ArticleCache.load(folder, "test");
  const site = await loadSite(dir, { cache, parseProcesses: 1 });
  await cache.save(folder);
  return { site, read: cache.filesRead };
}

const titles = (site: NewsSite) => site.articles.map((item) => `${item.url} ${item.title} ${item.contentHash}`);

describe("git's word on article files", () => {
  it("names the tracked files that are clean, with their blob ids; not changed, staged, untracked or linked ones", async () => {
    const dir = repository(4);
    const articles = join(dir, "content/articles");
    symlinkSync("2026/a3.md", join(articles, "link.md"));
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "Посилання");
    writeFileSync(join(articles, "a0.md"), article({ title: "Змінена", date: "2026-01-01 10:00", topic: "kultura" }));
    writeFileSync(join(articles, "new.md"), article({ title: "Нова", date: "2026-01-02 10:00", topic: "kultura" }));
    writeFileSync(join(articles, "2026/a1.md"), article({ title: "У індексі", date: "2026-01-02 10:00", topic: "kultura" }));
    git(dir, "add", "content/articles/2026/a1.md");
    git(dir, "mv", "content/articles/a2.md", "content/articles/a2-renamed.md");
    const clean = await cleanTrackedFiles(articles);
    expect([...clean!.keys()].sort()).toEqual([join(articles, "2026/a3.md")]);
    expect(clean!.get(join(articles, "2026/a3.md"))).toBe(contentHash(readFileSync(join(articles, "2026/a3.md"))));
  });

  it("is no help outside a repository", async () => {
    expect(await cleanTrackedFiles(join(makeSite({}), "content/articles"))).toBeUndefined();
  });

  it("lets a build in a fresh clone read only the changed files, with the model of a build from scratch", async () => {
    const origin = repository(30);
    expect((await build(origin)).read).toBe(30);

    // Netlify: a fresh clone (every file's modification time new) and the build state restored.
    const clone = tempDir();
    git(clone, "clone", "-q", origin, ".");
    cpSync(join(origin, "._site.articles"), join(clone, "._site.articles"), { recursive: true });
    writeFileSync(join(clone, "content/articles/a4.md"), article({ title: "Виправлена", date: "2026-01-05 10:00", topic: "kultura" }));
    writeFileSync(join(clone, "content/articles/new.md"), article({ title: "Нова", date: "2026-01-06 10:00", topic: "kultura" }));

    const incremental = await build(clone);
    expect(incremental.read).toBe(2);
    expect(titles(incremental.site)).toEqual(titles(await loadSite(clone)));
    expect(titles(incremental.site)).toContain(`${incremental.site.articles.find((item) => item.title === "Виправлена")!.url} Виправлена ${contentHash(readFileSync(join(clone, "content/articles/a4.md")))}`);

    // Without git (an export of the site), every file whose modification time is not the one
    // cached is read and hashed (all but the two just read), and gives the same model.
    rmSync(join(clone, ".git"), { recursive: true });
    const withoutGit = await build(clone);
    expect(withoutGit.read).toBe(29);
    expect(titles(withoutGit.site)).toEqual(titles(incremental.site));
  });
});
