// schema.org NewsArticle as JSON-LD, safe to put inside <script type="application/ld+json">.
import type { Article, SiteSettings } from "./content/index.js";
import { toIsoWithOffset } from "./dates.js";
import type { LiveUpdateData } from "./live-blog.js";
import { ogImage } from "./images.js";
import { absoluteUrl } from "./urls.js";

/**
 * JSON for a <script> element: "<", ">" and "&" are written as \u escapes, so neither
 * "</script>" nor "<!--" in a headline can end the element early, and U+2028/U+2029 are
 * escaped for old JavaScript parsers. JSON.parse reads the same data back.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * An article's JSON-LD: a NewsArticle, or for a live blog (`liveUpdates`, newest first) a
 * LiveBlogPosting with its coverage times and its updates as BlogPosting items.
 */
export function newsArticleJsonLd(article: Article, site: SiteSettings, timeZone: string, liveUpdates?: readonly LiveUpdateData[]): string {
  const publisher = { "@type": "NewsMediaOrganization", name: site.title, url: absoluteUrl("/", site.url) };
  const url = absoluteUrl(article.url, site.url);
  return scriptSafeJson({
    "@context": "https://schema.org",
    "@type": liveUpdates ? "LiveBlogPosting" : "NewsArticle",
    headline: article.title,
    ...(article.lede && { description: article.lede }),
    datePublished: toIsoWithOffset(article.date, timeZone),
    dateModified: toIsoWithOffset(article.updated ?? article.date, timeZone),
    inLanguage: site.language,
    mainEntityOfPage: absoluteUrl(article.url, site.url),
    url: absoluteUrl(article.url, site.url),
    // Its journalists, each with their page; else the newsroom.
    author:
      article.authors.length > 0
        ? article.authors.map((author) => ({ "@type": "Person", name: author.name, url: absoluteUrl(author.url, site.url), ...(author.role && { jobTitle: author.role }) }))
        : { "@type": "Organization", name: site.author },
    publisher,
    articleSection: article.topic.title,
    ...(article.tags.length > 0 && { keywords: article.tags.map((tag) => tag.name) }),
    ...(article.source && { isBasedOn: article.source }),
    // The 1200 px JPEG (Google's large results want at least 1200 px wide), with its caption and credit.
    ...(article.image?.file && {
      image: [
        {
          "@type": "ImageObject",
          url: absoluteUrl(ogImage(article.image.file).url, site.url),
          width: ogImage(article.image.file).width,
          height: ogImage(article.image.file).height,
          ...(article.image.caption && { caption: article.image.caption }),
          ...(article.image.credit && { creditText: article.image.credit }),
        },
      ],
    }),
    ...(liveUpdates && {
      coverageStartTime: toIsoWithOffset(article.date, timeZone),
      ...(article.live?.until && { coverageEndTime: toIsoWithOffset(article.live.until, timeZone) }),
      liveBlogUpdate: liveUpdates.map((update) => ({
        "@type": "BlogPosting",
        headline: update.headline,
        datePublished: toIsoWithOffset(update.date, timeZone),
        url: `${url}#${update.id}`,
        articleBody: update.text,
      })),
    }),
    ...(article.corrections && {
      correction: article.corrections.map((correction) => ({ "@type": "CorrectionComment", text: correction.text, datePublished: toIsoWithOffset(correction.date, timeZone) })),
    }),
  });
}
