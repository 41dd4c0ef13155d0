import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprintedName, readAssets } from "../src/assets.js";
import { tempDir } from "./helpers/site.js";

describe("fingerprinted assets", () => {
  it("names a file by the hash of its content", () => {
    expect(fingerprintedName("style.css", "a{}")).toMatch(/^style\.[0-9a-f]{10}\.css$/);
    expect(fingerprintedName("style.css", "a{}")).toBe(fingerprintedName("style.css", "a{}"));
    expect(fingerprintedName("style.css", "a{}")).not.toBe(fingerprintedName("style.css", "b{}"));
  });

  it("fingerprints CSS and JS only", async () => {
    const dir = join(tempDir(), "assets");
    mkdirSync(dir);
    writeFileSync(join(dir, "style.css"), "body{}");
    writeFileSync(join(dir, "app.js"), "1");
    writeFileSync(join(dir, "icon.svg"), "<svg/>");
    const assets = await readAssets(dir, "/assets/");
    expect(assets.map((asset) => asset.url)).toEqual(["/assets/app.js", "/assets/style.css"]);
    expect(assets[1]!.publishedUrl).toMatch(/^\/static\/style\.[0-9a-f]{10}\.css$/);
    expect(await readAssets(join(dir, "missing"), "/assets/")).toEqual([]);
  });
});
