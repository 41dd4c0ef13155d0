// A site's own files for its root (content/public/) where strichka writes files itself:
// `_redirects` is merged (the site's rules first), anything else fails the build, naming it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { article, buildCommandInProcess, makeSite } from "./helpers/site.js";

describe("content/public/ files where strichka writes its own", () => {
  it("_redirects: the site's rules come first, then the articles' old addresses", async () => {
    const dir = makeSite({
      "content/public/_redirects": "/stare-mistse /nove-mistse 301\n/api/* https://api.example.org/:splat 200",
      "content/articles/nova.md": article({ title: "Нова", date: "2026-01-10 10:00", topic: "kultura", aliases: "[/stara-adresa.html]" }),
    });
    const result = await buildCommandInProcess(dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const rules = readFileSync(join(dir, "_site/_redirects"), "utf8").split("\n").filter((line) => line && !line.startsWith("#"));
    expect(rules).toEqual(["/stare-mistse /nove-mistse 301", "/api/* https://api.example.org/:splat 200", "/stara-adresa.html /novyny/2026/01/10/nova.html 301!"]);
  });

  it("fails the build for any other file there, naming each and what to do instead; nothing is published", async () => {
    const dir = makeSite({
      "content/public/sw.js": "// a site's own worker",
      "content/public/offline.html": "<p>Офлайн</p>",
      "content/public/robots.txt": "User-agent: *",
      "content/public/poshuk/index.html": "<p>Свій пошук</p>",
      "content/public/CNAME": "news.example.org",
      "content/articles/nova.md": article({ title: "Нова", date: "2026-01-10 10:00", topic: "kultura" }),
    });
    const result = await buildCommandInProcess(dir);
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain("content/public/sw.js: strichka writes the service worker for reading on the go at /sw.js itself");
    expect(output).toContain("content/public/offline.html: strichka writes the offline page of the service worker at /offline.html itself");
    expect(output).toContain("put a template at content/offline.njk");
    expect(output).toContain("content/public/robots.txt: strichka writes robots.txt at /robots.txt itself");
    expect(output).toContain("content/public/poshuk/: strichka writes the search page and its index in /poshuk/ itself");
    expect(output).not.toContain("CNAME");
    expect(existsSync(join(dir, "_site"))).toBe(false);
  });

  it("are reported with the content's mistakes, all at once", async () => {
    const dir = makeSite({
      "content/public/robots.txt": "User-agent: *",
      "content/articles/nova.md": article({ title: "Нова", date: "2026-13-40 10:00", topic: "kultura" }),
      "content/articles/insha.md": article({ title: "Інша", date: "2026-01-10 10:00", topic: "nemaie-takoi" }),
    });
    const result = await buildCommandInProcess(dir);
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain("3 problems in the content");
    expect(output).toContain("content/public/robots.txt: strichka writes robots.txt");
    expect(output).toMatch(/content\/articles\/nova\.md:3: date "2026-13-40 10:00" is not a date/);
    expect(output).toMatch(/content\/articles\/insha\.md:4: topic "nemaie-takoi" is not a topic/);
    expect(existsSync(join(dir, "_site"))).toBe(false);
  });
});
