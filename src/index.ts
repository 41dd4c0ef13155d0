// strichka's Eleventy plugin: wires the modules of this package into Eleventy.
// Each module does one thing and is tested on its own; this file only connects them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { IANAZone } from "luxon";
import { readAssets, type Asset } from "./assets.js";
import { loadNewsSite, type Article, type NewsSite, type SiteSettings } from "./content/index.js";
import {
  DEFAULT_TIME_ZONE,
  formatDayHeading,
  formatKyivDate,
  formatKyivDateTime,
  formatKyivTime,
  formatMonthHeading,
  formatWeekday,
  parseNewsDate,
  toIsoWithOffset,
  type DateInput,
} from "./dates.js";
import type { EleventyConfig } from "./eleventy-config.js";
import { parseYaml, splitFrontMatter } from "./front-matter.js";
import { createMarkdown, renderArticleBody } from "./markdown.js";
import { rewriteUrls } from "./html-urls.js";
import { groupByDay } from "./lists.js";
import { timed } from "./metrics.js";
import { MinifiedTemplates } from "./minify.js";
import { resolveLocale, type LocaleText } from "./locale.js";
import { pluralize, type PluralForms } from "./plural.js";
import { PreviewPages } from "./preview.js";
import { recordSettings } from "./settings.js";
import { SiteFeeds } from "./site-feeds.js";
import { newsArticleJsonLd } from "./structured-data.js";
import { formatReadingTime } from "./reading-time.js";
import { typographText } from "./typography.js";
import { absoluteUrl, NOT_FOUND_URL, relativeUrl, urlToFile, UrlScheme, type UrlOptions } from "./urls.js";
import { placeVideo, youtubeEmbedUrl, youtubeWatchUrl } from "./video.js";

export interface StrichkaOptions {
  /** IANA time zone all dates are shown in and zone-less front-matter dates are read in. */
  timeZone?: string;
  /** «Відео дня» goes after this many top-level paragraphs of the body (at the end of shorter ones). */
  videoAfterParagraph?: number;
  /** How many links «Вас також можуть зацікавити новини:» shows. */
  relatedCount?: number;
  /** Folder of the Markdown articles, relative to Eleventy's input folder. */
  articlesDir?: string;
  /** Articles on one page of the archive, a topic or a tag. */
  pageSize?: number;
  /** Articles on the home page and in each feed. */
  latestCount?: number;
  /** Topics in the masthead, in the order of topics.json; «Усі теми» links to the rest. */
  navTopics?: number;
  /** Minify HTML in production builds (`npm run build`); previews are never minified. */
  minify?: boolean;
  /** Reworded texts, e.g. `{ related: "Читайте також:" }`; the keys are those of UKRAINIAN in locale.ts. */
  locale?: Partial<LocaleText>;
  /** Site settings (title, description, url, language, author), over those of _data/site.json. */
  site?: Partial<SiteSettings>;
  /** URL scheme: `{ articles: "/novyny/{yyyy}/{MM}/{dd}/{slug}.html", topics: "/temy/", tags: "/tehy/", archive: "/arkhiv/" }`. */
  urls?: Partial<UrlOptions>;
}

// The site strichka ships: layouts and partials, page templates (home, indexes, 404,
// feeds) and assets. A site uses them where it has no file of the same name: see
// useDefaults. In this repository they are our own site's files.
const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
const DEFAULT_INCLUDES = join(PACKAGE_ROOT, "_includes");
const DEFAULT_INPUT = join(PACKAGE_ROOT, "content");
const DEFAULT_PAGES = ["index.njk", "topics-index.njk", "tags-index.njk", "404.njk", "feeds/atom.njk", "feeds/rss.njk", "feeds/json.njk", "feeds/topics.njk", "feeds/sitemap.njk", "feeds/robots.njk"];

/** A template file as Eleventy's addTemplate takes it: the body and the front-matter data. */
function readTemplate(path: string): { body: string; data: Record<string, unknown> } {
  const { yaml, body } = splitFrontMatter(readFileSync(path, "utf8"));
  return { body, data: yaml ? parseYaml(yaml) : {} };
}

