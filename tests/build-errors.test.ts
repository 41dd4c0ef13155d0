// An editor's mistakes, built for real: the build fails with every problem named by file
// and field, no stack trace, and the site that was there before stays exactly as it was.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { article, build, listFiles, makeSite } from "./helpers.js";

describe("a build with mistakes in the content", () => {
  it("fails with all mistakes at once, by file and field, and leaves the old _site alone", () => {
    const dir = makeSite({
      "content/articles/good.md": article({ title: "Добра новина", date: "2026-01-14 10:00", topic: "kultura" }),
      "content/articles/no-title.md": article({ date: "2026-01-14", topic: "kultura" }),
      "content/articles/bad-date.md": article({ title: "Погана дата", date: "2026-13-45", topic: "kultura" }),
      "content/articles/bad-topic.md": article({ title: "Невідома тема", date: "2026-01-14", topic: "sport" }),
    });
    const output = join(dir, "_site");
    mkdirSync(output);
    writeFileSync(join(output, "index.html"), "<p>вчорашній сайт</p>");

    const result = build(dir, output);
    expect(result.status).toBe(1);
    const said = result.stdout + result.stderr;
    expect(said).toContain("content/articles/no-title.md: title is missing; write the headline");
    expect(said).toContain('content/articles/bad-date.md:3: date "2026-13-45" is not a date');
    expect(said).toContain('content/articles/bad-topic.md:4: topic "sport" is not a topic in _data/topics.json; use one of: ekonomika, kultura');
    expect(said).toContain("Nothing was published");
    // No stack trace for an editor's mistake.
    expect(said).not.toMatch(/^\s+at /m);
    expect(said).not.toContain("stack trace");

    expect(listFiles(output)).toEqual(["index.html"]);
    expect(readFileSync(join(output, "index.html"), "utf8")).toBe("<p>вчорашній сайт</p>");
  });

  it("replaces the whole _site on success, so nothing stale stays published", () => {
    const dir = makeSite({
      "content/articles/good.md": article({ title: "Добра новина", date: "2026-01-14 10:00", topic: "kultura" }),
    });
    const output = join(dir, "_site");
    mkdirSync(join(output, "novyny"), { recursive: true });
    writeFileSync(join(output, "novyny/vydalena.html"), "стара новина");

    const result = build(dir, output);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const files = listFiles(output);
    expect(files).not.toContain("novyny/vydalena.html");
    expect(files).toContain("novyny/2026/01/14/dobra-novyna.html");
    expect(files.filter((file) => file.startsWith("."))).toEqual([]);
  });
});
