// The content model: every article's front matter and the _data files, validated by one
// zod schema each, and the indexes built once per build (topics, related news, video of
// the day). Templates read it as the `strichka` global data.
import { readFileSync, statSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { DateTime } from "luxon";
import { z } from "zod";
import { readNewsDate, zonedDay } from "./dates.js";
import { ContentError, describeValue, type ContentProblem } from "./errors.js";
import { lineOfKey, parseYaml, splitFrontMatter } from "./front-matter.js";
import { timed } from "./metrics.js";
import MarkdownItFactory from "markdown-it";
import { isSiteResource, rawHtmlProblems } from "./raw-html.js";
import { readingMinutes } from "./reading-time.js";
import { relatedArticles } from "./related.js";
import { MAX_SLUG_LENGTH, slugify } from "./slug.js";
import { typographText } from "./typography.js";
import { paginate, type ListPage } from "./pagination.js";
import { UrlScheme } from "./urls.js";
import { videoForDay, YOUTUBE_ID, type VideoOfTheDay } from "./video.js";
import { walkFiles } from "./walk.js";

// ---------------------------------------------------------------- schemas

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_HINT = "write 2026-01-14, 2026-01-14 23:40 (Kyiv time) or 2026-01-14T23:40:00+02:00";

/** Text that must be there and not blank; `what` completes "write …". */
const requiredText = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is missing; write ${what}` : `${describeValue(issue.input)} is not text; write ${what}`) })
    .trim()
    .min(1, { error: `is empty; write ${what}` });

const optionalText = (what: string) =>
  z.string({ error: (issue) => `${describeValue(issue.input)} is not text; write ${what}` }).trim().min(1, { error: `is empty; write ${what} or remove the field` }).optional();

const newsDate = (zone: string) =>
  z.unknown().transform((value, context): DateTime => {
    const reading = readNewsDate(value, zone);
    if (!reading.ok) {
      context.addIssue({
        code: "custom",
        message:
          value === undefined || value === null
            ? `is missing; ${DATE_HINT}`
            : `${describeValue(value)} ${reading.message}${reading.reason === "format" ? `; ${DATE_HINT}` : ""}`,
      });
      return z.NEVER;
    }
    return reading.date;
  });

/**
 * An article's front matter. `topicSlugs` undefined: _data/topics.json has problems of its
 * own (reported once), so an article's topic is only checked to be text, not to be known;
 * else every article would be reported for a mistake in one other file.
 */
export function articleSchema(topicSlugs: readonly string[] | undefined, zone: string) {
  const known = !topicSlugs
    ? "write the slug of a topic in _data/topics.json"
    : topicSlugs.length === 0
      ? "_data/topics.json has no topics yet; add the article's topic there"
      : `use one of: ${topicSlugs.join(", ")}`;
  const topic = z.string({ error: (issue) => (issue.input === undefined ? `is missing; ${known}` : `${describeValue(issue.input)} is not text; ${known}`) });
  return z.looseObject({
    title: requiredText("the headline"),
    date: newsDate(zone),
    topic: topicSlugs ? topic.refine((slug) => topicSlugs.includes(slug), { error: (issue) => `${describeValue(issue.input)} is not a topic in _data/topics.json; ${known}` }) : topic,
    lede: optionalText("one sentence under the headline"),
    tags: z
      .array(z.string({ error: (issue) => `${describeValue(issue.input)} is not text; put it in quotes` }).trim().min(1, { error: "is empty; remove it" }), {
        error: (issue) => `${describeValue(issue.input)} is not a list; write tags: [Київ, енергетика]`,
      })
      .optional(),
    source: optionalText("the source's name, e.g. Bloomberg"),
    updated: newsDate(zone).optional(),
    slug: z
      .string({ error: (issue) => `${describeValue(issue.input)} is not text` })
      .regex(SLUG, { error: (issue) => `${describeValue(issue.input)} is not a URL slug; use lower-case Latin letters, digits and hyphens, e.g. perehovory-u-zhenevi` })
      .max(MAX_SLUG_LENGTH, { error: (issue) => `${describeValue(issue.input)} is longer than ${MAX_SLUG_LENGTH} characters; shorten it to the main words` })
      .optional(),
    draft: z.boolean({ error: (issue) => `${describeValue(issue.input)} is not true or false` }).optional(),
  });
}
export type ArticleFrontMatter = z.infer<ReturnType<typeof articleSchema>>;

export const siteSchema = z.looseObject({
  title: requiredText("the site's name"),
  description: requiredText("one sentence about the site"),
  url: z.url({ protocol: /^https?$/, error: (issue) => `${describeValue(issue.input)} is not an absolute http(s) URL; write e.g. https://news.example.ua` }),
  language: z.literal("uk", { error: (issue) => `${describeValue(issue.input)} is not supported; write "uk"` }).default("uk"),
  timezone: z.string().optional(),
  author: requiredText("the newsroom's name"),
});
export type SiteSettings = z.infer<typeof siteSchema>;

