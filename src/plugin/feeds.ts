// Feeds, sitemaps and structured data, from the content model: the same data the pages use.
import type { Article, NewsSite, SiteSettings } from "../content/index.js";
import type { EleventyConfig } from "../eleventy-config.js";
import { timed } from "../metrics.js";
import { SiteFeeds } from "../site-feeds.js";
import { liveUpdateData } from "../live-blog.js";
import { newsArticleJsonLd } from "../structured-data.js";
import type { SiteBuild } from "./build.js";

export function registerFeedFilters(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  // Built once per build: each build has a content model of its own.
  const feeds = new WeakMap<NewsSite, SiteFeeds>();
  const feedsOf = (news: NewsSite) => {
    let siteFeeds = feeds.get(news);
    if (!siteFeeds) feeds.set(news, (siteFeeds = new SiteFeeds(news, build.markdown, build.options.latestCount, (article) => build.bodyOf(article), build.text.photoCredit)));
    return siteFeeds;
  };
  eleventyConfig.addFilter("atomFeed", (news: NewsSite, topicSlug?: string) => {
    const topic = topicSlug === undefined ? undefined : news.topics.find((candidate) => candidate.slug === topicSlug);
    return timed("feeds", () => feedsOf(news).atom(topic && { topic }));
  });
  eleventyConfig.addFilter("authorAtomFeed", (news: NewsSite, authorSlug: string) => {
    const author = news.authors.find((candidate) => candidate.slug === authorSlug);
    if (!author) throw new Error(`No author ${authorSlug} in the content model`);
    return timed("feeds", () => feedsOf(news).atom({ author }));
  });
  eleventyConfig.addFilter("rssFeed", (news: NewsSite) => timed("feeds", () => feedsOf(news).rss()));
  eleventyConfig.addFilter("jsonFeed", (news: NewsSite) => timed("feeds", () => feedsOf(news).json()));
  // The sitemap index and the Google News sitemap (the sitemap files themselves are written by
  // the build: index-files.ts).
  eleventyConfig.addFilter("sitemapXml", (news: NewsSite) => timed("feeds", () => news.sitemaps.index()));
  eleventyConfig.addFilter("newsSitemapXml", (news: NewsSite) => timed("feeds", () => news.sitemaps.newsSitemap()));
  eleventyConfig.addFilter("newsArticleJsonLd", (article: Article, site: SiteSettings) =>
    newsArticleJsonLd(article, site, build.options.timeZone, article.live && liveUpdateData(build.liveBlogOf(article), build.markdown)),
  );
}
