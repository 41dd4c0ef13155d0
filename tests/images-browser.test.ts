// Article photos (#12) in a reader's browser: headless Chromium opens the sample site's
// article with a photo from disk (file://) and from a web server under a sub-path with
// netlify.toml's headers (CSP: images from the site only), on a phone and a desktop, and
// loads every srcset candidate of the page. Skipped where Chromium is not installed.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleSite } from "./helpers/site.js";
import { CHROMIUM, launchChromium, netlifyHeaderRules, serveSite, type StaticServer } from "./helpers/hosting.js";

const ARTICLE = "novyny/2026/01/14/perehovory-v-zhenevi-delehatsii-domovylysia-pro-druhyi-raund-i-obmin-polonenymy.html";

let site: string;
let server: StaticServer;
let browser: Browser;

describe.skipIf(!existsSync(CHROMIUM))("photos in Chromium", () => {
  beforeAll(async () => {
    const result = sampleSite();
    expect(result.status).toBe(0);
    site = result.output;
    server = await serveSite(site, "/news/", await netlifyHeaderRules());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const bases = {
    "from disk (file://)": () => `${pathToFileURL(site).href}/`,
    "from a web server under /news/, with the CSP": () => server.url,
  };
  // Chromium shows AVIF: the width it picks is the column's (44rem, or the screen less 2rem) times the pixel ratio, rounded up to a width made.
  const screens = [
    { name: "a phone", viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, width: 1200 },
    { name: "a desktop", viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, width: 800 },
  ];

  for (const [where, base] of Object.entries(bases)) {
    for (const screen of screens) {
      it(`shows the photo under the headline ${where} on ${screen.name}: AVIF of the right width, nothing failed`, async () => {
        const context = await browser.newContext({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor });
        const page = await context.newPage();
        const problems: string[] = [];
        page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
        page.on("response", (response) => response.status() >= 400 && problems.push(`${response.status()}: ${response.url()}`));
        page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
        await page.goto(`${base()}${ARTICLE}`, { waitUntil: "load" });
        const shown = await page.evaluate(() => {
          const img = document.querySelector<HTMLImageElement>("figure.lead-photo img")!;
          const box = img.getBoundingClientRect();
          return { complete: img.complete, naturalWidth: img.naturalWidth, currentSrc: img.currentSrc, shownWidth: box.width, shownHeight: box.height };
        });
        expect(shown.complete).toBe(true);
        expect(shown.currentSrc).toMatch(new RegExp(`-${screen.width}\\.avif$`));
        // (naturalWidth is in CSS pixels: the file's width over the density srcset and sizes give it.)
        expect(shown.naturalWidth).toBeGreaterThan(0);
        // The reserved box has the photo's proportions (16:10) before and after it arrives.
        expect(Math.abs(shown.shownWidth / shown.shownHeight - 1.6)).toBeLessThan(0.01);
        expect(problems).toEqual([]);
        await context.close();
      });
    }

    it(`loads every srcset candidate of the article ${where}, each as wide as it says`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base()}${ARTICLE}`, { waitUntil: "load" });
      const loaded = await page.evaluate(async () => {
        const candidates = [...document.querySelectorAll("[srcset]")].flatMap((element) =>
          element
            .getAttribute("srcset")!
            .split(",")
            .map((candidate) => candidate.trim().split(/\s+/)),
        );
        return Promise.all(
          candidates.map(
            ([url, descriptor]) =>
              new Promise<[string, number, number]>((resolve) => {
                const image = new Image();
                image.onload = () => resolve([url!, Number.parseInt(descriptor!, 10), image.naturalWidth]);
                image.onerror = () => resolve([url!, Number.parseInt(descriptor!, 10), 0]);
                image.src = new URL(url!, location.href).href;
              }),
          ),
        );
      });
      expect(loaded).toHaveLength(12);
      for (const [url, wanted, got] of loaded) expect(got, url).toBe(wanted);
      await context.close();
    });
  }
});
