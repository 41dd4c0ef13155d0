// One article file: read, split, parsed and validated, and what follows from it alone
// (slug, URL, typography, Kyiv day, reading time), worked out once per version of the file.
// The result is plain JSON without the body: it is what the build keeps of every article
// in memory and in its state between builds (cache.ts); the body is read again from the
// file when its page or feed entry is rendered (readBody).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { zonedDay } from "../dates.js";
import { ChangedDuringBuildError, type ContentProblem } from "../errors.js";
import { lineOfKey, parseYaml, splitFrontMatter } from "../front-matter.js";
import { readingMinutes } from "../reading-time.js";
import { slugFromFileName } from "../slug.js";
import { bodyImages, type BodyImage, type ImageText } from "../images.js";
import type { DateTime } from "luxon";
import { readLiveBlog } from "../live-blog.js";
import { typographText } from "../typography.js";
import type { UrlScheme } from "../urls.js";
import { bodyProblems, frontMatterControlCharacters } from "./body-checks.js";
import { decodeText } from "./files.js";
import { DAY, issuesToProblems, type articleSchema } from "./schema.js";

/** What one valid article file gives, without its body: plain JSON. */
export interface ParsedArticle {
  /** The file, relative to the project (for messages). */
  file: string;
  /** The front matter's fields of the site's own (all but those strichka reads), as written. */
  data: Record<string, unknown>;
  topic: string;
  /** As written, duplicates removed. */
  tags: string[];
  draft: boolean;
  source?: string;
  /** Corrections (`corrections:`), oldest first, typography applied; absent when none. */
  corrections?: { date: number; text: string }[];
  /** A live blog (`live: true`): how many updates, the latest one's time and `liveUntil`; its updates are read from the body when rendered (live-blog.ts). */
  live?: { updates: number; latest: number; until?: number };
  /** The slugs of its authors (`author:`), as written, duplicates removed; absent: the newsroom. */
  authors?: string[];
  /** The front matter gives the slug; else the file name does (a URL clash is then the name's). */
  ownSlug: boolean;
  /** The editor gave a day without a time. */
  dateOnly: boolean;
  /** "" when the file name has nothing to make a slug of (and there is no slug field). */
  slug: string;
  url: string;
  /** Old URLs of the article (`aliases:`), each redirected to `url`; absent when none. */
  aliases?: string[];
  /** The photo under the headline (`image:`); its file is checked with the content (images.ts). Typography applied. */
  image?: ImageText;
  /** The photos of content/images/ the text shows, with their lines (images.ts); absent when none. */
  bodyImages?: BodyImage[];
  /** Typography applied. */
  title: string;
  lede?: string;
  /** Milliseconds since the epoch. */
  date: number;
  updated?: number;
  /** Kyiv calendar day of publication, YYYY-MM-DD. */
  day: string;
  readingMinutes: number;
}

/**
 * The version of a file's bytes: a changed body changes its article's page. It is the id git
 * gives the same bytes (a blob's), so that git's word that a file is unchanged can be checked
 * against a cached parse without reading the file (git-files.ts).
 */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha1").update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
}

/** What every article's parse depends on besides its file (cache.ts keeps parses for one). */
export interface ParseContext {
  schema: ReturnType<typeof articleSchema>;
  urls: UrlScheme;
  zone: string;
}

/** Parses and validates one article file's bytes; `file` names it in problems. */
export function parseArticle(bytes: Uint8Array, file: string, { schema, urls, zone }: ParseContext, problems: ContentProblem[]): ParsedArticle | undefined {
  const source = decodeText(bytes, file, problems);
  const split = source === undefined ? undefined : readFrontMatter(source, file, problems);
  if (!split) return undefined;
  const { yaml, body, yamlLine, bodyLine, data } = split;
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
  front.corrections?.forEach((correction, index) => {
    if (correction.date < front.date) problems.push({ file, line: lineOfKey(yaml, "corrections", yamlLine), field: `corrections[${index}].date`, message: "is before the article's date; a correction comes after publication" });
  });
  const live = liveBlogOf(front, body, file, bodyLine, zone, yaml, yamlLine, problems);
  const photos = bodyImages(body, bodyLine);
  // Never the title: an edited headline keeps the URL (README, «Постійні адреси»).
  const slug = front.slug ?? slugFromFileName(file);
  return detached({
    file,
    data: ownFields(data),
    topic: front.topic,
    tags: [...new Set(front.tags ?? [])],
    draft: front.draft ?? false,
    ...(front.source !== undefined && { source: front.source }),
    ...(front.corrections &&
      front.corrections.length > 0 && {
        corrections: front.corrections.map(({ date, text }) => ({ date: date.toMillis(), text: typographText(text) })).sort((a, b) => a.date - b.date),
      }),
    ...(live && { live }),
    ...(front.author !== undefined && { authors: [...new Set(typeof front.author === "string" ? [front.author] : front.author)] }),
    ownSlug: front.slug !== undefined,
    dateOnly: typeof data.date === "string" && DAY.test(data.date.trim()),
    slug,
    url: slug === "" ? "" : urls.article(front.date, slug),
    ...(front.aliases && front.aliases.length > 0 && { aliases: [...new Set(front.aliases)] }),
    title: typographText(front.title),
    ...(front.lede !== undefined && { lede: typographText(front.lede) }),
    ...(front.image && { image: imageText(front.image) }),
    ...(photos.length > 0 && { bodyImages: photos }),
    date: front.date.toMillis(),
    ...(front.updated && { updated: front.updated.toMillis() }),
    day: zonedDay(front.date, zone),
    readingMinutes: readingMinutes(body),
  });
}

