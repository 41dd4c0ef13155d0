// One article file: read, split, parsed and validated (readArticle), and what follows from
// it alone, worked out once per version of the file (derive).
import { relative } from "node:path";
import { zonedDay } from "../dates.js";
import type { ContentProblem } from "../errors.js";
import { lineOfKey, parseYaml, splitFrontMatter } from "../front-matter.js";
import { readingMinutes } from "../reading-time.js";
import { slugify } from "../slug.js";
import { typographText } from "../typography.js";
import type { UrlScheme } from "../urls.js";
import { bodyProblems, frontMatterControlCharacters } from "./body-checks.js";
import { readText } from "./files.js";
import { DAY, issuesToProblems, type ArticleFrontMatter, type articleSchema } from "./schema.js";

export interface ParsedArticle {
  file: string;
  front: ArticleFrontMatter;
  data: Record<string, unknown>;
  body: string;
  dateOnly: boolean;
  /** What the article's own file determines, worked out once per version of the file (see derive). */
  derived?: DerivedFields;
}

export interface DerivedFields {
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
export function derive(entry: ParsedArticle, urls: UrlScheme, zone: string): DerivedFields {
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

export function readArticle(path: string, root: string, schema: ReturnType<typeof articleSchema>, problems: ContentProblem[]): ParsedArticle | undefined {
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