export const topicsSchema = z.array(
  z.object({
    slug: z.string({ error: "is missing; write the topic's URL name, e.g. ekonomika" }).regex(SLUG, {
      error: (issue) => `${describeValue(issue.input)} is not a URL slug; use lower-case Latin letters, digits and hyphens`,
    }),
    title: requiredText("the topic's name"),
    description: requiredText("one sentence about the topic"),
  }),
  { error: "must be a list of topics: [{ \"slug\", \"title\", \"description\" }]" },
);

export const videosSchema = z.array(
  z.object({
    date: z
      .string({ error: "is missing; write the day as 2026-01-14" })
      .superRefine((day, context) => {
        const reading = readNewsDate(day);
        if (!DAY.test(day) || (!reading.ok && reading.reason === "format")) context.addIssue({ code: "custom", message: `${describeValue(day)} is not a day; write 2026-01-14` });
        else if (!reading.ok) context.addIssue({ code: "custom", message: `${describeValue(day)} ${reading.message}` });
      }),
    title: requiredText("the video's title"),
    youtube: z.string({ error: "is missing; write the YouTube video id" }).regex(YOUTUBE_ID, {
      error: (issue) => `${describeValue(issue.input)} is not a YouTube video id; write the 11 characters after watch?v=`,
    }),
    poster: optionalText("the poster image's path"),
  }),
  { error: "must be a list of videos: [{ \"date\", \"title\", \"youtube\" }]" },
);

// ---------------------------------------------------------------- model

export interface Topic {
  slug: string;
  title: string;
  description: string;
  url: string;
}

export interface Tag {
  name: string;
  slug: string;
  url: string;
}

/** A tag with how many articles carry it, for the tags index. */
export interface TagSummary extends Tag {
  count: number;
}

/** One page of a paginated list: the archive, a topic or a tag. */
export interface Listing extends ListPage<Article> {
  kind: "archive" | "topic" | "tag";
  /** The list's name, e.g. the topic's title or «Київ». */
  heading: string;
  description?: string;
  /** The topic's own Atom feed. */
  feedUrl?: string;
}

/** What a list or the related block needs of an article. */
export interface ArticleLink {
  title: string;
  url: string;
  date: Date;
}

export interface Article extends ArticleLink {
  /** Path inside the articles folder ("x.md"): with the publication day, the article's permanent feed id. */
  sourceFile: string;
  /** The Markdown body (after front matter), rendered by the plugin's markdown-it. */
  body: string;
  /** The front matter as written, for fields of a site's own (e.g. `article.frontMatter.author` in an overridden layout). */
  frontMatter: Readonly<Record<string, unknown>>;
  lede?: string;
  source?: string;
  updated?: Date;
  /** Kyiv calendar day of publication, YYYY-MM-DD. */
  day: string;
  /** The editor gave a day without a time: pages show no «00:00». */
  dateOnly: boolean;
  topic: Topic;
  tags: Tag[];
  slug: string;
  draft: boolean;
  readingMinutes: number;
  video?: VideoOfTheDay;
  related: ArticleLink[];
}

