import { describe, expect, it } from "vitest";
import type { Article, SiteSettings } from "../src/content/index.js";
import { newsArticleJsonLd, scriptSafeJson } from "../src/structured-data.js";
import { parseHtml } from "./helpers/html.js";

const HOSTILE = 'Заголовок </script><script>alert("x")</script> <!-- & \u2028';

describe("JSON-LD", () => {
  it("cannot end its <script> element early, and reads back as the same data", () => {
    const json = scriptSafeJson({ headline: HOSTILE });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ headline: HOSTILE });
    // In a real HTML parser the script element holds the whole JSON.
    const document = parseHtml(`<!doctype html><html><head><script type="application/ld+json">${json}</script></head><body><p>тіло</p></body></html>`);
    expect(document.querySelectorAll("script")).toHaveLength(1);
    expect(JSON.parse(document.querySelector("script")!.textContent!)).toEqual({ headline: HOSTILE });
  });

  it("describes a NewsArticle with Kyiv offsets", () => {
    const site = { title: "Стрічка", description: "д", url: "https://news.example.ua/", language: "uk", author: "Редакція" } as SiteSettings;
    const article = {
      title: HOSTILE,
      lede: "Лід",
      url: "/novyny/2026/06/01/x.html",
      date: new Date("2026-06-01T07:00:00Z"),
      topic: { title: "Економіка" },
      tags: [{ name: "Київ" }],
      authors: [],
      source: "Reuters",
    } as unknown as Article;
    const data = JSON.parse(newsArticleJsonLd(article, site, "Europe/Kyiv")) as Record<string, unknown>;
    expect(data).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: HOSTILE,
      description: "Лід",
      datePublished: "2026-06-01T10:00:00+03:00",
      dateModified: "2026-06-01T10:00:00+03:00",
      inLanguage: "uk",
      mainEntityOfPage: "https://news.example.ua/novyny/2026/06/01/x.html",
      url: "https://news.example.ua/novyny/2026/06/01/x.html",
      author: { "@type": "Organization", name: "Редакція" },
      publisher: { "@type": "NewsMediaOrganization", name: "Стрічка", url: "https://news.example.ua/" },
      articleSection: "Економіка",
      keywords: ["Київ"],
      isBasedOn: "Reuters",
    });
  });
});
