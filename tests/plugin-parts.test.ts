// The plugin's parts (src/plugin/*) as a site's templates see them, in a real Eleventy build.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as strichkaPackage from "../src/index.js";
import strichka from "../src/index.js";
import { article, makeSite } from "./helpers/site.js";
import { runEleventy, strichkaFolders } from "./helpers/eleventy.js";

describe("date filters", () => {
  it("are named for what they do, in the site's zone, and the earlier kyiv* names do the same", async () => {
    const filters = ["newsDate", "newsDateTime", "newsTime", "kyivDate", "kyivDateTime", "kyivTime"];
    const dir = makeSite({
      "content/articles/a.md": article({ title: "Новина", date: "2026-01-14 10:00", topic: "kultura" }),
      "content/dates.njk": `---\npermalink: /dates.txt\n---\n${filters.map((name) => `{{ "2026-01-14T23:40:00Z" | ${name} }}`).join("|")}`,
    });
    const { error } = await runEleventy(dir, "_site", (config) => {
      strichkaFolders(config);
      config.addPlugin(strichka, { timeZone: "America/New_York" });
    }, { input: "content" });
    expect(error).toBeUndefined();
    const shown = readFileSync(join(dir, "_site/dates.txt"), "utf8").trim().split("|");
    expect(shown).toEqual(["14 січня 2026", "14 січня 2026, 18:40", "18:40", "14 січня 2026", "14 січня 2026, 18:40", "18:40"]);
  });

  it("the package exports the formatters under both names", () => {
    expect(strichkaPackage.formatNewsDate).toBe(strichkaPackage.formatKyivDate);
    expect(strichkaPackage.formatNewsDateTime).toBe(strichkaPackage.formatKyivDateTime);
    expect(strichkaPackage.formatNewsTime).toBe(strichkaPackage.formatKyivTime);
    expect(strichkaPackage.formatNewsDateTime(new Date("2026-01-14T21:40:00Z"))).toBe("14 січня 2026, 23:40");
  });
});
