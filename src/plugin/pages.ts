// Article pages and list pages: one virtual template each, paginated over the content
// model, rather than one Eleventy template per Markdown file. The model has already read,
// validated and indexed every file; as templates, Eleventy would read and parse each again
// and give each its own data cascade and template-map entry, which costs more than
// rendering the page (10,000 articles: ~3.8 s paginated against ~10.6 s as templates, see
// BENCHMARKS.md). Their look is the layouts article.njk and listing.njk.
import type { Article } from "../content/index.js";
import type { EleventyConfig } from "../eleventy-config.js";
import { renderArticleBody } from "../markdown.js";
import type { SiteBuild } from "./build.js";

export function useModelPages(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  eleventyConfig.setLibrary("md", build.markdown);
  // Virtual 11ty.js templates, whatever formats the site uses.
  eleventyConfig.addTemplateFormats("11ty.js");
  // The body is the article's Markdown.
  addModelPages<Article>(eleventyConfig, "articles", { data: "strichka.pagesToWrite.articles", alias: "article", layout: "article.njk" }, (data) =>
    renderArticleBody(build.markdown, build.bodyOf(data.article!), data.article!.bodyImages),
  );
  // Every page of the archive, of each topic and of each tag: one flat list cut by the
  // content model (see pagination.ts).
  addModelPages(eleventyConfig, "lists", { data: "strichka.pagesToWrite.listings", alias: "listing", layout: "listing.njk" }, () => "");
  // Articles' old addresses (aliases in front matter): a page that sends the reader on.
  addModelPages(eleventyConfig, "redirects", { data: "strichka.aliasesToWrite", alias: "redirect", layout: "redirect.njk" }, () => "");
}

/**
 * Pages paginated over the content model, one per item, as a JavaScript virtual template
 * rather than a Nunjucks file: Eleventy 3.1's Nunjucks engine is not cacheable, so it would
 * compile the body and the permalink string anew for every one of thousands of pages
 * (docs/eleventy-internals.md). The layout does the rendering.
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
