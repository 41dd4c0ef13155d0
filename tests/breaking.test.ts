// The breaking news banner (_data/breaking.json): on every page while current at the build's
// clock (STRICHKA_NOW here), left out by the first build after `until` though no file
// changed (incremental byte for byte a full build), hidden by strichka.js at `until` in a
// page kept from before (Chromium, with netlify.toml's CSP), and its mistakes named.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { article, atClock, buildCommandInProcess, buildInProcess, fullBuildContents, listFiles, makeSite, siteContents, type InProcessBuild } from "./helpers/site.js";
import { htmlValidationErrors, readHtml } from "./helpers/html.js";
import { CHROMIUM, launchChromium, netlifyHeaderRules, serveSite } from "./helpers/hosting.js";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const HOSTILE = `<script>alert("x")</script> & ]]>`;
const ARTICLE = "novyny/2026/01/14/hryvnia.html";
const FILES = {
  "content/articles/hryvnia.md": article({ title: "Гривня зміцнилася", date: "2026-01-14 10:00", topic: "ekonomika" }),
  "content/articles/inshe.md": article({ title: "Інша", date: "2026-01-13 10:00", topic: "kultura" }),
};
const BANNER = { text: `Повітряна тривога в Києві: "в укриття" ${HOSTILE}`, url: `/${ARTICLE}`, until: "2026-01-14 18:00" };

function site(banner: unknown = BANNER): string {
  return makeSite({ ...FILES, "_data/breaking.json": JSON.stringify(banner) });
}

let bannerOn: Promise<InProcessBuild> | undefined;
/** The site with BANNER, built in this process at 12:00 (the banner current): once, for the two tests that only read it. */
const builtWithBanner = () => (bannerOn ??= atClock("2026-01-14 12:00", () => buildInProcess(site())));

describe("the breaking news banner", () => {
  it("is on every page while current at the build's clock, escaped, its link relative", async () => {
    const result = await builtWithBanner();
    expect(result.error).toBeUndefined();
    // (Reader pages: not the editors' desk, admin/, see admin.test.ts.)
    const pages = listFiles(result.output).filter((file) => file.endsWith(".html") && !file.startsWith("admin/"));
    expect(pages.length).toBeGreaterThan(8);
    for (const file of pages) {
      const banner = readHtml(join(result.output, file)).querySelector("body > aside.breaking");
      expect(banner, file).not.toBeNull();
      expect(banner!.getAttribute("data-until")).toBe("2026-01-14T18:00:00+02:00");
      expect(banner!.getAttribute("aria-label")).toBe("Терміново");
    }
    const page = readHtml(join(result.output, "temy/ekonomika/index.html"));
    const banner = page.querySelector(".breaking")!;
    expect(banner.textContent?.trim()).toBe(`Терміново Повітряна тривога в Києві: «в укриття» <script>alert(«x»)</script> & ]]>`);
    expect(banner.querySelector("script")).toBeNull();
    expect(banner.querySelector("a")?.getAttribute("href")).toBe(`../../${ARTICLE}`);
    // First in the page after the skip link, before the masthead.
    expect(page.querySelector(".skip-link + aside.breaking + header.masthead")).not.toBeNull();
    expect(await htmlValidationErrors(readFileSync(join(result.output, "index.html"), "utf8"), "index.html")).toEqual([]);
    expect(await htmlValidationErrors(readFileSync(join(result.output, ARTICLE), "utf8"), ARTICLE)).toEqual([]);
  });

  it("without a link, text only; none without the file", async () => {
    const result = await atClock("2026-01-14 12:00", () => buildInProcess(site({ text: "Тривога", until: "2026-01-14T18:00:00+02:00" })));
    expect(result.error).toBeUndefined();
    const banner = readHtml(join(result.output, "index.html")).querySelector(".breaking")!;
    expect(banner.querySelector("a")).toBeNull();
    expect(banner.textContent?.trim()).toBe("Терміново Тривога");
    const without = await buildInProcess(makeSite(FILES));
    expect(readHtml(join(without.output, "index.html")).querySelector(".breaking")).toBeNull();
  });

  it("is not there at or after `until`", async () => {
    const result = await atClock("2026-01-14 18:00", () => buildInProcess(site()));
    expect(result.error).toBeUndefined();
    for (const file of listFiles(result.output)) expect(readFileSync(join(result.output, file), "utf8"), file).not.toContain("Повітряна тривога");
  });

  it("an incremental build after `until` leaves it out though no file changed, byte for byte a full build", async () => {
    const dir = site();
    for (let build = 0; build < 2; build++) expect((await atClock("2026-01-14 12:00", () => buildCommandInProcess(dir))).status).toBe(0);
    expect(readFileSync(join(dir, "_site/index.html"), "utf8")).toContain("Повітряна тривога");
    const result = await atClock("2026-01-14 18:30", () => buildCommandInProcess(dir));
    expect(result.status, result.stderr).toBe(0);
    const html = listFiles(join(dir, "_site")).filter((file) => file.endsWith(".html"));
    for (const file of html) expect(readFileSync(join(dir, "_site", file), "utf8"), file).not.toContain("Повітряна тривога");
    expect(siteContents(join(dir, "_site"))).toEqual(await atClock("2026-01-14 18:30", () => fullBuildContents(dir)));
  });

  it("a sharded build has it on the shards' pages too, and a live blog's updates, byte for byte a full build", async () => {
    const live = article({ title: "Наживо", date: "2026-01-14 08:00", topic: "ekonomika", live: "true" }, "## 08:00\nПерше.\n\n## 11:30 Друге\nДруге.\n");
    const dir = makeSite({ ...FILES, "content/articles/nazhyvo.md": live, "_data/breaking.json": JSON.stringify(BANNER) });
    const result = await atClock("2026-01-14 12:00", () => buildCommandInProcess(dir, "--shard-pages=3", "--processes=2"));
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, "_site", ARTICLE), "utf8")).toContain("Повітряна тривога");
    expect(readHtml(join(dir, "_site/novyny/2026/01/14/nazhyvo.html")).querySelector(".live-update")?.id).toBe("update-2026-01-14-1130");
    expect(siteContents(join(dir, "_site"))).toEqual(await atClock("2026-01-14 12:00", () => fullBuildContents(dir)));
  });

  it("fails with the file and field of each mistake, with the articles' problems", async () => {
    const bad = async (banner: unknown) => (await atClock("2026-01-14 12:00", () => buildInProcess(site(banner)))).contentError?.message ?? "";
    expect(await bad({ text: "Тривога", until: "завтра" })).toContain('_data/breaking.json: until "завтра" is not a date; write when the banner goes, in Kyiv time: 2026-01-14 18:00');
    expect(await bad({ text: "Тривога" })).toContain("_data/breaking.json: until is missing; write when the banner goes, in Kyiv time");
    expect(await bad({ text: " ", until: "2026-01-14 18:00" })).toContain("_data/breaking.json: text is empty;");
    expect(await bad({ text: "Тривога", url: "javascript:alert(1)", until: "2026-01-14 18:00" })).toContain('_data/breaking.json: url "javascript:alert(1)" is not a path in the site nor an http(s) address');
    expect(await bad({ text: "Тривога", until: "2026-01-14 18:00", colour: "red" })).toContain('_data/breaking.json: "colour" is not a field of the banner; use text, url and until');
    expect(await bad(["Тривога"])).toContain("_data/breaking.json: is not a banner;");
    const both = await buildInProcess(makeSite({ ...FILES, "content/articles/bad.md": article({ title: "Без теми", date: "2026-01-14 10:00", topic: "sport" }), "_data/breaking.json": JSON.stringify({ text: "Тривога", until: "завтра" }) }));
    expect(both.contentError?.message).toContain("2 problems in the content");
  });
});

