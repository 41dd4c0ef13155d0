// The state of one plugin instance, in one place: what the plugin's parts (filters, pages,
// event handlers) share. A build goes
//   begin(directories)  before Eleventy reads a template: load and check the content model,
//                       read the assets, choose the pages a preview rewrites;
//   committed()         after Eleventy has written every page (a successful build only);
// and in the preview, changed(files) before each rebuild says what the save touched.
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { MarkdownIt } from "markdown-it";
import { readAssets, type Asset } from "../assets.js";
import { ArticleCache, loadNewsSite, type NewsSite, type PagesToWrite } from "../content/index.js";
import type { EleventyConfig } from "../eleventy-config.js";
import { resolveLocale, type LocaleText } from "../locale.js";
import { createMarkdown } from "../markdown.js";
import { timed } from "../metrics.js";
import { checkPreviewOutput, PreviewPages } from "../preview.js";
import { urlToFile, UrlScheme } from "../urls.js";
import { ASSETS_DIR, assetsFolder } from "./folders.js";
import type { ResolvedOptions } from "./options.js";

/** True for `npm run build`; false for the `npm start` preview (serve or watch), which also shows drafts. */
export function isProductionBuild(): boolean {
  return (process.env.ELEVENTY_RUN_MODE ?? "build") === "build";
}

export class SiteBuild {
  readonly urls: UrlScheme;
  /** Every word the reader sees that is not content (the `locale` option over UKRAINIAN). */
  readonly text: LocaleText;
  /** Renders article bodies for pages and feeds alike. */
  readonly markdown: MarkdownIt;
  readonly #eleventyConfig: EleventyConfig;
  /** Parsed articles, kept across the preview's rebuilds; this instance's own. */
  readonly #articleCache = new ArticleCache();
  readonly #preview = new PreviewPages();
  #site: Promise<NewsSite> | undefined;
  #assets = new Map<string, Asset>();
  #sitePath = "/";
  /** Whether the next preview build rewrites every page rather than those a save changed. */
  #rewriteEverything = true;

  constructor(
    eleventyConfig: EleventyConfig,
    readonly options: ResolvedOptions,
  ) {
    this.#eleventyConfig = eleventyConfig;
    this.urls = new UrlScheme(options.urls);
    this.text = resolveLocale(options.locale);
    this.markdown = createMarkdown({ videoAfterParagraph: options.videoAfterParagraph, siteRoot: eleventyConfig.directories.input });
  }

  get production(): boolean {
    return isProductionBuild();
  }

  /** The folder of the Markdown articles. */
  get articlesPath(): string {
    return join(this.#eleventyConfig.directories.input, this.options.articlesDir);
  }

  /** This build's content model (loaded on first use if Eleventy asks before `begin`). */
  get site(): Promise<NewsSite> {
    return (this.#site ??= this.#load());
  }

  /** The path of site.url ("/" or e.g. "/news/"), for the 404 page's links. */
  get sitePath(): string {
    return this.#sitePath;
  }

  /** The fingerprinted CSS and JS of a production build (none in the preview). */
  get assets(): Asset[] {
    return [...this.#assets.values()];
  }

  /** Where an asset ("/assets/style.css") is published: its fingerprinted copy, or itself. */
  publishedUrl(url: string): string {
    return this.#assets.get(url)?.publishedUrl ?? url;
  }

  /** Before Eleventy reads a template: everything a page needs, checked; nothing written but page folders. */
  async begin({ output }: { output: string }): Promise<void> {
    if (!this.production) checkPreviewOutput(output);
    this.#site = this.#load();
    // Awaited together: a content error must reach Eleventy (and cli.ts) as this build's
    // failure, not as an unhandled rejection while the assets are read.
    const assetsDir = assetsFolder(this.#eleventyConfig.directories.input);
    const [news, assets] = await Promise.all([this.#site, this.production ? readAssets(assetsDir, `/${ASSETS_DIR}/`) : []]);
    this.#assets = new Map(assets.map((asset) => [asset.url, asset]));
    if (!this.production) news.pagesToWrite = this.#preview.select(news, this.#rewriteEverything);
    this.#sitePath = new URL(news.site.url).pathname.replace(/\/?$/, "/");
    await makePageFolders(news.pagesToWrite, output);
  }

  /** Eleventy has written every page: the next preview build compares with this one. */
  committed(): void {
    this.#preview.commit();
    this.#rewriteEverything = false;
  }

  /** A preview rebuild is coming for these files ("./content/articles/x.md"): a change to anything but articles rewrites everything. */
  changed(files: readonly string[]): void {
    const articles = resolve(this.articlesPath);
    if (!files.every((file) => file.endsWith(".md") && resolve(file).startsWith(articles + sep))) this.#rewriteEverything = true;
  }

  #load(): Promise<NewsSite> {
    const { timeZone, relatedCount, pageSize, navTopics, site } = this.options;
    const { input, data } = this.#eleventyConfig.directories;
    return timed("content", () =>
      loadNewsSite({
        inputDir: input,
        articlesDir: this.articlesPath,
        dataDir: data,
        timeZone,
        includeDrafts: !this.production,
        relatedCount,
        pageSize,
        navTopics,
        archiveHeading: this.text.archiveHeading,
        urls: this.urls,
        cache: this.#articleCache,
        ...(Object.keys(site).length > 0 && { site }),
      }),
    );
  }
}

/**
 * The folders of all article and list pages, made once up front. Eleventy 3.1.8 checks a
 * page's folder through a cache that keeps "missing" after it has made the folder, so it
 * runs a recursive mkdir for every page written (1.7 s at 10,000 articles); a folder that
 * exists before it first looks is remembered as existing (docs/eleventy-internals.md).
 */
async function makePageFolders(pages: PagesToWrite, output: string): Promise<void> {
  const folders = new Set([...pages.articles, ...pages.listings].map((page) => dirname(join(output, urlToFile(page.url)))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
}
