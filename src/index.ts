// strichka's Eleventy plugin: the whole plugin as a list of named parts, each in its own
// module under src/plugin/. The parts share one SiteBuild (src/plugin/build.ts), which
// holds everything that lives across a build: the options, the content model, the assets
// and what the preview wrote last. Everything a part does is done by the modules of
// src/ it calls, each tested on its own.
import type { EleventyConfig } from "./eleventy-config.js";
import { useAdmin } from "./plugin/admin.js";
import { useAssets } from "./plugin/assets.js";
import { SiteBuild } from "./plugin/build.js";
import { useContentModel } from "./plugin/content-model.js";
import { registerDateFilters } from "./plugin/dates.js";
import { useDefaults } from "./plugin/defaults.js";
import { registerFeedFilters } from "./plugin/feeds.js";
import { registerImageFilters } from "./plugin/images.js";
import { useMinifiedTemplates } from "./plugin/minified-templates.js";
import { resolveOptions, type StrichkaOptions } from "./plugin/options.js";
import { useModelPages } from "./plugin/pages.js";
import { useOffline } from "./plugin/offline.js";
import { usePreview } from "./plugin/preview.js";
import { useSearch } from "./plugin/search.js";
import { registerListFilters, registerTextFilters } from "./plugin/text.js";
import { registerUrlFilters } from "./plugin/urls.js";
import { registerVideoFilters } from "./plugin/video.js";

/**
 * The Eleventy versions strichka is written and tested against. It relies on a few things
 * Eleventy does not document (docs/eleventy-internals.md), so a minor upgrade is a decision.
 */
export const ELEVENTY_VERSIONS = ">=3.1.8 <3.2";

export default function strichka(eleventyConfig: EleventyConfig, options: StrichkaOptions = {}): void {
  // The options are checked before anything touches Eleventy's configuration.
  const build = new SiteBuild(eleventyConfig, resolveOptions(options));
  eleventyConfig.versionCheck(ELEVENTY_VERSIONS);

  // What the site is made of.
  useContentModel(eleventyConfig, build); // _data and articles, read and checked before any template
  useModelPages(eleventyConfig, build); // article and list pages, paginated over the model
  useSearch(eleventyConfig, build); // the search index beside the search page
  useOffline(eleventyConfig, build); // a service worker for reading on the go
  useDefaults(eleventyConfig, build); // our layouts and pages where the site has none of its own
  useAssets(eleventyConfig, build); // CSS, JS, images and root files; fingerprints in production
  useMinifiedTemplates(eleventyConfig, build); // production HTML minified at no cost per page
  usePreview(eleventyConfig, build); // `npm start` rewrites only the pages a save changed
  useAdmin(eleventyConfig, build); // the editors' desk (Decap CMS) at admin/

  // What templates can call.
  registerDateFilters(eleventyConfig, build);
  registerTextFilters(eleventyConfig, build);
  registerListFilters(eleventyConfig, build);
  registerUrlFilters(eleventyConfig, build);
  registerVideoFilters(eleventyConfig);
  registerImageFilters(eleventyConfig, build);
  registerFeedFilters(eleventyConfig, build);
}
// One instance per Eleventy configuration: a second addPlugin(strichka) is skipped (the
// first one's options win), rather than registering every page, filter and handler twice.
strichka.eleventyPluginOptions = { unique: true };

export { DEFAULT_OPTIONS, type StrichkaOptions } from "./plugin/options.js";

// Public helpers, for sites' own templates and scripts (formatKyiv* are the earlier names of formatNews*).
export {
  formatDayHeading,
  formatKyivDate,
  formatKyivDateTime,
  formatKyivTime,
  formatMonthHeading,
  formatNewsDate,
  formatNewsDateTime,
  formatNewsTime,
  formatWeekday,
  parseNewsDate,
  toIsoWithOffset,
} from "./dates.js";
export { pluralForm, pluralize } from "./plural.js";
export { UKRAINIAN, type LocaleText } from "./locale.js";
export { slugify, transliterate } from "./slug.js";
export { typographText, ukrainianTypography } from "./typography.js";
export { relatedArticles } from "./related.js";
export { loadNewsSite, NewsSite } from "./content/index.js";
export type { Article, ArticleLink, Author, Tag, Topic, SiteSettings } from "./content/index.js";
export { ContentError, findContentError, formatProblem } from "./errors.js";