/** The article and list pages a build writes. */
export interface PagesToWrite {
  articles: readonly Article[];
  listings: readonly Listing[];
}

/**
 * The whole site's content. A class rather than a plain object on purpose: Eleventy
 * deep-copies plain objects of global data into every page's data, but passes class
 * instances by reference — with thousands of articles that is the difference between
 * O(n) and O(n²).
 */
export class NewsSite {
  /** The year in the site's zone when this build ran: day headings of other years show theirs. */
  readonly buildYear: number;
  /** All tags, in Ukrainian alphabetical order. */
  readonly tags: readonly TagSummary[];
  /** The topics the masthead links to (the first ones of topics.json). */
  readonly navTopics: readonly Topic[];
  /** Every page of every paginated list (archive, topics, tags), for one Eleventy template. */
  readonly listings: readonly Listing[];
  /**
   * The article and list pages this build writes (the templates paginate over these): all
   * of them, but in a preview rebuild only those that changed (see preview.ts).
   */
  pages: PagesToWrite;
  readonly #byTopic: Map<string, Article[]>;
  readonly #byTag: Map<string, Article[]>;

  constructor(
    readonly site: SiteSettings,
    readonly topics: readonly Topic[],
    /** Newest first; drafts only in preview (`npm start`). */
    readonly articles: readonly Article[],
    readonly videos: readonly VideoOfTheDay[],
    readonly options: { timeZone: string; pageSize: number; navTopics?: number; archiveHeading?: string },
    /** Where lists live, for templates: `strichka.urls.archive` and so on. */
    readonly urls: UrlScheme = new UrlScheme(),
  ) {
    this.buildYear = DateTime.now().setZone(options.timeZone).year;
    // Every page carries the masthead: a newsroom with 40 topics links the main ones there,
    // and the rest from «Усі теми» (the topics index), not 40 links on every page.
    this.navTopics = topics.slice(0, options.navTopics ?? topics.length);
    this.#byTopic = new Map(topics.map((topic) => [topic.slug, []]));
    this.#byTag = new Map();
    const tagOfSlug = new Map<string, Tag>();
    for (const article of articles) {
      this.#byTopic.get(article.topic.slug)?.push(article);
      for (const tag of article.tags) {
        tagOfSlug.set(tag.slug, tag);
        const list = this.#byTag.get(tag.slug);
        if (list) list.push(article);
        else this.#byTag.set(tag.slug, [article]);
      }
    }
    const collator = new Intl.Collator("uk");
    this.tags = [...tagOfSlug.values()]
      .map((tag) => ({ ...tag, count: this.#byTag.get(tag.slug)!.length }))
      .sort((a, b) => collator.compare(a.name, b.name));

    const { pageSize } = options;
    this.listings = [
      ...paginate(articles, pageSize, this.urls.archive).map((page): Listing => ({ ...page, kind: "archive", heading: options.archiveHeading ?? "Архів новин" })),
      ...topics.flatMap((topic) =>
        paginate(this.articlesOfTopic(topic.slug), pageSize, topic.url).map(
          (page): Listing => ({ ...page, kind: "topic", heading: topic.title, description: topic.description, feedUrl: this.urls.topicFeed(topic.slug) }),
        ),
      ),
      ...this.tags.flatMap((tag) =>
        paginate(this.articlesOfTag(tag.slug), pageSize, tag.url).map((page): Listing => ({ ...page, kind: "tag", heading: tag.name })),
      ),
    ];
    this.pages = { articles, listings: this.listings };
  }

  articlesOfTopic(slug: string): readonly Article[] {
    return this.#byTopic.get(slug) ?? [];
  }

  articlesOfTag(slug: string): readonly Article[] {
    return this.#byTag.get(slug) ?? [];
  }

}

// ---------------------------------------------------------------- loading

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
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Control characters have no place in text; XML (feeds) does not even allow them. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function describeCharacter(text: string): string {
  const char = CONTROL_CHARACTER.exec(text)![0];
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

// Only to find raw HTML and images in a body: the pages are rendered by the plugin's own instance.
const bodyParser = new MarkdownItFactory({ html: true });

/**
 * Problems in an article's Markdown body, with file lines: control characters, raw HTML
 * beyond what raw-html.ts allows, images from other hosts, empty headings.
 */
function bodyProblems(body: string, bodyLine: number, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  body.split("\n").forEach((line, index) => {
    if (CONTROL_CHARACTER.test(line)) {
      problems.push({ file, line: bodyLine + index, message: `has an invisible control character (${describeCharacter(line)}); delete it (it often comes with text pasted from other programs)` });
    }
  });
  // Most articles have no HTML, no images and no empty headings: skip the parse for them. An
  // empty heading is a line of only #s and spaces (maybe inside a quote or a list item), or
  // blank text over a setext underline (=== or ---).
  if (!/<[a-z!/?]|!\[|^[ \t>*+\-0-9.)]*#[#\s]*$|^ {0,3}(?:=+|-+)[ \t]*$/im.test(body)) return problems;
  const tokens = bodyParser.parse(body, {});
  tokens.forEach((block, index) => {
    const line = block.map ? bodyLine + block.map[0] : undefined;
    if (block.type === "heading_open" && !tokens[index + 1]?.content.trim()) {
      problems.push({ file, line, message: "has an empty heading; write its text after the #, or delete the line" });
    }
    if (block.type === "html_block") {
      for (const message of rawHtmlProblems(block.content)) problems.push({ file, line, message: `raw HTML: ${message}` });
    }
    for (const token of block.children ?? []) {
      if (token.type === "html_inline") {
        for (const message of rawHtmlProblems(token.content)) problems.push({ file, line, message: `raw HTML: ${message}` });
      } else if (token.type === "image" && !isSiteResource(String(token.attrGet("src") ?? ""))) {
        problems.push({ file, line, message: `image ${describeValue(token.attrGet("src"))} is on another site; store images with the site (e.g. content/images/) so that no other site sees the reader` });
      }
    }
  });
  return problems;
}

/** Text fields with control characters, anywhere in the front matter. */
function frontMatterControlCharacters(data: unknown, path: string, report: (field: string, message: string) => void): void {
  if (typeof data === "string") {
    if (CONTROL_CHARACTER.test(data)) report(path, `has an invisible control character (${describeCharacter(data)}); delete it`);
  } else if (Array.isArray(data)) {
    data.forEach((item, index) => frontMatterControlCharacters(item, `${path}[${index}]`, report));
  } else if (data && typeof data === "object") {
    for (const [key, value] of Object.entries(data)) frontMatterControlCharacters(value, path ? `${path}.${key}` : key, report);
  }
}

/**
 * Reads a file as UTF-8; invalid bytes are a problem, not mojibake on the site. Synchronous
 * on purpose: nothing else runs while the model loads, and 10,000 small reads are faster
 * one after another than as 10,000 promises on libuv's thread pool (2.2 s against 2.9 s).
 */
function readText(path: string, file: string, problems: ContentProblem[]): string | undefined {
  try {
    return utf8.decode(readFileSync(path));
  } catch (error) {
    if (error instanceof TypeError) {
      problems.push({ file, message: "is not valid UTF-8 text; save it as UTF-8 in your editor" });
    } else {
      problems.push({ file, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    }
    return undefined;
  }
}

function issuesToProblems(issues: readonly z.core.$ZodIssue[], file: string, lineOf?: (key: string) => number | undefined): ContentProblem[] {
  return issues.map((issue) => {
    const field = issue.path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join("");
    const key = issue.path[0];
    return { file, line: typeof key === "string" ? lineOf?.(key) : undefined, field: field || undefined, message: issue.message };
  });
}

function readJson(path: string, file: string, problems: ContentProblem[]): unknown {
  const text = readText(path, file, problems);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split("\n").length;
    problems.push({ file, line, message: `is not valid JSON (${(error as Error).message}); check commas, quotes and brackets` });
    return undefined;
  }
}

function readDataFile<T>(dataDir: string, name: string, schema: z.ZodType<T>, root: string, problems: ContentProblem[]): T | undefined {
  const path = join(dataDir, name);
  const file = relative(root, path);
  const raw = readJson(path, file, problems);
  if (raw === undefined) return undefined;
  const result = schema.safeParse(raw);
  if (!result.success) {
    problems.push(...issuesToProblems(result.error.issues, file));
    return undefined;
  }
  return result.data;
}

/** _data/site.json (optional when the plugin's `site` option has everything) with the option over it. */
async function readSiteSettings(options: LoadOptions, root: string, problems: ContentProblem[]): Promise<SiteSettings | undefined> {
  const path = join(options.dataDir, "site.json");
  const file = relative(root, path);
  let fromFile: unknown = {};
  try {
    await stat(path);
    fromFile = readJson(path, file, problems);
  } catch {
    if (!options.site) {
      problems.push({ file, message: "is missing; create it with title, description, url and author (or give them in the plugin's site option)" });
      return undefined;
    }
  }
  if (fromFile === undefined) return undefined;
  const result = siteSchema.safeParse({ ...(fromFile as object), ...options.site });
  if (!result.success) {
    problems.push(...issuesToProblems(result.error.issues, options.site ? `${file} (with the plugin's site option)` : file));
    return undefined;
  }
  return result.data;
}

/** The article files, symbolic links followed (see walk.ts); loops and broken links are problems. */
function listMarkdown(dir: string, root: string, problems: ContentProblem[]): string[] {
  const { files, problems: found } = walkFiles(dir, { wanted: (name) => name.endsWith(".md"), root });
  problems.push(...found);
  return files;
}

interface ParsedArticle {
  file: string;
  front: ArticleFrontMatter;
  data: Record<string, unknown>;
  body: string;
  dateOnly: boolean;
  /** What the article's own file determines, worked out once per version of the file (see derive). */
  derived?: DerivedFields;
}

interface DerivedFields {
  /** "" when the title has nothing to make a slug of. */
  slug: string;
  url: string;
  title: string;
  lede?: string;
  date: Date;
  updated?: Date;
  day: string;
  readingMinutes: number;
}

/** Slug, URL, typography, Kyiv day, reading time: kept with the parsed file, so a preview reload redoes them only for changed files. */
function derive(entry: ParsedArticle, urls: UrlScheme, zone: string): DerivedFields {
  if (entry.derived) return entry.derived;
  const { front, body } = entry;
  const slug = front.slug ?? slugify(front.title);
  entry.derived = {
    slug,
    url: slug === "" ? "" : urls.article(front.date, slug),
    title: typographText(front.title),
    lede: front.lede && typographText(front.lede),
    date: front.date.toJSDate(),
    updated: front.updated?.toJSDate(),
    day: zonedDay(front.date, zone),
    readingMinutes: readingMinutes(body),
  };
  return entry.derived;
}

function readArticle(path: string, root: string, schema: ReturnType<typeof articleSchema>, problems: ContentProblem[]): ParsedArticle | undefined {
  const file = relative(root, path);
  const source = readText(path, file, problems);
  if (source === undefined) return undefined;
  if (source.trim() === "") {
    problems.push({ file, message: "is empty; an article starts with front matter (---, title, date, topic, ---) and then the text" });
    return undefined;
  }
  const { yaml, body, yamlLine, bodyLine } = splitFrontMatter(source);
  if (yaml === null) {
    problems.push({ file, line: 1, message: "has no front matter; start the file with a line ---, then title, date and topic, then another ---" });
    return undefined;
  }
  let data: Record<string, unknown>;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    problems.push({
      file,
      line: mark ? yamlLine + mark.line : undefined,
      message: `front matter is not valid YAML (${reason}${mark ? `, column ${mark.column + 1}` : ""}); check quotes, colons and indentation`,
    });
    return undefined;
  }
  const found: ContentProblem[] = [];
  frontMatterControlCharacters(data, "", (field, message) => found.push({ file, line: lineOfKey(yaml, field.split(/[.[]/)[0]!, yamlLine), field, message }));
  found.push(...bodyProblems(body, bodyLine, file));
  const result = schema.safeParse(data);
  if (!result.success) found.push(...issuesToProblems(result.error.issues, file, (key) => lineOfKey(yaml, key, yamlLine)));
  if (found.length > 0 || !result.success) {
    // In the order of the file's lines, as the editor reads it.
    problems.push(...found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
    return undefined;
  }
  const front = result.data;
  if (front.updated && front.updated < front.date) {
    problems.push({ file, line: lineOfKey(yaml, "updated", yamlLine), field: "updated", message: "is before date; an update comes after publication" });
  }
  return { file, front, data, body, dateOnly: typeof data.date === "string" && DAY.test(data.date.trim()) };
}

// The preview (`npm start`) reloads the content model on every save: articles whose file
// has not changed (same modification time and size) are not read and parsed again. The
// cache holds for one set of topics, time zone and URL scheme, which validation and the
// derived fields depend on.
interface CachedArticle {
  mtimeMs: number;
  size: number;
  parsed: ParsedArticle | undefined;
  problems: ContentProblem[];
}
const articleCache = new Map<string, CachedArticle>();
let articleCacheContext = "";

function readArticleCached(path: string, root: string, schema: ReturnType<typeof articleSchema>, context: string, problems: ContentProblem[]): ParsedArticle | undefined {
  if (context !== articleCacheContext) {
    articleCache.clear();
    articleCacheContext = context;
  }
  let stats: { mtimeMs: number; size: number } | undefined;
  try {
    stats = statSync(path);
  } catch {
    stats = undefined;
  }
  const cached = articleCache.get(path);
  if (stats && cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) {
    problems.push(...cached.problems);
    return cached.parsed;
  }
  const own: ContentProblem[] = [];
  const parsed = readArticle(path, root, schema, own);
  if (stats) articleCache.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, parsed, problems: own });
  problems.push(...own);
  return parsed;
}

/**
 * Reads and validates the whole site. Every problem in every file is collected, then
 * thrown at once as a ContentError; nothing is built from half-valid content.
 */
export async function loadNewsSite(options: LoadOptions): Promise<NewsSite> {
  const root = options.root ?? process.cwd();
  const problems: ContentProblem[] = [];
  const urls = options.urls ?? new UrlScheme();

  const [site, topicList, videoList] = await Promise.all([
    readSiteSettings(options, root, problems),
    readDataFile(options.dataDir, "topics.json", topicsSchema, root, problems),
    readDataFile(options.dataDir, "videos.json", videosSchema, root, problems),
  ]);
  const topicsFile = relative(root, join(options.dataDir, "topics.json"));
  const videosFile = relative(root, join(options.dataDir, "videos.json"));

  if (site?.timezone && site.timezone !== options.timeZone) {
    problems.push({ file: relative(root, join(options.dataDir, "site.json")), field: "timezone", message: `${describeValue(site.timezone)} differs from the plugin's timeZone "${options.timeZone}"; remove it or set the plugin option` });
  }

  const topics = new Map<string, Topic>();
  let topicsValid = topicList !== undefined;
  topicList?.forEach((topic, index) => {
    if (topics.has(topic.slug)) {
      problems.push({ file: topicsFile, field: `[${index}].slug`, message: `${describeValue(topic.slug)} is used by another topic too; give each topic its own slug` });
      topicsValid = false;
    }
    topics.set(topic.slug, { ...topic, title: typographText(topic.title), url: urls.topic(topic.slug) });
  });

  const videos = [...(videoList ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  videos.forEach((video, index) => {
    if (index > 0 && videos[index - 1]!.date === video.date) {
      problems.push({ file: videosFile, field: "date", message: `${describeValue(video.date)} has two videos; keep one video a day` });
    }
  });

  const schema = articleSchema(topicsValid ? [...topics.keys()] : undefined, options.timeZone);
  const paths = listMarkdown(options.articlesDir, root, problems);
  const cacheContext = `${topicsValid ? [...topics.keys()].join(",") : "?"}|${options.timeZone}|${root}|${urls.articles}`;
  const parsed = paths.map((path) => readArticleCached(path, root, schema, cacheContext, problems));

  const articles: Article[] = [];
  const fileOfUrl = new Map<string, string>();
  const tagNameOfSlug = new Map<string, { name: string; file: string }>();
  // A few hundred tags on thousands of articles: each is transliterated once.
  const tagSlugs = new Map<string, string>();
  const slugOfTag = (name: string) => {
    let slug = tagSlugs.get(name);
    if (slug === undefined) tagSlugs.set(name, (slug = slugify(name)));
    return slug;
  };
  parsed.forEach((entry, index) => {
    if (!entry) return;
    const { file, front, data, body, dateOnly } = entry;
    const { slug, url, title, lede, date, updated, day, readingMinutes: minutes } = derive(entry, urls, options.timeZone);
    if (slug === "") {
      problems.push({ file, field: "title", message: "has no letters or digits to make a URL from; add a slug field, e.g. slug: novyna-dnia" });
      return;
    }
    const clash = fileOfUrl.get(url);
    if (clash) {
      problems.push({ file, field: front.slug ? "slug" : "title", message: `gives the URL ${url}, which ${clash} has too; change the slug of one of them` });
    }
    fileOfUrl.set(url, file);
    const tags: Tag[] = [];
    for (const name of new Set(front.tags ?? [])) {
      const tagSlug = slugOfTag(name);
      const owner = tagNameOfSlug.get(tagSlug);
      if (tagSlug === "") {
        problems.push({ file, field: "tags", message: `${describeValue(name)} has no letters or digits to make a URL from; reword the tag` });
      } else if (owner && owner.name !== name) {
        problems.push({ file, field: "tags", message: `${describeValue(name)} and ${describeValue(owner.name)} (in ${owner.file}) would share the page ${urls.tag(tagSlug)}; write the tag the same way everywhere` });
      } else {
        tagNameOfSlug.set(tagSlug, { name, file });
        tags.push({ name, slug: tagSlug, url: urls.tag(tagSlug) });
      }
    }
    if (front.draft && !options.includeDrafts) return;
    articles.push({
      sourceFile: relative(options.articlesDir, paths[index]!).split(sep).join("/"),
      body,
      frontMatter: data,
      title,
      lede,
      source: front.source,
      date,
      updated,
      day,
      dateOnly,
      url,
      topic: topics.get(front.topic)!,
      tags,
      slug,
      draft: front.draft ?? false,
      readingMinutes: minutes,
      video: undefined,
      related: [],
    });
  });

  if (problems.length > 0 || !site) throw new ContentError(problems);

  return timed("indexes", () => buildIndexes(site, topics, articles, videos, options));
}

/** Order, related news, videos of the day, topic and tag indexes, list pages: once per build. */
function buildIndexes(site: SiteSettings, topics: Map<string, Topic>, articles: Article[], videos: VideoOfTheDay[], options: LoadOptions): NewsSite {
  // Newest first; the URL breaks ties so that the order (and so related news) never depends on the file system.
  articles.sort((a, b) => b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url));
  const related = relatedArticles(
    articles.map((article) => ({ article, topic: article.topic.slug, tags: article.tags.map((tag) => tag.slug) })),
    options.relatedCount,
    (candidate) => !candidate.article.draft,
  );
  articles.forEach((article, index) => {
    article.video = videoForDay(videos, article.day);
    article.related = related[index]!.map(({ article: other }) => ({ title: other.title, url: other.url, date: other.date }));
  });

  return new NewsSite(site, [...topics.values()], articles, videos, { timeZone: options.timeZone, pageSize: options.pageSize, navTopics: options.navTopics, archiveHeading: options.archiveHeading }, options.urls);
}
