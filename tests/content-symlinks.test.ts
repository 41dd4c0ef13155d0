// Symbolic links in the articles folder, made for real in temp folders: linked articles are
// published like any other, and a link in circles or to nothing is a content problem that
// names the link, never an endless walk.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, formatProblem } from "../src/errors.js";
import { MinifiedTemplates } from "../src/minify.js";
import { childPath, walkFiles } from "../src/walk.js";
import { article, build, loadSite, makeSite, tempDir } from "./helpers/site.js";

function load(dir: string) {
  return loadSite(dir);
}

async function problemsOf(dir: string): Promise<string[]> {
  const error: unknown = await load(dir).then(() => undefined, (rejected: unknown) => rejected);
  expect(error).toBeInstanceOf(ContentError);
  return (error as ContentError).problems.map(formatProblem);
}

describe("symbolic links in the articles folder", () => {
  it("loads linked article files and linked folders like any other article", async () => {
    const dir = makeSite({
      "content/articles/own.md": article({ title: "Своя новина", date: "2026-01-14 09:00", topic: "kultura" }),
      "shared/one.md": article({ title: "Спільна новина", date: "2026-01-14 10:00", topic: "kultura" }),
      "archive/2025/old.md": article({ title: "Стара новина", date: "2025-12-01 10:00", topic: "ekonomika" }),
    });
    symlinkSync(join(dir, "shared/one.md"), join(dir, "content/articles/linked.md"));
    symlinkSync("../../archive", join(dir, "content/articles/archive"));
    const site = await load(dir);
    expect(site.articles.map((a) => [a.title, a.sourceFile])).toEqual([
      ["Спільна новина", "linked.md"],
      ["Своя новина", "own.md"],
      ["Стара новина", "archive/2025/old.md"],
    ]);
  });

  it("reports a link to a folder that contains it, a link to itself and a link to nothing, naming each; the rest is still checked", async () => {
    const dir = makeSite({
      "content/articles/good.md": article({ title: "Добра", date: "2026-01-14", topic: "kultura" }),
      "content/articles/deep/bad.md": article({ title: "Погана", date: "2026-13-45", topic: "kultura" }),
    });
    symlinkSync(".", join(dir, "content/articles/loop"));
    symlinkSync("..", join(dir, "content/articles/deep/up"));
    symlinkSync("../../..", join(dir, "content/articles/deep/root"));
    symlinkSync("self.md", join(dir, "content/articles/self.md"));
    symlinkSync("../gone.md", join(dir, "content/articles/dangling.md"));
    const problems = await problemsOf(dir);
    expect(problems.sort()).toEqual(
      [
        "content/articles/loop: is a link to a folder that contains it; remove the link",
        "content/articles/deep/up: is a link to a folder that contains it; remove the link",
        "content/articles/deep/root: is a link to a folder that contains it; remove the link",
        "content/articles/self.md: is a link that leads back to itself; remove the link",
        "content/articles/dangling.md: is a link to ../gone.md, which does not exist; correct the link or remove it",
        'content/articles/deep/bad.md:3: date "2026-13-45" is not a date; write 2026-01-14, 2026-01-14 23:40 (Kyiv time) or 2026-01-14T23:40:00+02:00',
      ].sort(),
    );
  });

  it("sees a loop made of two links, each to the other's folder", async () => {
    const dir = makeSite({ "content/articles/a/one.md": article({ title: "Одна", date: "2026-01-14", topic: "kultura" }) });
    mkdirSync(join(dir, "elsewhere"));
    symlinkSync(join(dir, "elsewhere"), join(dir, "content/articles/a/out"));
    symlinkSync(join(dir, "content/articles/a"), join(dir, "elsewhere/back"));
    expect(await problemsOf(dir)).toEqual(["content/articles/a/out/back: is a link to a folder that contains it; remove the link"]);
  });

  it("leaves out Emacs's lock files (.#name.md, links to nothing by design)", async () => {
    const dir = makeSite({ "content/articles/a.md": article({ title: "А", date: "2026-01-14", topic: "kultura" }) });
    symlinkSync("editor@host.1234:1700000000", join(dir, "content/articles/.#a.md"));
    expect((await load(dir)).articles.map((a) => a.sourceFile)).toEqual(["a.md"]);
  });

  it("the minifier follows linked templates and reports a loop instead of walking it", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "layouts"));
    writeFileSync(join(dir, "layouts/base.njk"), "<main>\n  {{ content | safe }}\n</main>\n");
    mkdirSync(join(dir, "templates"));
    symlinkSync(join(dir, "layouts"), join(dir, "templates/shared"));
    const templates = new MinifiedTemplates();
    await templates.load([join(dir, "templates")]);
    expect(templates.lookup("<main>\n  {{ content | safe }}\n</main>\n")).toBe("<main> {{ content | safe }} </main> ");
    symlinkSync(".", join(dir, "templates/loop"));
    symlinkSync(".", join(dir, "templates/loop2"));
    const error: unknown = await templates.load([join(dir, "templates")]).catch((rejected: unknown) => rejected);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map((problem) => problem.message)).toEqual([
      "is a link to a folder that contains it; remove the link",
      "is a link to a folder that contains it; remove the link",
    ]);
  });
});

describe("a build with a link in circles", () => {
  // Two `ln -s .` links made the template scan (readdir recursive, following links) take
  // exponential time: the build never finished. Now it fails at once, naming the links.
  it("fails in seconds, naming the links, with no stack trace", () => {
    const dir = makeSite({ "content/articles/a.md": article({ title: "А", date: "2026-01-14", topic: "kultura" }) });
    symlinkSync(".", join(dir, "content/articles/loop"));
    symlinkSync(".", join(dir, "content/articles/loop2"));
    const started = Date.now();
    const result = build(dir);
    const said = result.stdout + result.stderr;
    expect(result.status, said).toBe(1);
    expect(said).toContain("content/articles/loop: is a link to a folder that contains it; remove the link");
    expect(said).toContain("content/articles/loop2: is a link to a folder that contains it; remove the link");
    expect(said).toContain("Nothing was published");
    expect(said).not.toMatch(/^\s+at /m);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});

describe("the walk's paths", () => {
  it("are join's: childPath gives join(dir, name) for a normalized folder, whatever its form", () => {
    for (const dir of [".", "/", "content", "content/articles", "content/articles/", "/srv/site/content", "../elsewhere/articles"].map((folder) => normalize(folder))) {
      for (const name of ["a.md", ".hidden.md", "...", "статті"]) expect(childPath(dir, name), `${dir} + ${name}`).toBe(join(dir, name));
    }
  });

  it("as found from a folder given in any form: files keep the same names", () => {
    const dir = makeSite({ "content/articles/2026/01/a.md": "x", "content/articles/b.md": "x" });
    const expected = [join(dir, "content/articles/2026/01/a.md"), join(dir, "content/articles/b.md")];
    for (const folder of [join(dir, "content/articles"), `${join(dir, "content/articles")}/`, `${dir}/./content//articles`]) {
      expect(walkFiles(folder, { wanted: (name) => name.endsWith(".md") }).files, folder).toEqual(expected);
    }
  });
});
