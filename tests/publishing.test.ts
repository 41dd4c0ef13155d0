// Publishing that can never hurt: real `strichka build` runs against manifests, links and
// files that an attacker, a deploy script or a hurried editor put where the build looks.
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { article, build, buildCommandInProcess, fullBuildContents, listFiles, makeSite, siteContents, tempDir } from "./helpers/site.js";

const ARTICLE = { "content/articles/a.md": article({ title: "Новина про ціни", date: "2026-01-14 10:00", topic: "ekonomika" }) };

/**
 * `strichka build` in `dir`, in this process (the whole command: output checks, staging,
 * Eleventy, publishing); the first test of each kind also runs it as a child process.
 */
const publish = (dir: string) => buildCommandInProcess(dir);

function expectBuilt(result: { status: number | null | undefined; stderr: string }): void {
  expect(result.status, result.stderr).toBe(0);
}

describe("a manifest is untrusted input", () => {
  it("never deletes a file outside the site, whatever the manifests list; it warns and builds from scratch", async () => {
    const dir = makeSite(ARTICLE);
    const victim = join(dir, "..", `${dir.split("/").pop()}-victim.txt`);
    writeFileSync(victim, "не чіпати");
    writeFileSync(join(dir, "content/keep-me.txt"), "не чіпати");
    expectBuilt(build(dir));
    expectBuilt(await publish(dir)); // now there is a recycled site with its manifest too
    const hostile = ["../../victim.txt", `../../${victim.split("/").pop()}`, "../content/keep-me.txt", "/etc/hostname", "novyny/../../content/keep-me.txt"];
    for (const manifest of ["._site.files.json", "._site.recycled.files.json"]) {
      const path = join(dir, manifest);
      expect(existsSync(path), manifest).toBe(true);
      writeFileSync(path, JSON.stringify([...(JSON.parse(readFileSync(path, "utf8")) as string[]), ...hostile]));
    }
    const first = await publish(dir);
    expectBuilt(first);
    expect(first.stderr).toMatch(/files\.json lists ".*", which is not a file inside .*building from scratch/);
    expectBuilt(await publish(dir)); // and the build after it, from the clean build's recycled site
    expect(readFileSync(victim, "utf8")).toBe("не чіпати");
    expect(readFileSync(join(dir, "content/keep-me.txt"), "utf8")).toBe("не чіпати");
    expect(listFiles(join(dir, "_site"))).toContain("index.html");
  });

  it("a manifest that is not a list of files is a clean build too", async () => {
    const dir = makeSite(ARTICLE);
    expectBuilt(await publish(dir));
    expectBuilt(await publish(dir));
    writeFileSync(join(dir, "._site.recycled.files.json"), "{ not json");
    const result = await publish(dir);
    expectBuilt(result);
    expect(result.stderr).toContain("._site.recycled.files.json is not a list of files");
    expect(listFiles(join(dir, "_site"))).toContain("index.html");
  });
});

describe("a linked output folder", () => {
  it("is published through: the link stays, its target holds the new site", async () => {
    const dir = makeSite(ARTICLE);
    const target = join(tempDir(), "www");
    mkdirSync(target);
    symlinkSync(target, join(dir, "_site"));
    expectBuilt(build(dir));
    writeFileSync(join(dir, "content/articles/b.md"), article({ title: "Друга новина", date: "2026-01-15 10:00", topic: "kultura" }));
    expectBuilt(await publish(dir));
    expect(lstatSync(join(dir, "_site")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "_site"))).toBe(target);
    expect(readFileSync(join(target, "index.html"), "utf8")).toContain("Друга новина");
  });

  it("a link to nothing is refused with a message", async () => {
    const dir = makeSite(ARTICLE);
    symlinkSync(join(dir, "nowhere"), join(dir, "_site"));
    const result = await publish(dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("is a link to a folder that does not exist");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("what is added to _site/ by hand", () => {
  it("is gone after every build, links and empty folders too (no flip between builds); content/public/ is published at the root", async () => {
    const dir = makeSite({
      ...ARTICLE,
      "content/public/CNAME": "news.example.ua\n",
      "content/public/ads.txt": "google.com, pub-0, DIRECT\n",
      "content/public/.well-known/security.txt": "Contact: mailto:it@example.ua\n",
      "content/public/notes.md": "# не сторінка\n",
    });
    expectBuilt(build(dir));
    // Two rounds: before, such things flipped in and out on alternate builds.
    for (let round = 1; round <= 2; round++) {
      symlinkSync(tempDir(), join(dir, "_site/link"));
      mkdirSync(join(dir, "_site/empty"));
      writeFileSync(join(dir, "_site/by-hand.txt"), "x");
      expectBuilt(await publish(dir));
      const top = readdirSync(join(dir, "_site"));
      expect(top, `round ${round}`).not.toContain("link");
      expect(top, `round ${round}`).not.toContain("empty");
      expect(top, `round ${round}`).not.toContain("by-hand.txt");
      expect(readFileSync(join(dir, "_site/CNAME"), "utf8")).toBe("news.example.ua\n");
      expect(existsSync(join(dir, "_site/ads.txt"))).toBe(true);
      expect(existsSync(join(dir, "_site/.well-known/security.txt"))).toBe(true);
      // Copied as it is: a Markdown file there is not a page.
      expect(readFileSync(join(dir, "_site/notes.md"), "utf8")).toBe("# не сторінка\n");
      expect(existsSync(join(dir, "_site/notes/index.html"))).toBe(false);
    }
  });

  it("deep in the site too: a build reads only the folders whose time moved, and still removes what was added there and renders again what was deleted", async () => {
    const dir = makeSite({ ...ARTICLE, "content/articles/b.md": article({ title: "Друга новина", date: "2026-01-15 10:00", topic: "ekonomika" }) });
    // Twice: the site the third build builds into has the record of its folders' times.
    expectBuilt(await publish(dir));
    expectBuilt(await publish(dir));
    const day = "novyny/2026/01/14";
    const page = readdirSync(join(dir, "_site", day)).find((name) => name.endsWith(".html"))!;
    for (let round = 1; round <= 2; round++) {
      writeFileSync(join(dir, "_site", day, "by-hand.html"), "x");
      mkdirSync(join(dir, "_site", day, "added/deeper"), { recursive: true });
      writeFileSync(join(dir, "_site", day, "added/deeper/x.html"), "x");
      symlinkSync(tempDir(), join(dir, "_site/temy/link"));
      rmSync(join(dir, "_site", day, page));
      // The first build builds into the site before; the second into the one changed by hand.
      expectBuilt(await publish(dir));
      expectBuilt(await publish(dir));
      expect(siteContents(join(dir, "_site")), `round ${round}`).toEqual(await fullBuildContents(dir));
      for (const path of [`${day}/by-hand.html`, `${day}/added`, "temy/link"]) expect(existsSync(join(dir, "_site", path)), `${path}, round ${round}`).toBe(false);
    }
  });
});
