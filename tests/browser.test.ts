// Readers' browsers: headless Chromium (Debian's package, driven by playwright-core) opens
// the built site from disk (file://) and from a local web server under a sub-path that
// sends netlify.toml's headers (CSP included). Skipped where Chromium is not installed;
// .ci/run installs it.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { article, buildCommandInProcess, makeSite, sampleSite } from "./helpers/site.js";
import { CHROMIUM, launchChromium, netlifyHeaderRules, serveSite, type StaticServer } from "./helpers/hosting.js";

const CLASSIC = "novyny/2026/01/14/perehovory-v-zhenevi-delehatsii-domovylysia-pro-druhyi-raund-i-obmin-polonenymy.html";
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

let site: string;
let server: StaticServer;
/** The same site at the root of a host, where the 404 page's root-relative links lead. */
let rootServer: StaticServer;
let browser: Browser;

/** What a page did that a reader would notice, or should not happen: errors, failed or foreign requests. */
interface Watch {
  problems: string[];
  foreign: string[];
}

async function open(url: string): Promise<{ page: Page; watch: Watch }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watch: Watch = { problems: [], foreign: [] };
  const local = (request: string) =>
    request.startsWith("file://") || request.startsWith("data:") || [server, rootServer].some((local) => request.startsWith(new URL(local.url).origin));
  // Nothing may leave this machine; a foreign request is recorded and refused.
  await context.route("**/*", (route) => (local(route.request().url()) ? route.continue() : (watch.foreign.push(route.request().url()), route.abort())));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") watch.problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => watch.problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    // ERR_ABORTED is a request the browser cancelled because the reader moved on (the favicon,
    // fetched after load, when a test clicks at once); a missing file is a 404 (http) or
    // ERR_FILE_NOT_FOUND (file://), and those count.
    const failure = request.failure()?.errorText;
    if (local(request.url()) && failure !== "net::ERR_ABORTED") watch.problems.push(`failed: ${request.url()} ${failure}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) watch.problems.push(`${response.status()}: ${response.url()}`);
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, watch };
}

describe.skipIf(!existsSync(CHROMIUM))("in Chromium", () => {
  beforeAll(async () => {
    const result = sampleSite();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    site = result.output;
    server = await serveSite(site, "/news/", await netlifyHeaderRules());
    rootServer = await serveSite(site, "/", await netlifyHeaderRules());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rootServer?.close();
  });

  const bases = {
    "from disk (file://)": () => `${pathToFileURL(site).href}/`,
    "from a web server under /news/, with the CSP": () => server.url,
  };

  for (const [how, base] of Object.entries(bases)) {
    describe(how, () => {
      it("reads the home page, goes to a topic and back, with no errors and nothing from other hosts", async () => {
        const { page, watch } = await open(`${base()}index.html`);
        expect(await page.locator("h1").textContent()).toBe("Стрічка новин");
        expect(await page.locator(".news-item").count()).toBe(24);
        // The stylesheet applied: the masthead has its rule under it.
        expect(await page.locator(".masthead").evaluate((element) => getComputedStyle(element).borderBottomStyle)).toBe("solid");
        await page.locator(".topics-nav a", { hasText: "Економіка" }).click();
        await page.waitForURL(/temy\/ekonomika\/index\.html$/);
        expect(await page.locator("h1").textContent()).toBe("Економіка");
        await page.goBack();
        expect(await page.locator("h1").textContent()).toBe("Стрічка новин");
        await page.locator(".news-title").first().click();
        await page.waitForURL(/novyny\/.+\.html$/);
        expect(await page.locator("article h1").count()).toBe(1);
        expect(watch.problems).toEqual([]);
        expect(watch.foreign).toEqual([]);
        await page.context().close();
      });

      it("searches: an inflected form finds the article, a Latin word a Cyrillic title, the query's words marked; the form searches again", async () => {
        const { page, watch } = await open(`${base()}poshuk/index.html?q=${encodeURIComponent("переговорах")}`);
        const results = page.locator(".search-result");
        await results.first().waitFor();
        const titles = await results.locator("h2").allTextContents();
        expect(titles).toContain("Переговори в Женеві: делегації домовилися про другий раунд і обмін полоненими");
        expect(await page.locator("#search-status").textContent()).toMatch(/^Знайдено \d+ (новина|новини|новин)$/);
        expect(await page.locator("#search-status").getAttribute("aria-live")).toBe("polite");
        expect(await results.first().locator("mark").first().textContent()).toBe("Переговори");
        // The link leads to the article.
        await results.locator("a", { hasText: "Переговори в Женеві: делегації" }).click();
        await page.waitForURL(new RegExp(`${CLASSIC.replace(/[.]/g, "\\.")}$`));

        await page.goto(`${base()}poshuk/index.html`);
        await page.locator("#search-query").fill("kyivski");
        await page.locator(".search-form button").click();
        await page.waitForURL(/poshuk\/index\.html\?q=kyivski$/);
        await results.first().waitFor();
        expect(await results.locator("h2").allTextContents()).toContain("Київські театри переносять вистави на денний час");

        // Every word must be there (a word found nowhere leaves nothing, whatever the others
        // find), and common little words are not required.
        await page.goto(`${base()}poshuk/index.html?q=${encodeURIComponent("ціни жирафи електроенергію")}`);
        await page.locator("#search-status", { hasText: "Нічого не знайдено" }).waitFor();
        await page.goto(`${base()}poshuk/index.html?q=${encodeURIComponent("ціни на електроенергію")}`);
        await results.first().waitFor();
        expect(await results.locator("h2").allTextContents()).toEqual(["Ціни на електроенергію для бізнесу знизилися вперше з осені"]);

        // As the reader types, a partly typed word (its beginning) already answers.
        await page.locator("#search-query").fill("укренер");
        await page.locator(".search-result", { hasText: "Укренерго скасувало" }).waitFor();
        expect(await results.count()).toBe(1);

        await page.goto(`${base()}poshuk/index.html?q=${encodeURIComponent("жирафи")}`);
        await page.locator("#search-status", { hasText: "Нічого не знайдено" }).waitFor();
        expect(await results.count()).toBe(0);
        expect(watch.problems).toEqual([]);
        expect(watch.foreign).toEqual([]);
        await page.context().close();
      });

      it("follows an article's old address (aliases in its front matter) to the article", async () => {
        const { page, watch } = await open(`${base()}novyny/2026/01/08/hryvnia-zmitsnylasia-pislia-sviat.html`);
        await page.waitForURL(/novyny\/2026\/01\/08\/hryvnia-zmitsnylasia-v-pershyi-robochyi-tyzhden-roku\.html$/);
        expect(await page.locator("article h1").textContent()).toBe("Гривня зміцнилася в перший робочий тиждень року");
        expect(watch.problems).toEqual([]);
        await page.context().close();
      });

      it("reads an article, and loads the YouTube player only when the reader clicks", async () => {
        const { page, watch } = await open(`${base()}${CLASSIC}`);
        expect(await page.locator("article h1").textContent()).toContain("Переговори в Женеві");
        expect(await page.locator(".video-of-the-day h2").textContent()).toBe("Відео дня");
        expect(await page.locator("iframe").count()).toBe(0);
        expect(watch.foreign).toEqual([]);
        await page.locator("a.video-preview").click();
        const frame = page.locator(".video-of-the-day iframe");
        await frame.waitFor();
        expect(await frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1");
        expect(await frame.getAttribute("title")).toBe("Переговори в Женеві: головне за день");
        // The only foreign request is the one the reader asked for (refused here: no network).
        await page.waitForTimeout(200);
        expect(watch.foreign.every((url) => url.startsWith("https://www.youtube-nocookie.com/embed/"))).toBe(true);
        expect(watch.problems.filter((problem) => !problem.includes("youtube-nocookie"))).toEqual([]);
        await page.context().close();
      });
    });
  }

  it("search: «Показати ще» adds the next results below and moves the keyboard focus to the first of them", async () => {
    // 60 articles with one word: 50 results are drawn at first.
    const files: Record<string, string> = {};
    for (let index = 1; index <= 60; index++) {
      files[`content/articles/taryfy-${index}.md`] = article({ title: `Тарифи на світло, новина ${index}`, date: `2026-01-${String(1 + (index % 28)).padStart(2, "0")} ${String(index % 24).padStart(2, "0")}:00`, topic: "ekonomika" });
    }
    const dir = makeSite(files);
    expect((await buildCommandInProcess(dir)).status).toBe(0);
    const { page, watch } = await open(`${pathToFileURL(join(dir, "_site")).href}/poshuk/index.html?q=${encodeURIComponent("тарифи")}`);
    const results = page.locator(".search-result");
    await page.locator("#search-status", { hasText: "Знайдено 60 новин" }).waitFor();
    expect(await results.count()).toBe(50);
    await results.first().evaluate((element) => element.setAttribute("data-drawn", "before"));
    await page.locator("#search-more-results").focus();
    await page.keyboard.press("Enter");
    await results.nth(59).waitFor();
    expect(await results.count()).toBe(60);
    // The results drawn before are the same elements (added to, not redrawn), and the focus is on the 51st's link.
    expect(await results.first().getAttribute("data-drawn")).toBe("before");
    expect(await page.evaluate(() => document.activeElement?.closest(".search-result") === document.querySelectorAll(".search-result")[50])).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("A");
    expect(await page.locator("#search-more-results").isHidden()).toBe(true);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("reads fully with JavaScript off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${pathToFileURL(site).href}/${CLASSIC}`);
    expect(await page.locator(".article-body p").count()).toBeGreaterThan(5);
    expect(await page.locator("a.video-preview").getAttribute("href")).toBe("https://www.youtube.com/watch?v=M7lc1UVf-VE");
    expect(await page.locator(".related li").count()).toBe(5);
    await context.close();
  });

  it("prints an article without navigation, video or related links, and with link targets", async () => {
    const { page } = await open(`${server.url}${CLASSIC}`);
    await page.emulateMedia({ media: "print" });
    for (const selector of [".topics-nav", ".video-of-the-day", ".related", ".site-footer"]) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator("article h1").isVisible()).toBe(true);
    await page.context().close();
  });

  it("reads on the go over http: a visited article and the home page without a network, the offline page for one never opened; nothing of it from disk", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}index.html`);
    // The worker installs (keeping the home page, the offline page, assets and the latest news) and takes the page.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.goto(`${server.url}temy/perehovory/index.html`);
    await context.setOffline(true);
    await page.goto(`${server.url}temy/perehovory/index.html`);
    expect(await page.locator("h1").textContent()).toBe("Переговори щодо війни в Україні");
    await page.goto(`${server.url}`);
    expect(await page.locator("h1").textContent()).toBe("Стрічка новин");
    // Among the latest news, kept at installation though never opened.
    await page.goto(`${server.url}${CLASSIC}`);
    expect(await page.locator("article h1").textContent()).toContain("Переговори в Женеві");
    // Never opened, not among the latest: the offline page.
    await page.goto(`${server.url}arkhiv/index.html`);
    expect(await page.locator("h1").textContent()).toBe("Немає з’єднання з мережею");
    await context.setOffline(false);
    // Online again, the network answers, not the kept copy.
    await page.goto(`${server.url}arkhiv/index.html`);
    expect(await page.locator("h1").textContent()).toBe("Архів новин");
    await context.close();

    // From disk there is no worker (browsers refuse one on file://), and nothing fails for it.
    const { page: fromDisk, watch } = await open(`${pathToFileURL(site).href}/index.html`);
    expect(await fromDisk.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
    expect(watch.problems).toEqual([]);
    await fromDisk.context().close();
  });

  it("has no accessibility violations (axe-core, WCAG 2.2 AA and best practices) on home, article (with a byline, with a correction; a live blog), topic, author and archive pages", async () => {
    const paths = ["index.html", CLASSIC, "temy/perehovory/index.html", "arkhiv/index.html", "tehy/index.html", "avtory/index.html", "avtory/olena-koval/index.html", "novyny/2025/12/10/nbu-zalyshyv-oblikovu-stavku-bez-zmin.html", "novyny/2026/01/14/perehovory-u-zhenevi-nazhyvo.html", "404.html", "offline.html", `poshuk/index.html?q=${encodeURIComponent("обмін полоненими")}`];
    // Every page light and dark on a laptop; the list and the article on a phone too. A page
    // is loaded (and axe injected) once per width: its dark view is the same page with the
    // media emulated (the colours follow prefers-color-scheme in CSS alone), which axe checks
    // anew; a load and an injection of axe are a good part of a view's time.
    const views = [
      ...paths.map((path) => ({ path, colorSchemes: ["light", "dark"] as const, width: 1280 })),
      ...["index.html", CLASSIC].map((path) => ({ path, colorSchemes: ["light"] as const, width: 360 })),
    ];
    for (const { path, colorSchemes, width } of views) {
      // axe is injected through the DevTools protocol, which the page's CSP does not govern.
      const context = await browser.newContext({ colorScheme: colorSchemes[0], viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${rootServer.url}${path}`);
      await page.evaluate(AXE_SOURCE);
      for (const colorScheme of colorSchemes) {
        await page.emulateMedia({ colorScheme });
        expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), `${path} (${colorScheme})`).toBe(colorScheme === "dark");
        const { violations, ran } = await page.evaluate(async (tags) => {
          interface Rule { id: string; nodes: { target: string[] }[] }
          type Results = Record<"violations" | "passes" | "incomplete" | "inapplicable", Rule[]>;
          const axe = (window as unknown as { axe: { run: (options: object) => Promise<Results> } }).axe;
          const results = await axe.run({ runOnly: { type: "tag", values: tags } });
          return {
            violations: results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
            ran: [...results.violations, ...results.passes, ...results.incomplete, ...results.inapplicable].map((rule) => rule.id),
          };
        }, AXE_TAGS);
        expect(violations, `${path} (${colorScheme}, ${width} px)`).toEqual([]);
        // WCAG 2.2's target size is not among axe's default rules: it ran because it was asked for.
        expect(ran).toEqual(expect.arrayContaining(["target-size", "color-contrast", "link-name", "region"]));
      }
      await context.close();
    }
  });

  it("keeps the video's play button off its title and note on narrow phones", async () => {
    for (const width of [320, 360, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 740 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${rootServer.url}${CLASSIC}`);
      const box = async (selector: string) => (await page.locator(`.video-of-the-day ${selector}`).boundingBox())!;
      const play = await box(".video-play");
      const preview = await box(".video-preview");
      for (const text of [".video-title", ".video-note"]) {
        const other = await box(text);
        const overlap = play.x < other.x + other.width && other.x < play.x + play.width && play.y < other.y + other.height && other.y < play.y + play.height;
        expect(overlap, `${text} at ${width} px: play ${JSON.stringify(play)}, text ${JSON.stringify(other)}`).toBe(false);
        // And everything stays inside the preview, which hides what overflows it.
        expect(other.y + other.height, `${text} at ${width} px`).toBeLessThanOrEqual(preview.y + preview.height + 0.5);
      }
      expect(play.y).toBeGreaterThanOrEqual(preview.y);
      await context.close();
    }
  });
});
