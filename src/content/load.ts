// Loading the whole site: the _data files, every article, the checks across files (URLs,
// tag spellings, topics), then the indexes. Every problem in every file is collected and
// thrown at once as a ContentError; nothing is built from half-valid content.
import { join, relative, sep } from "node:path";
import { ContentError, describeValue, type ContentProblem } from "../errors.js";
import { checkArticleImages, type ImageStore } from "../images.js";
import { timed } from "../metrics.js";
import { readKeptRelated, relatedArticles, writeKeptRelated, type KeptRelated } from "../related.js";
import { typographText } from "../typography.js";
import { UrlScheme } from "../urls.js";
import { videoForDay, type VideoOfTheDay } from "../video.js";
import { parseArticle, type ParsedArticle } from "./article-file.js";
import { parseContext, PARSE_IN_PROCESSES_FROM, readInProcesses, type FreshRead, type ParseSettings } from "./parse-files.js";
import { toArticles } from "./articles.js";
import { ArticleCache } from "./cache.js";
import { cleanTrackedFiles } from "./git-files.js";
import { UrlMoves } from "./moves.js";
import { listMarkdown, readDataFile, readSiteSettings } from "./files.js";
import { NewsSite, type Article, type Author, type ScheduledArticles, type Topic } from "./model.js";
import { readAuthors } from "./authors.js";
import { topicsSchema, videosSchema, type SiteSettings } from "./schema.js";

export interface LoadOptions {
  /** Eleventy's input folder, e.g. "content". */
  inputDir: string;
  /** Folder of the Markdown articles, e.g. "content/articles". */
  articlesDir: string;
  /** Folder of site.json, topics.json, videos.json. */
  dataDir: string;
  timeZone: string;
  includeDrafts: boolean;
  relatedCount: number;
  /** Articles on one page of the archive, a topic or a tag. */
  pageSize: number;
  /** Topics in the masthead; all when not given. */
  navTopics?: number;
  /** The archive's heading (a locale text). */
  archiveHeading?: string;
  /** The URL scheme (the plugin's `urls` option); the default one when not given. */
  urls?: UrlScheme;
  /** Site settings given in the plugin's options; they take precedence over _data/site.json. */
  site?: Record<string, unknown>;
  /** Project root the file names in messages are relative to. */
  root?: string;
  /**
   * Parsed articles kept from earlier loads (see cache.ts): the plugin keeps one per
   * instance for its preview. Not given: a fresh one, so a load shares nothing.
   */
  cache?: ArticleCache;
  /**
   * The cache holds the previous build's parses (`strichka build`): a published article
   * whose URL changed without an alias for the old one is a problem (see moves.ts).
   */
  checkMoves?: boolean;
  /** The build's clock (see clock.ts): articles dated after it are scheduled. Not given: the current time. */
  now?: Date;
  /**
   * Child processes that read and parse the changed files when there are many (see
   * parse-files.ts); none (or not given): this process parses them.
   */
  parseProcesses?: number;
  /**
   * `strichka build`: the folder the cache is saved into as soon as the article files are
   * read (also when they have problems: the files without need not be parsed again), after
   * which the cache lets go of its entries.
   */
  saveCacheTo?: string;
  /** What is known of the photo files (images.ts): kept across builds; not given, a fresh one. */
  images?: ImageStore;
  /**
   * What git says of the articles folder (cleanTrackedFiles), asked for by the caller before
   * it loads the cache: git works in a process of its own meanwhile. Not given: asked here.
   */
  trackedFiles?: Promise<ReadonlyMap<string, string> | undefined>;
  /** At least this many changed files go to the child processes (default PARSE_IN_PROCESSES_FROM; tests use fewer). */
  parseProcessesFrom?: number;
  /**
   * `strichka build`: the file the related news lists are kept in between builds (see
   * KeptRelated in related.ts); with `reuse`, the lists it holds that are still right are
   * taken from it (without, e.g. `--full`, every list is worked out).
   */
  keptRelated?: { file: string; reuse: boolean };
}