/**
 * strichka's own layouts, partials, page templates and assets, for every one the site does
 * not have itself: a site overrides any of them by a file of the same name.
 */
function useDefaults(eleventyConfig: EleventyConfig): { assetsDir: string } {
  const { input, includes } = eleventyConfig.directories;
  // Layouts: an alias to our file, for each one the site does not have. (Virtual templates
  // would do too, but with the includes folder outside the input folder Eleventy also
  // renders them as pages.)
  for (const name of readdirSync(DEFAULT_INCLUDES).filter((file) => file.endsWith(".njk"))) {
    if (!existsSync(join(includes, name))) eleventyConfig.addLayoutAlias(name, relative(includes, join(DEFAULT_INCLUDES, name)));
  }
  // Partials ({% include %}) are found by Nunjucks: the site's folder first, then ours.
  eleventyConfig.amendLibrary("njk", (environment) => {
    const loader = environment.loaders?.[0];
    if (loader?.searchPaths && !loader.searchPaths.includes(DEFAULT_INCLUDES)) loader.searchPaths.push(DEFAULT_INCLUDES);
  });
  for (const page of DEFAULT_PAGES) {
    if (existsSync(join(input, page))) continue;
    const { body, data } = readTemplate(join(DEFAULT_INPUT, page));
    eleventyConfig.addTemplate(page, body, data);
  }
  const siteAssets = join(input, ASSETS_DIR);
  return { assetsDir: existsSync(siteAssets) ? siteAssets : join(DEFAULT_INPUT, ASSETS_DIR) };
}

/**
 * Pages paginated over the content model, one per item, as a JavaScript virtual template
 * rather than a Nunjucks file: Eleventy 3.1's Nunjucks engine is not cacheable, so it would
 * compile the body and the permalink string anew for every one of thousands of pages. The
 * layout does the rendering, and a site changes the pages' look there.
 */
function addModelPages<Item extends { url: string }>(
  eleventyConfig: EleventyConfig,
  name: string,
  { data, alias, layout }: { data: string; alias: string; layout: string },
  render: (data: Record<string, Item>) => string,
): void {
  eleventyConfig.addTemplate(`${name}.11ty.js`, {
    data: {
      layout,
      pagination: { data, size: 1, alias },
      eleventyExcludeFromCollections: true,
      permalink: (pageData: Record<string, Item>) => pageData[alias]!.url,
    },
    render,
  });
}

/** The folder (inside Eleventy's input) of the CSS, JS and images the pages use. */
const ASSETS_DIR = "assets";
/** The folder (inside Eleventy's input) of the images articles show. */
const IMAGES_DIR = "images";
/** The folder (inside Eleventy's input) of files published at the site's root as they are. */
const PUBLIC_DIR = "public";

export const DEFAULT_OPTIONS: Required<StrichkaOptions> = {
  timeZone: DEFAULT_TIME_ZONE,
  videoAfterParagraph: 3,
  relatedCount: 5,
  articlesDir: "articles",
  pageSize: 30,
  latestCount: 50,
  navTopics: 8,
  minify: true,
  locale: {},
  site: {},
  urls: {},
};

function resolveOptions(options: StrichkaOptions): Required<StrichkaOptions> {
  const resolved = { ...DEFAULT_OPTIONS, ...options };
  const problems: string[] = [];
  for (const key of Object.keys(options)) {
    if (!(key in DEFAULT_OPTIONS)) problems.push(`"${key}" is not an option (the options are ${Object.keys(DEFAULT_OPTIONS).join(", ")})`);
  }
  if (!IANAZone.isValidZone(resolved.timeZone)) {
    problems.push(`timeZone "${resolved.timeZone}" is not an IANA time zone such as "Europe/Kyiv"`);
  }
  for (const key of ["videoAfterParagraph", "relatedCount", "pageSize", "latestCount", "navTopics"] as const) {
    const minimum = key === "pageSize" || key === "latestCount" ? 1 : 0;
    if (!Number.isInteger(resolved[key]) || resolved[key] < minimum) problems.push(`${key} must be a whole number ≥ ${minimum}, not ${String(resolved[key])}`);
  }
  if (problems.length > 0) throw new TypeError(`strichka plugin options: ${problems.join("; ")}`);
  return resolved;
}

