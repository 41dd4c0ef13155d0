// A headline of 300 characters: the file name `strichka new` makes of it (and so the URL,
// which comes from the file name) has its slug capped (slug.ts), so file names stay far below
// the 255 bytes a file system allows, and the build succeeds with the whole headline.
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { articleFile } from "../src/scaffold.js";
import { MAX_SLUG_LENGTH } from "../src/slug.js";
import { buildInProcess, makeSite } from "./helpers/site.js";
import { readHtml } from "./helpers/html.js";

const TITLE = Array.from({ length: 12 }, (_, index) => `Щоденний звіт енергетиків ${index + 1}`).join(", ") + ": усе про відключення";

describe("a headline of 300 characters", () => {
  it("builds, with the slug cut to at most 80 characters on a word and the whole headline on the page", async () => {
    expect(TITLE.length).toBeGreaterThanOrEqual(300);
    const { name, text } = articleFile(TITLE, "kultura", DateTime.fromISO("2026-01-14T10:00:00", { zone: "Europe/Kyiv" }));
    const dir = makeSite({});
    writeFileSync(join(dir, "content/articles", name), text);
    const result = await buildInProcess(dir);
    expect(result.error, result.stdout + result.stderr).toBeUndefined();
    const [page, ...others] = readdirSync(join(result.output, "novyny/2026/01/14"));
    expect(others).toEqual([]);
    const slug = page!.slice(0, -".html".length);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    // Cut after a whole word: «енергетиків» (the next word) would make it 90.
    expect(slug).toBe("shchodennyi-zvit-enerhetykiv-1-shchodennyi-zvit-enerhetykiv-2-shchodennyi-zvit");
    expect(name).toBe(`2026-01-14-${slug}.md`);
    const document = readHtml(join(result.output, "novyny/2026/01/14", page!));
    expect(document.querySelector("h1")?.textContent).toBe(TITLE);
  });
});
