// A site's own files for its root (content/public/, copied as they are) must not land where
// strichka writes a file itself: Eleventy copies them and writes pages side by side, and
// whichever comes last would win, silently. `_redirects` is merged instead (the site's rules
// first, then ours: Netlify applies the first rule that matches); any other file there fails
// the build, naming it, with what to do instead.
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { FINGERPRINTED_DIR } from "./assets.js";
import type { ContentProblem } from "./errors.js";
import { PUBLIC_DIR } from "./plugin/folders.js";
import { FIXED_URLS, SITEMAP_FILES, urlToFile } from "./urls.js";

/** The site's own redirect rules, in content/public/: published at the top of strichka's `_redirects`. */
export const SITE_REDIRECTS = FIXED_URLS.redirects.slice(1);

/**
 * Files strichka writes at fixed places, and the template a site puts in its input folder to
 * publish its own there instead (a template of the same name overrides ours).
 */
const WRITTEN: readonly { url: string; what: string; template?: string }[] = [
  { url: urlToFile(FIXED_URLS.home), what: "the home page", template: "index.njk" },
  { url: FIXED_URLS.notFound, what: "the page for a missing address", template: "404.njk" },
  { url: FIXED_URLS.atom, what: "the Atom feed", template: "feeds/atom.njk" },
  { url: FIXED_URLS.rss, what: "the RSS feed", template: "feeds/rss.njk" },
  { url: FIXED_URLS.json, what: "the JSON Feed", template: "feeds/json.njk" },
  { url: FIXED_URLS.sitemap, what: "the sitemap index", template: "feeds/sitemap.njk" },
  { url: FIXED_URLS.newsSitemap, what: "the Google News sitemap", template: "feeds/news-sitemap.njk" },
  { url: FIXED_URLS.robots, what: "robots.txt", template: "feeds/robots.njk" },
  { url: FIXED_URLS.offline, what: "the offline page of the service worker", template: "offline.njk" },
  { url: FIXED_URLS.serviceWorker, what: "the service worker for reading on the go" },
  { url: FIXED_URLS.search, what: "the search page and its index", template: "search.njk" },
  { url: SITEMAP_FILES, what: "the sitemap files" },
  { url: FINGERPRINTED_DIR, what: "the fingerprinted CSS and JS" },
];

/**
 * The files of the site's content/public/ (in its input folder `input`) at places strichka
 * writes itself, as problems naming them (paths relative to `root`). Only those places are
 * looked at: a few checks, however big the folder.
 */
export function publicFileProblems(input: string, root = process.cwd()): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { url, what, template } of WRITTEN) {
    const path = join(input, PUBLIC_DIR, url);
    if (!existsSync(path)) continue;
    const folder = url.endsWith("/");
    const instead = template ? `to publish your own, put a template at ${relative(root, join(input, template))} (it replaces strichka's)` : folder ? "put yours in another folder" : "give yours another name";
    problems.push({
      file: relative(root, path) + (folder ? "/" : ""),
      message: `strichka writes ${what} ${folder ? "in" : "at"} ${url} itself, and ${folder ? "files here" : "this file"} would overwrite it, or be overwritten, without a word: remove ${folder ? "them" : "it"}; ${instead}`,
    });
  }
  // A site's own redirects template takes the site's rules from strichkaSiteRedirects (ours does).
  const template = join(input, "feeds/redirects.njk");
  if (existsSync(join(input, PUBLIC_DIR, SITE_REDIRECTS)) && existsSync(template) && !readFileSync(template, "utf8").includes("strichkaSiteRedirects")) {
    problems.push({
      file: relative(root, join(input, PUBLIC_DIR, SITE_REDIRECTS)),
      message: `its rules would be lost: the site's own template ${relative(root, template)} writes ${FIXED_URLS.redirects} without them; publish them there with {{ strichkaSiteRedirects | safe }} (strichka's template puts them first)`,
    });
  }
  return problems;
}

/** The site's own `_redirects` rules (content/public/_redirects in its input folder `input`), or "" when it has none. */
export function siteRedirects(input: string): string {
  const path = join(input, PUBLIC_DIR, SITE_REDIRECTS);
  if (!existsSync(path)) return "";
  const rules = readFileSync(path, "utf8");
  return rules.endsWith("\n") || rules === "" ? rules : `${rules}\n`;
}
