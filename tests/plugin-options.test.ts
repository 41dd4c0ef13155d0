import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import strichka, { ELEVENTY_VERSIONS } from "../src/index.js";
import type { EleventyConfig } from "../src/eleventy-config.js";
import { article, makeSite, ROOT } from "./helpers/site.js";
import { readHtml } from "./helpers/html.js";
import { runEleventy, strichkaFolders } from "./helpers/eleventy.js";

// The options are checked before the plugin touches Eleventy's configuration.
const untouched = new Proxy({}, { get: () => { throw new Error("the configuration was used"); } }) as EleventyConfig;

describe("plugin options", () => {
  it.each([
    [{ timeZone: "Europe/Kiyv" }, 'timeZone "Europe/Kiyv" is not an IANA time zone'],
    [{ relatedCount: -1 }, "relatedCount must be a whole number ≥ 0, not -1"],
    [{ pageSize: 0 }, "pageSize must be a whole number ≥ 1, not 0"],
    [{ relatedCont: 5 }, '"relatedCont" is not an option (the options are timeZone, videoAfterParagraph, relatedCount'],
    [{ urls: { topics: "/Теми/" } }, 'topics "/Теми/" must be a folder'],
    [{ locale: { relatd: "Читайте також:" } }, '"relatd" is not one of the texts'],
  ])("refuses %j, saying why", (options, message) => {
    expect(() => strichka(untouched, options as never)).toThrow(message);
  });
});

describe("the plugin in Eleventy", () => {
  it("is added once, however often a config adds it: the first options win", async () => {
    const dir = makeSite({
      "content/articles/a.md": article({ title: "Перша", date: "2026-01-14 10:00", topic: "kultura" }),
      "content/articles/b.md": article({ title: "Друга", date: "2026-01-15 10:00", topic: "kultura" }),
    });
    const { error } = await runEleventy(dir, "_site", (config) => {
      strichkaFolders(config);
      config.addPlugin(strichka, { latestCount: 2 });
      config.addPlugin(strichka, { latestCount: 1 });
    }, { input: "content" });
    expect(error).toBeUndefined();
    const home = readHtml(join(dir, "_site/index.html"));
    expect([...home.querySelectorAll(".news-title")].map((link) => link.textContent)).toEqual(["Друга", "Перша"]);
  });

  it("asks for the Eleventy versions package.json allows, which the lock file resolves", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { version: string }> };
    // ~3.1.8 is >=3.1.8 <3.2.0: what versionCheck refuses, npm does not install.
    expect(manifest.dependencies["@11ty/eleventy"]).toBe("~3.1.8");
    expect(ELEVENTY_VERSIONS).toBe(">=3.1.8 <3.2");
    expect(lock.packages["node_modules/@11ty/eleventy"]!.version).toMatch(/^3\.1\.(8|9|\d\d+)$/);
  });
});