/** Reads and validates the whole site (see the top of this file). */
export async function loadNewsSite(options: LoadOptions): Promise<NewsSite> {
  const root = options.root ?? process.cwd();
  const problems: ContentProblem[] = [];
  const urls = options.urls ?? new UrlScheme();
  const dataFile = (name: string) => relative(root, join(options.dataDir, name));

  const [site, topicList, videoList] = await Promise.all([
    readSiteSettings(options, root, problems),
    readDataFile(options.dataDir, "topics.json", topicsSchema, root, problems),
    readDataFile(options.dataDir, "videos.json", videosSchema, root, problems),
  ]);
  if (site?.timezone && site.timezone !== options.timeZone) {
    problems.push({ file: dataFile("site.json"), field: "timezone", message: `${describeValue(site.timezone)} differs from the plugin's timeZone "${options.timeZone}"; remove it or set the plugin option` });
  }
  const topics = topicsOf(topicList, urls, dataFile("topics.json"), problems);
  const videos = videosOf(videoList ?? [], dataFile("videos.json"), problems);
  const parsed = await readArticles(options, root, topics, urls, problems);
  const now = options.now ?? new Date();
  const authors = readAuthors(options.dataDir, options.inputDir, root, urls, problems);
  const { articles, scheduled } = toArticles(drain(parsed), topics?.bySlug ?? new Map(), options, urls, problems, now, authors);

  checkArticleImages(articles, options, root, problems, { list: videos, file: dataFile("videos.json") });
  if (problems.length > 0 || !site || !topics) throw new ContentError(problems);
  return timed("indexes", () => buildIndexes(site, topics.bySlug, articles, videos, options, { buildTime: now, scheduled, authors: [...(authors?.bySlug.values() ?? [])] }));
}

/**
 * The items in order, each let go of by the array as it is taken: at a million articles the
 * parsed records and the articles made from them were both in the heap at once (~500 bytes
 * an article more at the build's peak).
 */
function* drain<T>(items: (T | undefined)[]): Generator<T> {
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    items[index] = undefined;
    yield item;
  }
}

interface Topics {
  bySlug: Map<string, Topic>;
  /** false when topics.json had problems: articles' topics are then not checked (see articleSchema). */
  valid: boolean;
}

/** The topics by slug; two topics with one slug are a problem. Undefined when topics.json could not be read. */
function topicsOf(list: readonly Omit<Topic, "url">[] | undefined, urls: UrlScheme, file: string, problems: ContentProblem[]): Topics | undefined {
  if (!list) return undefined;
  const bySlug = new Map<string, Topic>();
  let valid = true;
  list.forEach((topic, index) => {
    if (bySlug.has(topic.slug)) {
      problems.push({ file, field: `[${index}].slug`, message: `${describeValue(topic.slug)} is used by another topic too; give each topic its own slug` });
      valid = false;
    }
    bySlug.set(topic.slug, { ...topic, title: typographText(topic.title), url: urls.topic(topic.slug) });
  });
  return { bySlug, valid };
}

/** The videos by day; two on one day are a problem. */
function videosOf(list: readonly VideoOfTheDay[], file: string, problems: ContentProblem[]): VideoOfTheDay[] {
  const videos = [...list].sort((a, b) => a.date.localeCompare(b.date));
  videos.forEach((video, index) => {
    if (index > 0 && videos[index - 1]!.date === video.date) {
      problems.push({ file, field: "date", message: `${describeValue(video.date)} has two videos; keep one video a day` });
    }
  });
  return videos;
}

export interface ArticleSource {
  /** The file's path, as found in the articles folder (through links, not to their targets). */
  path: string;
  /** Its path inside the articles folder, "/"-separated ("2026/01/x.md"). */
  sourceFile: string;
  parsed: ParsedArticle;
  /** The version of the file's bytes. */
  hash: string;
}

/** Every article file, read and validated (through the cache: unchanged files are not read again). */
async function readArticles(options: LoadOptions, root: string, topics: Topics | undefined, urls: UrlScheme, problems: ContentProblem[]): Promise<ArticleSource[]> {
  const slugs = topics?.valid ? [...topics.bySlug.keys()] : undefined;
  const settings: ParseSettings = { slugs, zone: options.timeZone, urls: urls.options };
  const context = parseContext(settings);
  const cache = options.cache ?? new ArticleCache();
  // What a parse depends on besides the file; paths relative to the project, so that the
  // same site checked out elsewhere (a CI machine) keeps its cache.
  cache.begin(JSON.stringify([slugs ?? null, options.timeZone, relative(root, options.articlesDir), urls.articles]));
  const moves = options.checkMoves ? new UrlMoves(cache, options.now) : undefined;
  const key = relativeBelow(root, options.articlesDir);
  const inside = relativeBelow(options.articlesDir, options.articlesDir);
  const files = listMarkdown(options.articlesDir, root, problems).map((path) => ({ path, key: key(path) }));
  const tracked = () => options.trackedFiles ?? cleanTrackedFiles(options.articlesDir);
  const known = await readChangedFiles(files, tracked, cache, settings, options.parseProcesses ?? 0, options.parseProcessesFrom ?? PARSE_IN_PROCESSES_FROM);
  const sources: ArticleSource[] = [];
  for (const { path, key } of files) {
    const read = cache.read(path, key, (bytes, own) => parseArticle(bytes, key, context, own), problems, known?.(key));
    if (!read) continue;
    const sourceFile = inside(path);
    sources.push({ path, sourceFile: sep === "/" ? sourceFile : sourceFile.split(sep).join("/"), parsed: read.parsed, hash: read.hash });
    if (read.reparsed) moves?.reparsed(key, read.reparsed.previous, read.parsed, read.hash);
  }
  moves?.check(problems);
  cache.sweep();
  // Saved before the model is built, then let go of: at a million articles the cache's entries
  // and the model side by side were more than the build's heap (it died there, measured).
  if (options.saveCacheTo) {
    await timed("content", () => cache.save(options.saveCacheTo!));
    cache.release();
  }
  return sources;
}

