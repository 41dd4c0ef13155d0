// relativeBelow (content/load.ts): path.relative for the files found in a folder, worked out
// from the folder's relative path once; it must give exactly what path.relative gives.
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relativeBelow } from "../src/content/load.js";

describe("relativeBelow", () => {
  const segment = fc.constantFrom("content", "articles", "2026", "01", "a b", "новини", "..x", ".hidden", "x.md");
  const folderForm = fc.oneof(
    fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("/")),
    fc.array(segment, { maxLength: 3 }).map((parts) => `/tmp/${parts.join("/")}`),
    fc.constantFrom(".", "./content/articles", "content/articles/", "../site/content", "/"),
  );
  const fromForm = fc.constantFrom(process.cwd(), "/tmp", "/", ".", "content", "/tmp/content/articles");

  it("is path.relative for every file below the folder, whatever the folder and the root", () => {
    fc.assert(
      fc.property(fromForm, folderForm, fc.array(segment, { minLength: 1, maxLength: 4 }), (from, folder, names) => {
        const path = names.reduce((at, name) => join(at, name), folder);
        expect(relativeBelow(from, folder)(path)).toBe(relative(from, path));
      }),
      { numRuns: 500 },
    );
  });

  it("is path.relative for a path elsewhere", () => {
    expect(relativeBelow("/tmp", "content/articles")("other/x.md")).toBe(relative("/tmp", "other/x.md"));
    expect(relativeBelow(process.cwd(), "content/articles")("content/articles")).toBe("content/articles");
  });
});