describe.skipIf(!existsSync(CHROMIUM))("the banner in Chromium (netlify.toml's CSP)", () => {
  // One Chromium for both tests (each opens its own contexts): a launch is a second or more of CPU.
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("hides at `until` in a page kept from before, and stays before it", async () => {
    const result = await builtWithBanner();
    expect(result.error).toBeUndefined();
    const server = await serveSite(result.output, "/news/", await netlifyHeaderRules());
    try {
      const visible = async (at: string, later?: number) => {
        const context = await browser.newContext();
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
        page.on("pageerror", (error) => errors.push(error.message));
        await page.clock.install({ time: new Date(at) });
        await page.goto(`${server.url}index.html`, { waitUntil: "load" });
        if (later !== undefined) await page.clock.runFor(later);
        const shown = await page.locator(".breaking").isVisible();
        await context.close();
        expect(errors).toEqual([]);
        return shown;
      };
      expect(await visible("2026-01-14T17:00:00+02:00")).toBe(true);
      expect(await visible("2026-01-14T18:00:00+02:00")).toBe(false);
      expect(await visible("2026-01-15T09:00:00+02:00")).toBe(false);
      // Open before its end: it goes when the end comes.
      expect(await visible("2026-01-14T17:59:00+02:00", 30_000)).toBe(true);
      expect(await visible("2026-01-14T17:59:00+02:00", 61_000)).toBe(false);
    } finally {
      await server.close();
    }
  });

  it("has no accessibility violations with the banner and a live blog on air (axe, light and dark)", async () => {
    const live = article({ title: "Наживо", date: "2026-01-14 08:00", topic: "ekonomika", live: "true", liveUntil: "2026-01-14 23:00" }, "Вступ.\n\n## 08:00 Початок\nПерше.\n\n## 11:30\nДруге з [посиланням](/novyny/2026/01/14/hryvnia.html).\n");
    const result = await atClock("2026-01-14 12:00", () => buildInProcess(makeSite({ ...FILES, "content/articles/nazhyvo.md": live, "_data/breaking.json": JSON.stringify(BANNER) })));
    expect(result.error).toBeUndefined();
    const server = await serveSite(result.output, "/", await netlifyHeaderRules());
    try {
      for (const path of ["index.html", "novyny/2026/01/14/nazhyvo.html"]) {
        // Loaded (and axe injected) once: the dark view is the same page with the media
        // emulated (the colours are prefers-color-scheme in CSS alone), as in browser.test.ts.
        const context = await browser.newContext({ colorScheme: "light" });
        const page = await context.newPage();
        await page.clock.install({ time: new Date("2026-01-14T12:00:00+02:00") });
        await page.goto(`${server.url}${path}`);
        // (axe through the DevTools protocol, which the page's CSP does not govern.)
        await page.evaluate(AXE_SOURCE);
        for (const colorScheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme });
          expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), `${path} (${colorScheme})`).toBe(colorScheme === "dark");
          expect(await page.locator(".breaking").isVisible()).toBe(true);
          if (path !== "index.html") expect(await page.locator(".live-badge-label").isVisible()).toBe(true);
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: (options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
            const results = await axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
            return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
          });
          expect(violations, `${path} (${colorScheme})`).toEqual([]);
        }
        await context.close();
      }
    } finally {
      await server.close();
    }
  });
});