/**
 * `relative(from, path)` for the files listMarkdown finds in `folder` (join(folder, …names)):
 * the folder's relative path worked out once, then each file's rest as it is. path.relative
 * resolves both paths on every call: twice per article, 0.7 s of a build at 100,000 articles
 * on a busy machine. Any other path, and any path on Windows (whose paths compare without
 * case) or below a folder outside `from`, goes through path.relative.
 */
export function relativeBelow(from: string, folder: string): (path: string) => string {
  const base = relative(from, folder);
  // (A folder outside `from`: "../b" joined to a rest that goes back into `from` would not be its shortest path.)
  if (process.platform === "win32" || base === ".." || base.startsWith(`..${sep}`)) return (path) => relative(from, path);
  // The folder as join writes it, with its separator ("" for ".").
  const prefix = join(folder, "x").slice(0, -1);
  return (path) => {
    if (!path.startsWith(prefix) || path.length === prefix.length) return relative(from, path);
    const rest = path.slice(prefix.length);
    return base === "" ? rest : `${base}${sep}${rest}`;
  };
}

/**
 * With child processes to parse in (`strichka build`): what is known of each file before the
 * build reads it — unchanged since its cached parse (by its modification time, or by git's
 * word in a fresh checkout: git-files.ts), or read and parsed by a child when many changed
 * (parse-files.ts). Undefined without child processes: cache.read finds out file by file.
 */
async function readChangedFiles(files: { path: string; key: string }[], tracked: () => Promise<ReadonlyMap<string, string> | undefined>, cache: ArticleCache, settings: ParseSettings, processes: number, from: number) {
  if (processes === 0) return undefined;
  const changed = cache.changedFiles(files, await tracked());
  const fresh = changed.length >= from ? await readInProcesses(changed, settings, processes) : new Map<string, FreshRead>();
  const isChanged = new Set(changed.map((job) => job.key));
  return (key: string) => {
    const read = fresh.get(key);
    return read ? { fresh: read } : isChanged.has(key) ? undefined : ({ unchanged: true } as const);
  };
}

/** Order, related news, videos of the day, topic and tag indexes, list pages: once per build. */
function buildIndexes(site: SiteSettings, topics: Map<string, Topic>, articles: Article[], videos: VideoOfTheDay[], options: LoadOptions, more: { buildTime: Date; scheduled: ScheduledArticles; authors: Author[] }): NewsSite {
  // Newest first; the URL breaks ties so that the order (and so related news) never depends on the file system.
  articles.sort((a, b) => b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url));
  const kept = options.keptRelated;
  let keep: KeptRelated | undefined;
  const related = relatedArticles(
    articles.map((article) => ({ article, topic: article.topic.slug, tags: article.tags.map((tag) => tag.slug) })),
    options.relatedCount,
    (candidate) => !candidate.article.draft,
    kept && { previous: kept.reuse ? readKeptRelated(kept.file) : undefined, keep: (lists) => (keep = lists) },
  );
  if (kept && keep) writeKeptRelated(kept.file, keep);
  articles.forEach((article, index) => {
    article.video = videoForDay(videos, article.day);
    // The articles themselves, not copies of their links: five link objects (with dates) an
    // article were ~350 MB at a million articles. (Shard files carry links only: shards.ts.)
    article.related = related[index]!.map(({ article: other }) => other);
  });

  const relatedPlaces = keep && { count: keep.count, after: keep.lists };
  return new NewsSite(site, [...topics.values()], articles, videos, { timeZone: options.timeZone, pageSize: options.pageSize, navTopics: options.navTopics, archiveHeading: options.archiveHeading, relatedPlaces, ...more }, options.urls);
}
