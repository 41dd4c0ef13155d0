// The plugin's options: what a site may set, the defaults, and the check that refuses a
// mistake (all of them at once) before the plugin touches Eleventy's configuration.
import { IANAZone } from "luxon";
import type { SiteSettings } from "../content/index.js";
import { DEFAULT_TIME_ZONE } from "../dates.js";
import type { LocaleText } from "../locale.js";
import type { UrlOptions } from "../urls.js";

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
  /**
   * A small photo beside each article that has one in lists (home, archive, topics, tags,
   * authors). Off by default: it adds ~250 bytes of HTML an item to pages meant to arrive in
   * the first 14 KB, and a few KB of AVIF each to the reader's data.
   */
  listThumbnails?: boolean;
  /** The editors' desk (Decap CMS) at admin/; false leaves it out of the site. */
  admin?: boolean;
  /** Reworded texts, e.g. `{ related: "Читайте також:" }`; the keys are those of UKRAINIAN in locale.ts. */
  locale?: Partial<LocaleText>;
  /** Site settings (title, description, url, language, author), over those of _data/site.json. */
  site?: Partial<SiteSettings>;
  /** URL scheme: `{ articles: "/novyny/{yyyy}/{MM}/{dd}/{slug}.html", topics: "/temy/", tags: "/tehy/", archive: "/arkhiv/" }`. */
  urls?: Partial<UrlOptions>;
}

export type ResolvedOptions = Required<StrichkaOptions>;

export const DEFAULT_OPTIONS: ResolvedOptions = {
  timeZone: DEFAULT_TIME_ZONE,
  videoAfterParagraph: 3,
  relatedCount: 5,
  articlesDir: "articles",
  pageSize: 30,
  latestCount: 50,
  navTopics: 8,
  minify: true,
  listThumbnails: false,
  admin: true,
  locale: {},
  site: {},
  urls: {},
};

/** The options over the defaults; a TypeError naming every mistake otherwise. */
export function resolveOptions(options: StrichkaOptions): ResolvedOptions {
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
  if (typeof resolved.listThumbnails !== "boolean") problems.push(`listThumbnails must be true or false, not ${JSON.stringify(resolved.listThumbnails)}`);
  if (typeof resolved.admin !== "boolean") problems.push(`admin must be true or false, not ${JSON.stringify(resolved.admin)}`);
  if (problems.length > 0) throw new TypeError(`strichka plugin options: ${problems.join("; ")}`);
  return resolved;
}