/** True for `npm run build`; false for the `npm start` preview, which also shows drafts. */
function isProductionBuild(): boolean {
  return (process.env.ELEVENTY_RUN_MODE ?? "build") === "build";
}

export default function strichka(eleventyConfig: EleventyConfig, options: StrichkaOptions = {}): void {
  const { timeZone, videoAfterParagraph, relatedCount, articlesDir, pageSize, latestCount, navTopics, minify, locale, site: siteOption, urls: urlOptions } = resolveOptions(options);
  const urls = new UrlScheme(urlOptions);
  const text = resolveLocale(locale);
  eleventyConfig.addGlobalData("uiText", text);
  const articlesPath = () => join(eleventyConfig.directories.input, articlesDir);
  // For `strichka new`, which writes articles where this site's build reads them.
  recordSettings(eleventyConfig, { articlesDir });

  const markdown = createMarkdown({ videoAfterParagraph, siteRoot: eleventyConfig.directories.input });
  eleventyConfig.setLibrary("md", markdown);

  // The plugin's own pages (below) are virtual 11ty.js templates, whatever formats the site uses.
  eleventyConfig.addTemplateFormats("11ty.js");
  // Every article's page: one template paginated over the content model's articles, rather
  // than one Eleventy template per Markdown file. The model has already read, validated and
  // indexed every file; as templates, Eleventy would read and parse each again and give each
  // its own data cascade and template-map entry, which costs more than rendering the page
  // (10,000 articles: ~3.8 s paginated against ~10.6 s as templates, see BENCHMARKS.md).
  // The page's look is article.njk; the body is the article's Markdown.
  addModelPages<Article>(eleventyConfig, "articles", { data: "strichka.pages.articles", alias: "article", layout: "article.njk" }, (data) =>
    renderArticleBody(markdown, data.article!.body),
  );
  // Every page of the archive, of each topic and of each tag: one flat list cut by the
  // content model (see pagination.ts); their look is listing.njk.
  addModelPages(eleventyConfig, "lists", { data: "strichka.pages.listings", alias: "listing", layout: "listing.njk" }, () => "");

  // Front matter of pages: YAML without timestamp guessing (see front-matter.ts).
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: (text) => parseYaml(text) } });
  // Articles are not Eleventy templates: the content model reads them (see content.ts) and
  // the articles template above paginates over them. Eleventy still watches them for the preview.
  eleventyConfig.ignores.add(join(articlesPath(), "**"));
  eleventyConfig.addWatchTarget(articlesPath());
  /** The path of site.url ("/" or e.g. "/news/"), for the 404 page's links. */
  let sitePath = "/";
  // Zone-less dates are Kyiv wall-clock time, for Eleventy's page.date as for our model.
  eleventyConfig.addDateParsing((value) => parseNewsDate(value, timeZone)?.toJSDate());

  // The content model is loaded and validated before Eleventy reads a single template, so
  // that all of the editors' mistakes are reported together and nothing is half-built.
  let site: Promise<NewsSite> | undefined;
  const loadSite = () =>
    timed("content", () => loadNewsSite({
      inputDir: eleventyConfig.directories.input,
      articlesDir: articlesPath(),
      dataDir: eleventyConfig.directories.data,
      timeZone,
      includeDrafts: !isProductionBuild(),
      relatedCount,
      pageSize,
      navTopics,
      archiveHeading: text.archiveHeading,
      urls,
      ...(Object.keys(siteOption).length > 0 && { site: siteOption }),
    }));
  const { assetsDir } = useDefaults(eleventyConfig);
  // CSS and JS are published fingerprinted in production (see assets.ts); the preview
  // serves them under their own names, so that editing the CSS reloads it.
  const assetsPath = () => assetsDir;
  eleventyConfig.addPassthroughCopy({ [assetsPath()]: ASSETS_DIR });
  // Article images: content/images/x.jpg is /images/x.jpg.
  eleventyConfig.addPassthroughCopy({ [join(eleventyConfig.directories.input, IMAGES_DIR)]: IMAGES_DIR });
  // Files for the site's root as they are (CNAME, ads.txt, a search engine's verification
  // page, .well-known/): content/public/x is /x. Never templates, even a .md or .njk there.
  eleventyConfig.addPassthroughCopy({ [join(eleventyConfig.directories.input, PUBLIC_DIR)]: "/" });
  eleventyConfig.ignores.add(join(eleventyConfig.directories.input, PUBLIC_DIR, "**"));
  let publishedAssets = new Map<string, Asset>();
  eleventyConfig.addFilter("assetUrl", (url: string) => publishedAssets.get(url)?.publishedUrl ?? url);
  // The fingerprinted copies are pages of a template of their own, so that Eleventy writes
  // them, and reports them among the build's files, like any other page.
  eleventyConfig.addGlobalData("strichkaAssets", () => [...publishedAssets.values()]);
  eleventyConfig.addTemplate("strichka-assets.11ty.js", {
    data: {
      pagination: { data: "strichkaAssets", size: 1, alias: "asset" },
      permalink: ({ asset }: { asset: Asset }) => asset.publishedUrl,
      eleventyExcludeFromCollections: true,
    },
    render: ({ asset }: { asset: Asset }) => asset.content,
  });

  // Minified templates instead of minified pages: see minify.ts.
  const templates = minify ? new MinifiedTemplates() : undefined;
  if (templates) {
    eleventyConfig.amendLibrary("njk", (environment) => environment.addExtension("strichkaMinify", { tags: [], preprocess: templates.lookup }));
  }

  // The preview rewrites only the pages a change of articles alone has changed (see preview.ts).
  // Everything is rewritten after a change to anything but articles, until a build succeeds.
  const preview = new PreviewPages();
  let rewriteEverything = true;
  eleventyConfig.on("eleventy.beforeWatch", (changedFiles: string[]) => {
    const articles = resolve(articlesPath());
    if (!changedFiles.every((file) => file.endsWith(".md") && resolve(file).startsWith(articles + sep))) rewriteEverything = true;
  });
  // Fired only when a build has succeeded.
  eleventyConfig.on("eleventy.after", () => {
    preview.commit();
    rewriteEverything = false;
  });
  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    site = loadSite();
    // Awaited together: a content error must reach Eleventy (and cli.ts) as this event's
    // failure, not as an unhandled rejection while the assets are read.
    const [news, assets] = await Promise.all([site, isProductionBuild() ? readAssets(assetsPath(), `/${ASSETS_DIR}/`) : []]);
    publishedAssets = new Map(assets.map((asset) => [asset.url, asset]));
    if (!isProductionBuild()) news.pages = preview.select(news, rewriteEverything);
    sitePath = new URL(news.site.url).pathname.replace(/\/?$/, "/");
    // The folders of all article and list pages, made once up front. Eleventy 3.1.8 checks
    // a page's folder through a cache that keeps "missing" after it has made the folder, so
    // it runs a recursive mkdir for every page written (1.7 s at 10,000 articles); a folder
    // that exists before it first looks is remembered as existing.
    const folders = new Set([...news.pages.articles, ...news.pages.listings].map((page) => dirname(join(directories.output, urlToFile(page.url)))));
    await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
    templates?.clear();
    if (templates && isProductionBuild()) {
      const { input, includes } = eleventyConfig.directories;
      const skip = (path: string) => path.startsWith(join(input, articlesDir)) || path.startsWith(join(DEFAULT_INPUT, "articles"));
      await timed("minification", () => templates.load([includes, input, DEFAULT_INCLUDES, DEFAULT_INPUT], skip));
    }
  });
  eleventyConfig.addGlobalData("strichka", () => (site ??= loadSite()));

  // Dates, plurals and typography for templates; dates always in the site's zone.
  eleventyConfig.addFilter("kyivDate", (value: DateInput) => formatKyivDate(value, timeZone));
  eleventyConfig.addFilter("kyivDateTime", (value: DateInput) => formatKyivDateTime(value, timeZone));
  eleventyConfig.addFilter("kyivTime", (value: DateInput) => formatKyivTime(value, timeZone));
  eleventyConfig.addFilter("monthHeading", (value: DateInput) => formatMonthHeading(value, timeZone));
  eleventyConfig.addFilter("weekday", (value: DateInput) => formatWeekday(value, timeZone));
  eleventyConfig.addFilter("dayHeading", (value: DateInput, currentYear: number) => formatDayHeading(value, currentYear, timeZone));
  eleventyConfig.addFilter("isoDate", (value: DateInput) => toIsoWithOffset(value, timeZone));
  eleventyConfig.addFilter("plural", (count: number, forms: PluralForms) => pluralize(count, forms));
  eleventyConfig.addFilter("readingTime", (minutes: number) => formatReadingTime(minutes, text.minuteForms, text.readingTime));
  eleventyConfig.addFilter("groupByDay", (articles: readonly Article[]) => groupByDay(articles));
  eleventyConfig.addFilter("typograph", (text: string) => typographText(text));

  // URLs: relative between pages (works from file:// too), absolute for canonical and feeds.
  // The 404 page is the exception: a host serves it at whatever URL was missing, where
  // relative links would lead nowhere, so its links start at the site's root path.
  eleventyConfig.addFilter("relativeUrl", function (this: { page?: { url: string | false } }, target: string) {
    const from = this.page?.url;
    if (from === NOT_FOUND_URL && target.startsWith("/") && !target.startsWith("//")) return sitePath + urlToFile(target).slice(1);
    return typeof from === "string" ? relativeUrl(target, from) : target;
  });
  eleventyConfig.addFilter("absoluteUrl", (target: string, siteUrl: string) => absoluteUrl(target, siteUrl));
  // Root-relative links and images an editor writes in Markdown ("/novyny/…", "/images/…").
  eleventyConfig.addFilter("relativizeUrls", function (this: { page?: { url: string | false } }, html: string) {
    const from = this.page?.url;
    return typeof from === "string" ? rewriteUrls(html, (url) => relativeUrl(url, from)) : html;
  });


  // «Відео дня»
  eleventyConfig.addFilter("placeVideo", (body: string, block: string) => placeVideo(body, block));
  eleventyConfig.addFilter("youtubeEmbedUrl", (id: string) => youtubeEmbedUrl(id));
  eleventyConfig.addFilter("youtubeWatchUrl", (id: string) => youtubeWatchUrl(id));

  // Feeds and sitemap, built once per build from the content model.
  const feeds = new WeakMap<NewsSite, SiteFeeds>();
  const feedsOf = (news: NewsSite) => {
    let siteFeeds = feeds.get(news);
    if (!siteFeeds) feeds.set(news, (siteFeeds = new SiteFeeds(news, markdown, latestCount)));
    return siteFeeds;
  };
  eleventyConfig.addFilter("atomFeed", (news: NewsSite, topicSlug?: string) =>
    timed("feeds", () => feedsOf(news).atom(topicSlug === undefined ? undefined : news.topics.find((topic) => topic.slug === topicSlug))),
  );
  eleventyConfig.addFilter("rssFeed", (news: NewsSite) => timed("feeds", () => feedsOf(news).rss()));
  eleventyConfig.addFilter("jsonFeed", (news: NewsSite) => timed("feeds", () => feedsOf(news).json()));
  eleventyConfig.addFilter("sitemapXml", (news: NewsSite) => timed("feeds", () => feedsOf(news).sitemap()));
  eleventyConfig.addFilter("latest", (news: NewsSite) => news.articles.slice(0, latestCount));
  eleventyConfig.addFilter("newsArticleJsonLd", (article: Article, site: SiteSettings) => newsArticleJsonLd(article, site, timeZone));

}

// Public helpers, for sites' own templates and scripts.
export { formatDayHeading, formatKyivDate, formatKyivDateTime, formatKyivTime, formatMonthHeading, formatWeekday, parseNewsDate, toIsoWithOffset } from "./dates.js";
export { pluralForm, pluralize } from "./plural.js";
export { UKRAINIAN, type LocaleText } from "./locale.js";
export { slugify, transliterate } from "./slug.js";
export { typographText, ukrainianTypography } from "./typography.js";
export { relatedArticles } from "./related.js";
export { loadNewsSite, NewsSite } from "./content/index.js";
export type { Article, ArticleLink, Tag, Topic, SiteSettings } from "./content/index.js";
export { ContentError, findContentError, formatProblem } from "./errors.js";
