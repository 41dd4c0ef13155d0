// The state of one plugin instance, in one place: what the plugin's parts (filters, pages,
// event handlers) share. A build goes
//   begin(directories)  before Eleventy reads a template: load and check the content model,
//                       read the assets, choose the pages a preview rewrites (with the
//                       other parts' work registered by alongBegin);
//   finish()            after Eleventy has written every page (a successful build only):
//                       the index files, then committed() for the preview;
// and in the preview, changed(files) before each rebuild says what the save touched.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { MarkdownIt } from "markdown-it";
import { readAssets, type Asset } from "../assets.js";
import { buildClock } from "../clock.js";
import { ArticleCache, loadNewsSite, NewsSite, readArticleBody, type Article, type PagesToWrite } from "../content/index.js";
import { cleanTrackedFiles } from "../content/git-files.js";
import { pageHashes, pagesToRender, searchShardHashes, selectSiteFiles, sourceFingerprint, type PageState } from "../incremental.js";
import type { EleventyConfig } from "../eleventy-config.js";
import { resolveLocale, type LocaleText } from "../locale.js";
import { formatNewsDayTime } from "../dates.js";
import { ContentError, type ContentProblem } from "../errors.js";
import { currentBreakingNews, readBreakingNews } from "../breaking.js";
import { damagedMessage, ensureOutputs, ImageStore, IMAGES_DIR, imageMentions, originalsLeftOut, posterSrc, type ImageFile } from "../images.js";
import { liveBlogMarkdown, readLiveBlog, type LiveBlog } from "../live-blog.js";
import { createMarkdown } from "../markdown.js";
import { pluralize } from "../plural.js";
import { timed } from "../metrics.js";
import { checkPreviewOutput, PreviewPages } from "../preview.js";
import { cutIntoShards, readShard, SHARD_ENV, type ShardSettings } from "../shards.js";
import { publicFileProblems } from "../public-files.js";
import { retiredPageProblems } from "./defaults.js";
import { writeIndexFiles } from "./index-files.js";
import { urlToFile, UrlScheme } from "../urls.js";
import { walkFiles } from "../walk.js";
import { ASSETS_DIR, assetsFolder, DEFAULT_INCLUDES, DEFAULT_INPUT, PACKAGE_ROOT, PUBLIC_DIR } from "./folders.js";
import type { ResolvedOptions } from "./options.js";

/** strichka's version: a new one renders everything (as does Eleventy's, ELEVENTY_VERSION). */
const STRICHKA_VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;