/** The file's front matter as YAML data, and its body; undefined (with the problem) when there is none to read. */
function readFrontMatter(source: string, file: string, problems: ContentProblem[]): { yaml: string; body: string; yamlLine: number; bodyLine: number; data: Record<string, unknown> } | undefined {
  if (source.trim() === "") {
    problems.push({ file, message: "is empty; an article starts with front matter (---, title, date, topic, ---) and then the text" });
    return undefined;
  }
  const { yaml, body, yamlLine, bodyLine } = splitFrontMatter(source);
  if (yaml === null) {
    problems.push({ file, line: 1, message: "has no front matter; start the file with a line ---, then title, date and topic, then another ---" });
    return undefined;
  }
  try {
    return { yaml, body, yamlLine, bodyLine, data: parseYaml(yaml) };
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
}

/** strichka's own front-matter fields (see schema.ts): the model has them in its own fields. */
const KNOWN_FIELDS = new Set(["title", "date", "topic", "lede", "tags", "source", "updated", "slug", "aliases", "draft", "image", "corrections", "live", "liveUntil", "author"]);

/** A live blog's updates checked (problems with their lines), and what the model keeps of them. */
function liveBlogOf(
  front: { live?: boolean; liveUntil?: DateTime; date: DateTime },
  body: string,
  file: string,
  bodyLine: number,
  zone: string,
  yaml: string,
  yamlLine: number,
  problems: ContentProblem[],
): ParsedArticle["live"] {
  if (front.live !== true) {
    if (front.liveUntil) problems.push({ file, line: lineOfKey(yaml, "liveUntil", yamlLine), field: "liveUntil", message: "is set but live is not true; add live: true for a live blog, or remove liveUntil" });
    return undefined;
  }
  if (front.liveUntil && front.liveUntil < front.date) {
    problems.push({ file, line: lineOfKey(yaml, "liveUntil", yamlLine), field: "liveUntil", message: "is before date; the blog ends after it starts" });
  }
  const found: ContentProblem[] = [];
  const blog = readLiveBlog(body, front.date.toJSDate(), zone, { file, bodyLine, problems: found });
  // No updates at all: the field's line.
  problems.push(...found.map((problem) => (problem.line === undefined ? { ...problem, line: lineOfKey(yaml, "live", yamlLine) } : problem)));
  return {
    updates: blog.updates.length,
    latest: Math.max(front.date.toMillis(), ...blog.updates.map((update) => update.date.getTime())),
    ...(front.liveUntil && { until: front.liveUntil.toMillis() }),
  };
}

/** The photo's texts as pages show them (the file's path as written). */
function imageText({ src, alt, caption, credit }: { src: string; alt: string; caption?: string; credit?: string }): ImageText {
  return { src, alt: typographText(alt), ...(caption !== undefined && { caption: typographText(caption) }), ...(credit !== undefined && { credit: typographText(credit) }) };
}

/** The fields of a site's own: every article's copy of the known ones would cost ~750 MB at a million articles. */
function ownFields(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !KNOWN_FIELDS.has(key)));
}

/**
 * A copy whose strings are its own. Strings cut from the file's text (YAML values, a title
 * typography left as it was) are slices that keep the whole text alive in V8: the model
 * would hold every article's body after all, ~5 KB an article (measured at 100,000).
 */
function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The body of the article file at `path` (after its front matter), for its page or feed
 * entry: read again from the file, which must still be the version (`hash`) the build read
 * at its start, else its page would not match the lists and indexes built from it.
 */
export function readArticleBody(path: string, hash: string): string {
  const bytes = readFileSync(path);
  if (contentHash(bytes) !== hash) {
    throw new ChangedDuringBuildError(path);
  }
  // (Buffer's own decoding: a TextDecoder per call holds native memory until the next full collection.)
  return splitFrontMatter(bytes.toString("utf8")).body;
}
