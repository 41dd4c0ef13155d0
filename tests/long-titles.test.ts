// A headline of 300 characters: its slug is capped (slug.ts), so the page's file name stays
// far below the 255 bytes a file system allows, and the build succeeds.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_SLUG_LENGTH } from "../src/slug.js";
import { article, build, makeSite, readHtml } from "./helpers.js";

const TITLE = Array.from({ length: 12 }, (_, index) => `Щоденний звіт енергетиків ${index + 1}`).join(", ") + ": усе про відключення";

describe("a headline of 300 characters", () => {
  it("builds, with the slug cut to at most 80 characters on a word and the whole headline on the page", () => {
    expect(TITLE.length).toBeGreaterThanOrEqual(300);
    const dir = makeSite({ "content/articles/long.md": article({ title: `'${TITLE}'`, date: "2026-01-14 10:00", topic: "kultura" }) });
    const result = build(dir);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const [page, ...others] = readdirSync(join(result.output, "novyny/2026/01/14"));
    expect(others).toEqual([]);
    const slug = page!.slice(0, -".html".length);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    // Cut after a whole word: «енергетиків» (the next word) would make it 90.
    expect(slug).toBe("shchodennyi-zvit-enerhetykiv-1-shchodennyi-zvit-enerhetykiv-2-shchodennyi-zvit");
    const document = readHtml(join(result.output, "novyny/2026/01/14", page!));
    expect(document.querySelector("h1")?.textContent).toBe(TITLE);
  });
});