/** Files a site's templates, data and stylesheets are written in (what may mention a photo by URL). */
const TEXT_FILE = /\.(?:njk|liquid|html?|md|json|ya?ml|[cm]?[jt]s|css|xml|txt|webmanifest)$/i;

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
  #articleCache = new ArticleCache();
  /** Where `strichka build` keeps parsed articles between builds (see cache.ts). */
  #articleCacheFolder: { folder: string; fresh: boolean } | undefined;
  /** What is known of the photo files (see images.ts); kept across the preview's rebuilds. */
  #images = new ImageStore();
  /** Where `strichka build` keeps it between builds, and the published site to copy made photos from. */
  #imageState: { file: string; published: string } | undefined;
  /** This build's photos published only as their outputs (paths inside content/images/), once loaded. */
  #originalsLeftOut = new Set<string>();
  /** Folders of content/images/ (inside it, "" the folder itself) with a file that is published as it is. */
  #foldersPublished = new Map<string, boolean>();
  readonly #preview = new PreviewPages();
  /** The preview's search index files as last written (url → hash), and as this build writes them. */
  #previewSearch = { written: new Map<string, string>(), pending: new Map<string, string>() };
  /** This build's content model, while it loads (see model). */
  #model: Promise<NewsSite> | undefined;
  /** This build's content model, once loaded. */
  #loaded: NewsSite | undefined;
  /** Live blogs' updates as split from their bodies, while their articles are rendered. */
  #liveBlogs = new WeakMap<Article, LiveBlog>();
  #assets = new Map<string, Asset>();
  #writeAssets = true;
  #sitePath = "/";
  /** Whether the next preview build rewrites every page rather than those a save changed. */
  #rewriteEverything = true;
  /** What the production build's output folder holds already (see incremental.ts). */
  #previousPages: PageState | undefined;
  /** What this production build's pages are made of, once it has begun. */
  #pageState: PageState | undefined;
  /** Where this build writes its index files when Eleventy is done (finish()); undefined in a shard's run. */
  #indexFiles: { news: NewsSite; output: string; articlesPath: string } | undefined;
  /** Files of pages the output folder already holds as they would be rendered, and files this build wrote itself (photos, index files). */
  #keptFiles: string[] = [];
  /** How `strichka build` cuts big builds into shards; undefined renders everything here. */
  #shardSettings: ShardSettings | undefined;
  /** The shards this build's article and list pages were cut into (none: rendered here). */
  #shards: PagesToWrite[] = [];
  /**
   * This Eleventy run renders one shard of another build's pages (a child process of
   * `strichka build`, see shards.ts): the file that has them, else undefined.
   */
  readonly shardFile = process.env[SHARD_ENV] || undefined;
  /** Other parts' work before each build (alongBegin), run by begin beside the content model's. */
  readonly #alongBegin: (() => Promise<void>)[] = [];

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

  /**
   * This build's content model (loaded on first use if Eleventy asks before `begin`): what
   * templates see as `strichka`. (Not the site's settings: those are `options.site` and the
   * model's `site`.)
   */
  get model(): Promise<NewsSite> {
    return (this.#model ??= this.#load());
  }

  /**
   * An article's Markdown body, read from its file (the content model keeps no bodies); a
   * live blog's as its page shows it, updates newest first (live-blog.ts).
   */
  bodyOf(article: Article): string {
    const body = readArticleBody(join(this.articlesPath, article.sourceFile), article.contentHash);
    if (!article.live) return body;
    return liveBlogMarkdown(this.liveBlogOf(article, body), article.date, this.options.timeZone);
  }

  /** A live blog's updates, split from its body once per article (its page, its JSON-LD and its feed entries need them). */
  liveBlogOf(article: Article, body?: string): LiveBlog {
    let blog = this.#liveBlogs.get(article);
    if (!blog) {
      blog = readLiveBlog(body ?? readArticleBody(join(this.articlesPath, article.sourceFile), article.contentHash), article.date, this.options.timeZone);
      this.#liveBlogs.set(article, blog);
    }
    return blog;
  }

  /** The path of site.url ("/" or e.g. "/news/"), for the 404 page's links. */
  get sitePath(): string {
    return this.#sitePath;
  }

  /** The fingerprinted CSS and JS this build writes (none in the preview, nor in a shard's run). */
  get assets(): Asset[] {
    return this.#writeAssets ? [...this.#assets.values()] : [];
  }

  /** Where an asset ("/assets/style.css") is published: its fingerprinted copy, or itself. */
  publishedUrl(url: string): string {
    return this.#assets.get(url)?.publishedUrl ?? url;
  }

  /**
   * Work another part of the plugin does before each build (e.g. reading the templates to
   * minify): begin runs it beside its own and returns when all of it has ended. The plugin
   * has this one eleventy.before listener: Eleventy runs listeners side by side and gives up
   * on the build at the first that fails (or throws before returning a promise), leaving the
   * others running on their own; a load left so went on reading a test's articles after the
   * test had ended, and failed as an unhandled rejection.
   */
  alongBegin(task: () => Promise<void>): void {
    this.#alongBegin.push(task);
  }

  /** Before Eleventy reads a template: everything a page needs, checked; nothing written but page folders. */
  async begin({ output }: { output: string }): Promise<void> {
    const results = await Promise.allSettled([this.#begin(output), ...this.#alongBegin.map((task) => task())]);
    const failures = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    if (failures.length === 0) return;
    // The editors' mistakes all at once; anything else (a bug, a broken template) as it is.
    const other = failures.find((failure) => !(failure instanceof ContentError));
    if (other !== undefined) throw other;
    throw failures.length === 1 ? failures[0] : new ContentError(failures.flatMap((failure) => (failure as ContentError).problems));
  }

  async #begin(output: string): Promise<void> {
    if (!this.production) checkPreviewOutput(output);
    // The folders as they are now: a build does not follow a later change of the working directory (tests run several in one process).
    const cwd = process.cwd();
    const { input } = this.#eleventyConfig.directories;
    // Files of the site that stop its build whatever the content, reported with the content's problems.
    const siteProblems = [...retiredPageProblems(input), ...(this.shardFile ? [] : publicFileProblems(input))];
    this.#model = this.shardFile ? this.#loadShard(this.shardFile) : this.#load();
    // Awaited together: a content error must reach Eleventy (and commands.ts) as this build's
    // failure, not as an unhandled rejection while the assets are read.
    const assetsDir = assetsFolder(input);
    let news: NewsSite, assets: Asset[];
    try {
      [news, assets] = await Promise.all([this.#model, this.production ? readAssets(assetsDir, `/${ASSETS_DIR}/`) : []]);
    } catch (error) {
      if (error instanceof ContentError && siteProblems.length > 0) throw new ContentError([...siteProblems, ...error.problems]);
      throw error;
    }
    if (siteProblems.length > 0) throw new ContentError(siteProblems);
    this.#loaded = news;
    this.#assets = new Map(assets.map((asset) => [asset.url, asset]));
    if (this.shardFile) {
      // The fingerprinted assets are the coordinating build's to write; their URLs are needed here.
      this.#writeAssets = false;
    } else if (!this.production) {
      news.pagesToWrite = this.#preview.select(news, this.#rewriteEverything);
      // The search index's month files too: only those whose articles changed since the last save.
      const search = (this.#previewSearch.pending = searchShardHashes(news));
      if (!this.#rewriteEverything) news.search.shardsToWrite = news.search.shards.filter((shard) => this.#previewSearch.written.get(shard.url) !== search.get(shard.url));
    } else {
      this.#selectIncremental(news);
      this.#shards = this.#shardSettings ? cutIntoShards(news.pagesToWrite, this.#shardSettings) : [];
      // Rendered by the shards' processes; this run renders the site-wide pages.
      if (this.#shards.length > 0) news.pagesToWrite = { articles: [], listings: [] };
    }
    if (this.production && !this.shardFile && news.scheduled.count > 0) console.log(this.#scheduledNote(news));
    this.#sitePath = new URL(news.site.url).pathname.replace(/\/?$/, "/");
    if (!this.shardFile) {
      await this.#makePhotos(news, output);
      this.#originalsLeftOut = originalsLeftOut(news.articles, news.videos, this.#mentionedImages());
      this.#foldersPublished.clear();
    }
    // The search index's month files and the sitemap files: written once Eleventy has written its pages (finish()).
    this.#indexFiles = this.shardFile ? undefined : { news, output: resolve(cwd, output), articlesPath: resolve(cwd, this.articlesPath) };
    await makePageFolders(news.pagesToWrite, output);
  }

  /**
   * After Eleventy has written every page (eleventy.after: a build that got this far): the
   * search index's month files and the sitemap files, which Eleventy would keep in memory
   * (index-files.ts). Not in begin: a build Eleventy gave up on (another handler failed) would
   * go on writing them on its own, from folders a test or a next build may have changed.
   */
  async finish(): Promise<void> {
    const files = this.#indexFiles;
    this.#indexFiles = undefined;
    if (files) {
      const written = await writeIndexFiles(files.news, { output: files.output, articlesPath: files.articlesPath, timeZone: this.options.timeZone });
      if (this.production) this.#keptFiles.push(...written);
    }
    this.committed();
  }

  /** «Заплановано: 2 статті (найближча — 15 січня, 09:00)»: what this build leaves out until its time. */
  #scheduledNote({ scheduled, buildYear }: NewsSite): string {
    const next = scheduled.next ? ` (${this.text.scheduledNext} — ${formatNewsDayTime(scheduled.next, buildYear, this.options.timeZone)})` : "";
    return `${this.text.scheduled}: ${pluralize(scheduled.count, this.text.articleForms)}${next}`;
  }

  /**
   * For `strichka build`: what its output folder holds (the page state of the build that
   * wrote it), so that only pages that differ are rendered; undefined renders everything.
   */
  usePreviousPages(state: PageState | undefined): void {
    this.#previousPages = state;
  }

  /**
   * For `strichka build`: keep parsed articles in `folder` between builds, so that only
   * changed files are read and parsed; `fresh` ignores what is there (`--full`).
   */
  useArticleCache(folder: string, { fresh }: { fresh: boolean }): void {
    this.#articleCacheFolder = { folder, fresh };
  }

  /**
   * For `strichka build`: keep what is known of the photo files in `file` between builds, and
   * copy photos made by an earlier build from `published` (the site it builds over is older).
   */
  useImageState(file: string, published: string): void {
    this.#imageState = { file, published };
  }

  /**
   * Every photo the articles show, made in the output folder where it is not there yet (see
   * images.ts); its files are this build's, rendered pages or not.
   */
  async #makePhotos(news: NewsSite, output: string): Promise<void> {
    const sources = new Map<ImageFile, string>();
    const folder = join(this.#eleventyConfig.directories.input, IMAGES_DIR);
    for (const article of news.articles) if (article.image?.file) sources.set(article.image.file, join(folder, article.image.src));
    for (const article of news.articles) for (const image of article.bodyImages ?? []) if (image.file) sources.set(image.file, join(folder, image.src));
    for (const video of news.videos) if (video.posterFile) sources.set(video.posterFile, join(folder, posterSrc(video.poster)!));
    const state = this.production ? this.#imageState : undefined;
    const { outputs, damaged } = await timed("images", () => ensureOutputs(sources, output, state?.published));
    for (const file of sources.keys()) this.#images.remember(file);
    const problems = damaged.size > 0 ? this.#damagedPhotos(news, damaged) : [];
    if (this.production) this.#keptFiles.push(...outputs);
    if (state) {
      await this.#images.save(state.file);
      // A production build checks its photos once: what it knows is on disk now.
      this.#images = new ImageStore();
    }
    if (problems.length > 0) throw new ContentError(problems);
  }

  /**
   * The problems of the photos sharp could not decode (cut short, damaged), for every article
   * and video that shows one; remembered, so that the next builds report them with the
   * content's other problems (when checked) until the file changes.
   */
  #damagedPhotos(news: NewsSite, damaged: ReadonlyMap<ImageFile, string>): ContentProblem[] {
    const root = process.cwd();
    const folder = join(this.#eleventyConfig.directories.input, IMAGES_DIR);
    const shown = relative(root, folder).split(sep).join("/");
    const articleFile = (article: Article) => relative(root, join(this.articlesPath, article.sourceFile)).split(sep).join("/");
    const problems: ContentProblem[] = [];
    const report = (file: ImageFile, src: string) => {
      const message = damagedMessage(src, shown, damaged.get(file)!);
      this.#images.damaged(file, message);
      return message;
    };
    for (const article of news.articles) {
      if (article.image?.file && damaged.has(article.image.file)) problems.push({ file: articleFile(article), field: "image.src", message: report(article.image.file, article.image.src) });
      for (const image of article.bodyImages ?? []) {
        if (image.file && damaged.has(image.file)) problems.push({ file: articleFile(article), line: image.line, message: `image ${report(image.file, image.src)}` });
      }
    }
    const videosFile = relative(root, join(this.#eleventyConfig.directories.data, "videos.json")).split(sep).join("/");
    for (const video of news.videos) {
      if (video.posterFile && damaged.has(video.posterFile)) problems.push({ file: videosFile, field: "poster", message: `of the video of ${video.date}: ${report(video.posterFile, posterSrc(video.poster)!)}` });
    }
    return problems;
  }

  /**
   * Whether the passthrough copy of content/images/ publishes `path` (inside it, a file or a
   * folder) as it is: not a photo published only as its outputs (a 4 MB original would be
   * there for anyone to fetch), nor a folder with nothing else in it.
   */
  publishesOriginal(path: string): boolean {
    const inside = path.split(sep).join("/");
    if (this.#originalsLeftOut.has(inside)) return false;
    if (this.#originalsLeftOut.size === 0) return true;
    const folder = join(this.#eleventyConfig.directories.input, IMAGES_DIR);
    const publishedIn = (relativeFolder: string): boolean => {
      let known = this.#foldersPublished.get(relativeFolder);
      if (known === undefined) {
        known = readdirSync(join(folder, relativeFolder), { withFileTypes: true }).some((entry) => {
          const child = relativeFolder === "" ? entry.name : `${relativeFolder}/${entry.name}`;
          if (entry.name.startsWith(".")) return false;
          return statSync(join(folder, child), { throwIfNoEntry: false })?.isDirectory() ? publishedIn(child) : !this.#originalsLeftOut.has(child);
        });
        this.#foldersPublished.set(relativeFolder, known);
      }
      return known;
    };
    return statSync(join(folder, inside), { throwIfNoEntry: false })?.isDirectory() ? publishedIn(inside) : true;
  }

  /**
   * The photos of content/images/ the site's templates, data and stylesheets mention by URL
   * ("/images/logo.jpg", an author's photo): published as they are. Articles are not read
   * here (their links are in the content model: BodyImage.linked).
   */
  #mentionedImages(): Set<string> {
    const { input, includes, data, layouts } = this.#eleventyConfig.directories;
    const skipped = new Set([this.articlesPath, join(input, IMAGES_DIR)].map((path) => resolve(path)));
    const skip = (path: string) => {
      const name = path.slice(path.lastIndexOf(sep) + 1);
      return name.startsWith(".") || name === "node_modules" || name === "_site" || name === "_preview" || skipped.has(resolve(path));
    };
    const mentioned = new Set<string>();
    for (const folder of new Set([input, includes, data, layouts].filter((folder): folder is string => !!folder).map((folder) => resolve(folder)))) {
      for (const file of walkFiles(folder, { wanted: (name) => TEXT_FILE.test(name), skip }).files) {
        if ((statSync(file, { throwIfNoEntry: false })?.size ?? Infinity) > 4 * 1024 * 1024) continue;
        for (const src of imageMentions(readFileSync(file, "utf8"))) mentioned.add(src);
      }
    }
    return mentioned;
  }

  /** For `strichka build`: render big builds' article and list pages in shards (see shards.ts). */
  useShards(settings: ShardSettings): void {
    this.#shardSettings = settings;
  }

  /** After a production build's Eleventy run: the shards its article and list pages are still to be rendered in. */
  get pendingShards(): { news: NewsSite; shards: readonly PagesToWrite[] } | undefined {
    return this.#shards.length > 0 && this.#loaded ? { news: this.#loaded, shards: this.#shards } : undefined;
  }

  /**
   * The content model let go of, once the shards' files are written: the shards' processes
   * then run beside a build that holds little more than the page state (measured at a million
   * articles: the main process at 1.9 GB beside them instead of 2.7–2.8 GB, BENCHMARKS.md).
   * Anything asking for the model after this loads it again.
   */
  releaseModel(): void {
    this.#model = undefined;
    this.#loaded = undefined;
    this.#indexFiles = undefined;
    this.#shards = [];
    this.#liveBlogs = new WeakMap();
  }

  /** After a production build: what its pages were made of, and the files of the pages it did not render. */
  get incrementalResult(): { state: PageState; keptFiles: readonly string[] } | undefined {
    return this.#pageState && { state: this.#pageState, keptFiles: this.#keptFiles };
  }

  /** Production: the pages whose data differs from what the output folder holds (and any whose file is missing there). */
  #selectIncremental(news: NewsSite): void {
    const hashes = pageHashes(news, this.options);
    this.#pageState = { fingerprint: this.#fingerprint(news), pages: hashes };
    // (The output folder's pages whose file is missing are not in it: see SiteFolders.prepare.)
    const previous = this.#previousPages;
    news.pagesToWrite = pagesToRender(news, hashes, this.#pageState.fingerprint, previous);
    const siteFiles = selectSiteFiles(news, hashes, this.#pageState.fingerprint, previous);
    const rendered = new Set([...news.pagesToWrite.articles, ...news.pagesToWrite.listings].map((page) => page.url).concat(siteFiles));
    this.#keptFiles = [...hashes.keys()].filter((url) => !rendered.has(url)).map((url) => urlToFile(url).slice(1));
  }

  /** Everything every page depends on besides its own data: templates, data, assets, images, options, versions, the year. */
  #fingerprint(news: NewsSite): string {
    const { input, includes, data, layouts } = this.#eleventyConfig.directories;
    const skipped = [this.articlesPath, join(input, PUBLIC_DIR), join(DEFAULT_INPUT, "articles")].map((path) => resolve(path));
    // Articles' photos are not what every page shows: an article's page hash has its photo's version (incremental.ts).
    const photos = new Set(news.articles.flatMap((article) => [...(article.image ? [article.image.src] : []), ...(article.bodyImages ?? []).map((image) => image.src)].map((src) => resolve(input, IMAGES_DIR, src))));
    // A file that is also a poster stays in: the video block of every article shows it.
    for (const video of news.videos) if (video.posterFile) photos.delete(resolve(input, IMAGES_DIR, posterSrc(video.poster)!));
    const skip = (path: string) => {
      const name = path.slice(path.lastIndexOf(sep) + 1);
      return name.startsWith(".") || name === "node_modules" || name === "_site" || name === "_preview" || skipped.includes(resolve(path)) || photos.has(resolve(path));
    };
    const folders = [input, includes, data, layouts, DEFAULT_INCLUDES, DEFAULT_INPUT].filter((folder): folder is string => !!folder).map((folder) => resolve(folder));
    // (Whether the banner is current is the clock's to say: its end passing renders every page again.)
    return sourceFingerprint(folders, skip, { options: this.options, versions: [STRICHKA_VERSION, process.env.ELEVENTY_VERSION], buildYear: news.buildYear, breaking: news.breaking !== undefined });
  }

  /** Eleventy has written every page: the next preview build compares with this one. */
  committed(): void {
    this.#preview.commit();
    this.#previewSearch.written = this.#previewSearch.pending;
    this.#rewriteEverything = false;
  }

  /** A preview rebuild is coming for these files ("./content/articles/x.md"): a change to anything but articles rewrites everything. */
  changed(files: readonly string[]): void {
    const articles = resolve(this.articlesPath);
    if (!files.every((file) => file.endsWith(".md") && resolve(file).startsWith(articles + sep))) this.#rewriteEverything = true;
  }

  /** A shard's pages, with what they show (see shards.ts): a model of these pages only. */
  async #loadShard(file: string): Promise<NewsSite> {
    const shard = await readShard(file);
    const { timeZone, pageSize, navTopics } = this.options;
    const news = new NewsSite(shard.site, shard.topics, [], [], { timeZone, pageSize, navTopics, archiveHeading: this.text.archiveHeading, buildTime: shard.buildTime, authors: shard.authors }, this.urls);
    news.pagesToWrite = { articles: shard.articles, listings: shard.listings };
    // Read again here, at the coordinating build's clock: the same banner on every page.
    news.breaking = currentBreakingNews(readBreakingNews(this.#eleventyConfig.directories.data, this.options.timeZone, process.cwd(), []), shard.buildTime);
    return news;
  }

  async #load(): Promise<NewsSite> {
    const kept = this.production ? this.#articleCacheFolder : undefined;
    if (this.production && this.#imageState) this.#images = await ImageStore.load(this.#imageState.file);
    // Git looks at the article files in its own process while this one reads the cache (a
    // second at 100,000 articles each, side by side on two cores).
    const trackedFiles = this.#shardSettings?.processes ? cleanTrackedFiles(this.articlesPath) : undefined;
    if (kept) this.#articleCache = kept.fresh ? new ArticleCache(STRICHKA_VERSION) : await timed("content", () => ArticleCache.load(kept.folder, STRICHKA_VERSION));
    // The banner's problems are reported with the content's, all at once.
    const bannerProblems: ContentProblem[] = [];
    const banner = readBreakingNews(this.#eleventyConfig.directories.data, this.options.timeZone, process.cwd(), bannerProblems);
    try {
      let news: NewsSite;
      try {
        news = await this.#loadWithCache(trackedFiles);
      } catch (error) {
        if (error instanceof ContentError && bannerProblems.length > 0) throw new ContentError([...error.problems, ...bannerProblems]);
        throw error;
      }
      if (bannerProblems.length > 0) throw new ContentError(bannerProblems);
      news.breaking = currentBreakingNews(banner, news.buildTime);
      return news;
    } finally {
      // A production build loads once: its parses are on disk now (the load saved them, see
      // saveCacheTo), and need no memory.
      if (kept) this.#articleCache = new ArticleCache();
    }
  }

  #loadWithCache(trackedFiles: Promise<ReadonlyMap<string, string> | undefined> | undefined): Promise<NewsSite> {
    const { timeZone, relatedCount, pageSize, navTopics, site } = this.options;
    const { input, data } = this.#eleventyConfig.directories;
    // Taken once, before anything is read: what is published is what is dated by then.
    const clock = buildClock(timeZone);
    if ("problem" in clock) return Promise.reject(new ContentError([clock.problem]));
    return timed("content", () =>
      loadNewsSite({
        now: clock.now,
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
        images: this.#images,
        // The cache on disk is the published site's: its URLs must keep working.
        checkMoves: this.production && this.#articleCacheFolder !== undefined && !this.#articleCacheFolder.fresh,
        // Many changed files (a first build) are parsed in as many processes as shards render in.
        parseProcesses: this.#shardSettings?.processes,
        trackedFiles,
        saveCacheTo: this.production ? this.#articleCacheFolder?.folder : undefined,
        // The related news lists beside the cache: those still right are not worked out again (not with --full).
        keptRelated: this.production && this.#articleCacheFolder ? { file: `${this.#articleCacheFolder.folder}.related`, reuse: !this.#articleCacheFolder.fresh } : undefined,
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
