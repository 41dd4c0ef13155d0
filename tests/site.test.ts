// The sample site in this repository, built for real into a temp folder and read back
// with a real HTML parser.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listFiles, ROOT, sampleSite } from "./helpers/site.js";
import { brokenInternalLinks, readHtml } from "./helpers/html.js";

let site: string;
const CLASSIC = "novyny/2026/01/14/perehovory-v-zhenevi-delehatsii-domovylysia-pro-druhyi-raund-i-obmin-polonenymy.html";

beforeAll(() => {
  const result = sampleSite();
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  site = result.output;
});

// Collapses ordinary white space only: no-break spaces are part of the typography under test.
const text = (element: Element | null | undefined) => element?.textContent?.replace(/[ \t\r\n]+/g, " ").trim();

/** Where a link on `page` leads, as a path inside the site (how file:// resolves it). */
function target(page: string, href: string): string {
  return resolve(dirname(join(site, page)), href).slice(site.length + 1);
}

describe("an article page", () => {
  let page: Document;
  beforeAll(() => {
    page = readHtml(join(site, CLASSIC));
  });

  it("is Ukrainian", () => {
    expect(page.documentElement.getAttribute("lang")).toBe("uk");
    expect(text(page.querySelector("title"))).toBe("Переговори в Женеві: делегації домовилися про другий раунд і обмін полоненими — Стрічка");
  });

  it("starts with headline, lede, Kyiv time, source, topic and reading time", () => {
    const header = page.querySelector("article > header")!;
    expect(text(header.querySelector("h1"))).toBe("Переговори в Женеві: делегації домовилися про другий раунд і обмін полоненими");
    expect(text(header.querySelector(".lede"))).toBe("Після десяти годин консультацій сторони погодили гуманітарний пакет, але так і не зійшлися щодо режиму тиші.");
    const time = header.querySelector("time")!;
    expect(time.getAttribute("datetime")).toBe("2026-01-14T23:40:00+02:00");
    expect(text(time)).toBe("14 січня 2026, 23:40");
    expect(text(header.querySelector(".source"))).toBe("Укрінформ");
    const topic = header.querySelector("a.topic-link")!;
    expect(text(topic)).toBe("Переговори щодо війни в Україні");
    expect(target(CLASSIC, topic.getAttribute("href")!)).toBe("temy/perehovory/index.html");
    expect(text(header.querySelector(".reading-time"))).toMatch(/^\d+ (хвилина|хвилини|хвилин) читання$/);
    // Its two authors (_data/authors.json), joined as Ukrainian joins a list, each linked to their page.
    expect(text(header.querySelector(".byline"))).toBe("Автори: Петро Іваненко і Олена Коваль");
    expect([...header.querySelectorAll(".byline a")].map((link) => target(CLASSIC, link.getAttribute("href")!))).toEqual(["avtory/petro-ivanenko/index.html", "avtory/olena-koval/index.html"]);
    // The order inside the header: h1, lede, byline, then the meta line.
    const order = [...header.children].map((child) => child.tagName.toLowerCase() + (child.className ? `.${child.className}` : ""));
    expect(order).toEqual(["h1", "p.lede", "p.byline", "ul.article-meta"]);
  });

  it("has typography: «» quotes, apostrophes, em dashes", () => {
    const body = text(page.querySelector(".article-body"))!;
    expect(body).toContain("за формулою «всіх на всіх»");
    expect(body).toContain("з «Великої сімки»");
    expect(body).toContain("п’ять пунктів");
    expect(body).toContain("гуманітарної частини\u00a0— зокрема");
    expect(body).not.toMatch(/"/);
  });

  it("puts «Відео дня» after the third paragraph, with a plain link and the embed for later", () => {
    const children = [...page.querySelector(".article-body")!.children];
    const tags = children.map((child) => child.tagName.toLowerCase());
    expect(tags.slice(0, 4)).toEqual(["p", "p", "p", "section"]);
    const video = children[3]!;
    expect(video.className).toBe("video-of-the-day");
    expect(text(video.querySelector("h2"))).toBe("Відео дня");
    expect(text(video.querySelector(".video-title"))).toBe("Переговори в Женеві: головне за день");
    const link = video.querySelector("a.video-preview")!;
    expect(link.getAttribute("href")).toBe("https://www.youtube.com/watch?v=M7lc1UVf-VE");
    expect(link.getAttribute("data-embed")).toBe("https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1");
    // No player, image or anything else from YouTube until the reader clicks.
    expect(page.querySelectorAll("iframe, img[src*='ytimg'], script[src*='youtube']")).toHaveLength(0);
    // Then three more paragraphs, the subheading and three of background.
    expect(tags.slice(4)).toEqual(["p", "p", "p", "h2", "p", "p", "p"]);
    expect(text(children[7])).toBe("Що передувало зустрічі");
  });

  it("has its photo under the header, and ends with tags and then «Вас також можуть зацікавити новини:» with five related articles", () => {
    const article = page.querySelector("article")!;
    const sections = [...article.children].map((child) => child.className);
    expect(sections).toEqual(["article-header", "photo lead-photo", "article-body", "article-tags", "related"]);
    expect([...article.querySelectorAll(".tags li")].map(text)).toEqual(["Женева", "обмін полоненими", "США", "ЄС"]);
    const related = article.querySelector(".related")!;
    expect(text(related.querySelector("h2"))).toBe("Вас також можуть зацікавити новини:");
    const items = [...related.querySelectorAll("li")];
    expect(items).toHaveLength(5);
    const targets = items.map((item) => target(CLASSIC, item.querySelector("a")!.getAttribute("href")!));
    expect(new Set(targets).size).toBe(5);
    expect(targets).not.toContain(CLASSIC);
    for (const [index, item] of items.entries()) {
      expect(existsSync(join(site, targets[index]!))).toBe(true);
      expect(text(item.querySelector("time"))).toMatch(/^\d{1,2} [а-яіїє]+ 20\d\d$/);
      // Each related article is earlier, and really about the same topic or shares a tag.
      const other = readHtml(join(site, targets[index]!));
      const sameTopic = text(other.querySelector("a.topic-link")) === "Переговори щодо війни в Україні";
      const sharedTag = [...other.querySelectorAll(".tags li")].some((tag) => ["Женева", "обмін полоненими", "США", "ЄС"].includes(text(tag)!));
      expect(sameTopic || sharedTag, targets[index]).toBe(true);
    }
  });
});

describe("the site", () => {
  it("lists the latest news on the home page, newest first, under Kyiv days", () => {
    const home = readHtml(join(site, "index.html"));
    const times = [...home.querySelectorAll(".news-item time")].map((time) => Date.parse(time.getAttribute("datetime")!));
    expect(home.querySelectorAll(".news-item")).toHaveLength(24);
    // Two articles give only a day: they have no time to show (no «00:00»).
    expect(times).toHaveLength(22);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const headings = [...home.querySelectorAll(".news-day-heading")].map(text);
    expect(headings).toContain("14 січня, середа");
    expect(headings).toContain("24 грудня 2025, середа");
    const geneva = [...home.querySelectorAll(".news-item")].find((item) => text(item.querySelector(".news-title"))?.startsWith("Переговори в Женеві"))!;
    expect(text(geneva.querySelector(".news-time"))).toBe("23:40");
    expect(target("index.html", geneva.querySelector(".news-title")!.getAttribute("href")!)).toBe(CLASSIC);
  });

  it("has a page per topic listing exactly its articles", () => {
    const topics = JSON.parse(readFileSync(join(ROOT, "_data/topics.json"), "utf8")) as { slug: string; title: string }[];
    for (const topic of topics) {
      const path = `temy/${topic.slug}/index.html`;
      const page = readHtml(join(site, path));
      expect(text(page.querySelector("h1"))).toBe(topic.title);
      for (const link of page.querySelectorAll(".news-title")) {
        const article = readHtml(join(site, target(path, link.getAttribute("href")!)));
        expect(text(article.querySelector("a.topic-link"))).toBe(topic.title);
      }
      expect(page.querySelectorAll(".news-title").length).toBeGreaterThanOrEqual(3);
    }
  });

  it("never publishes a draft", () => {
    const draftTitle = /^title: (.*)$/m.exec(readFileSync(join(ROOT, "content/articles/likari-poperedzhaiut-pro-hryp.md"), "utf8"))![1]!.replace(/^['"]|['"]$/g, "");
    for (const file of listFiles(site)) {
      expect(readFileSync(join(site, file), "utf8"), file).not.toContain(draftTitle.slice(0, 30));
    }
  });

  it("shows the sample's correction at the end of its article (content/articles/nbu-zalyshyv-oblikovu-stavku.md)", () => {
    const page = readHtml(join(site, "novyny/2025/12/10/nbu-zalyshyv-oblikovu-stavku-bez-zmin.html"));
    expect(text(page.querySelector(".corrections h2"))).toBe("Виправлення");
    expect(text(page.querySelector(".corrections li"))).toMatch(/^10 грудня 2025, 17:45: У першій версії новини інфляцію/);
  });

  it("shows the sample's live blog newest first (content/articles/perehovory-u-zhenevi-nazhyvo.md)", () => {
    const page = readHtml(join(site, "novyny/2026/01/14/perehovory-u-zhenevi-nazhyvo.html"));
    const times = [...page.querySelectorAll(".live-update h2 time")].map((time) => time.getAttribute("datetime")!);
    expect(times.length).toBeGreaterThanOrEqual(6);
    expect([...times].sort().reverse()).toEqual(times);
    expect(text(page.querySelector(".live-update h2"))).toBe("15 січня, 00:45 Брифінг завершено");
    const data = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!) as { "@type": string; liveBlogUpdate: unknown[] };
    expect(data["@type"]).toBe("LiveBlogPosting");
    expect(data.liveBlogUpdate).toHaveLength(times.length);
  });

  it("never publishes a scheduled article before its time (content/articles/pivstolittia-nezalezhnosti.md, dated 2041)", () => {
    for (const file of listFiles(site)) {
      const text = readFileSync(join(site, file), "utf8");
      expect(text, file).not.toContain("pivstolittia-nezalezhnosti");
      expect(text, file).not.toContain("Пів століття Незалежності");
    }
  });

  it("has no broken internal links, resolved as from disk", () => {
    expect(brokenInternalLinks(site)).toEqual([]);
  });

  it("is minified in production: no line breaks or indentation from the layouts", () => {
    // (The last three are pages whose permalink is the scheme's URL, "{{ strichka.urls.offline }}".)
    for (const file of ["index.html", "temy/index.html", "arkhiv/index.html", "404.html", "offline.html", "poshuk/index.html"]) {
      const html = readFileSync(join(site, file), "utf8");
      expect(html, file).not.toContain("\n");
      expect(html, file).not.toContain("<!--");
    }
  });
});
