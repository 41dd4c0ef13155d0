// URL filters: links between pages are relative (so a copy of _site/ works from disk, see
// ../urls.ts); canonical URLs and feeds are absolute. The 404 page is the exception: a host
// serves it at whatever URL was missing, where relative links would lead nowhere, so its
// links start at the site's root path.
import type { EleventyConfig, EleventyPage } from "../eleventy-config.js";
import { rewriteUrls } from "../html-urls.js";
import { absoluteUrl, relativeUrl, urlToFile } from "../urls.js";
import type { SiteBuild } from "./build.js";

export function registerUrlFilters(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  eleventyConfig.addFilter("relativeUrl", function (this: { page?: EleventyPage }, target: string) {
    const from = this.page?.url;
    if (from === build.urls.notFound && target.startsWith("/") && !target.startsWith("//")) return build.sitePath + urlToFile(target).slice(1);
    return typeof from === "string" ? relativeUrl(target, from) : target;
  });
  eleventyConfig.addFilter("absoluteUrl", (target: string, siteUrl: string) => absoluteUrl(target, siteUrl));
  // Root-relative links and images an editor writes in Markdown ("/novyny/…", "/images/…").
  eleventyConfig.addFilter("relativizeUrls", function (this: { page?: EleventyPage }, html: string) {
    const from = this.page?.url;
    return typeof from === "string" ? rewriteUrls(html, (url) => relativeUrl(url, from)) : html;
  });
}
