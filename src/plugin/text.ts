// Filters for words and lists in templates: plurals, reading time, typography, the latest
// news and the day-by-day grouping of a list.
import type { Article, NewsSite } from "../content/index.js";
import type { EleventyConfig } from "../eleventy-config.js";
import { groupByDay } from "../lists.js";
import { listSeparators, pluralize, type PluralForms } from "../plural.js";
import { formatReadingTime } from "../reading-time.js";
import { typographText } from "../typography.js";
import type { SiteBuild } from "./build.js";

export function registerTextFilters(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  const { text } = build;
  eleventyConfig.addFilter("plural", (count: number, forms: PluralForms) => pluralize(count, forms));
  eleventyConfig.addFilter("listSeparators", (items: readonly unknown[]) => listSeparators(items.length));
  eleventyConfig.addFilter("readingTime", (minutes: number) => formatReadingTime(minutes, text.minuteForms, text.readingTime));
  eleventyConfig.addFilter("typograph", (value: string) => typographText(value));
}

export function registerListFilters(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  eleventyConfig.addFilter("latest", (news: NewsSite) => news.articles.slice(0, build.options.latestCount));
  eleventyConfig.addFilter("groupByDay", (articles: readonly Article[]) => groupByDay(articles));
}
