// Live blogs (`live: true`): an article whose text is a series of timed updates, each
// starting with a level-2 heading that gives its Kyiv time:
//
//   ## 14:05              the article's own Kyiv day (its `date`)
//   ## 14:05 Заголовок     with a headline of its own
//   ## 2026-01-15 00:30   another day (an update after midnight)
//
// Text before the first update is the blog's introduction. The model keeps only the number
// of updates and the latest one's time (a million articles): the updates themselves are split
// from the body when its page or feed entry is rendered, which reads the body anyway.
import type { MarkdownIt } from "markdown-it";
import { formatNewsDayTime, formatNewsTime, readNewsDate, toIsoWithOffset, zonedDay } from "./dates.js";
import { describeValue, type ContentProblem } from "./errors.js";

/** One timed update as the file has it. */
export interface LiveUpdate {
  /** The instant of its heading. */
  date: Date;
  /** Its headline after the time, as written (Markdown); absent when the heading is only a time. */
  title?: string;
  /** Its text (Markdown), without the heading. */
  markdown: string;
  /** Its anchor on the page, from its time (stable while the time is): update-2026-01-14-1405. */
  id: string;
}

export interface LiveBlog {
  /** The text before the first update (Markdown), possibly empty. */
  intro: string;
  /** Newest first (updates of one minute in the file's order). */
  updates: LiveUpdate[];
}

// An ATX level-2 heading (up to three spaces before it, CommonMark), and a fence's opening.
const H2 = /^ {0,3}##(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const UPDATE_TIME = /^(?:(\d{4}-\d{2}-\d{2})[ \t]+)?(\d{1,2}):(\d{2})(?:[ \t]+(?:[—–-][ \t]+)?(.*))?$/;
export const UPDATE_HINT = "start each update with a heading of its Kyiv time: ## 14:05 (the article's day), ## 14:05 Заголовок оновлення, or ## 2026-01-15 00:30 after midnight";

interface Section {
  /** The heading's text, or undefined for the introduction. */
  heading?: string;
  /** 0-based line of the heading in the body. */
  line: number;
  lines: string[];
}

/** The body cut at its level-2 headings (outside fenced code); an unclosed fence is closed where its section ends. */
function sections(body: string): Section[] {
  const found: Section[] = [{ line: 0, lines: [] }];
  let fence: string | undefined;
  body.split(/\r?\n/).forEach((text, line) => {
    const current = found[found.length - 1]!;
    const opening = FENCE.exec(text);
    if (fence) {
      if (opening && opening[1]![0] === fence[0] && opening[1]!.length >= fence.length && text.trim() === opening[1]) fence = undefined;
    } else if (opening) {
      fence = opening[1]!;
    } else {
      const heading = H2.exec(text);
      if (heading) {
        found.push({ heading: (heading[1] ?? "").trim(), line, lines: [] });
        return;
      }
    }
    current.lines.push(text);
  });
  return found;
}

/** What an update heading's text says: its time, its title; or why it is not one. */
function readHeading(heading: string, day: string, zone: string): { date: Date; title?: string } | { message: string } {
  const match = UPDATE_TIME.exec(heading);
  if (!match) return { message: `${describeValue(`## ${heading}`)} is not an update's time; ${UPDATE_HINT}` };
  const [, date = day, hour, minute, title] = match;
  const reading = readNewsDate(`${date} ${hour!.padStart(2, "0")}:${minute}`, zone);
  if (!reading.ok) return { message: `${describeValue(`## ${heading}`)} ${reading.message}; ${UPDATE_HINT}` };
  return { date: reading.date.toJSDate(), ...(title?.trim() && { title: title.trim() }) };
}

/**
 * The live blog in `body`, whose article is dated `start` (its Kyiv day gives headings
 * without a date theirs). Problems name the body's lines (`bodyLine`: the file's line of the
 * body's first line): a heading that is not a time, an update before the article's date, no
 * updates at all.
 */
export function readLiveBlog(body: string, start: Date, zone: string, where?: { file: string; bodyLine: number; problems: ContentProblem[] }): LiveBlog {
  const day = zonedDay(start, zone);
  const [intro, ...rest] = sections(body);
  const updates: (LiveUpdate & { order: number })[] = [];
  const ids = new Map<string, number>();
  rest.forEach((section, order) => {
    const read = readHeading(section.heading!, day, zone);
    const line = where ? where.bodyLine + section.line : 0;
    if ("message" in read) {
      where?.problems.push({ file: where.file, line, field: "live", message: read.message });
      return;
    }
    if (read.date.getTime() < start.getTime()) {
      where?.problems.push({
        file: where.file,
        line,
        field: "live",
        message: `${describeValue(`## ${section.heading}`)} is before the article's date; an update comes after the blog starts (after midnight, write the date too: ## 2026-01-15 00:30)`,
      });
    }
    const base = `update-${toIsoWithOffset(read.date, zone).slice(0, 16).replace("T", "-").replace(":", "")}`;
    const seen = (ids.get(base) ?? 0) + 1;
    ids.set(base, seen);
    updates.push({ ...read, markdown: section.lines.join("\n"), id: seen === 1 ? base : `${base}-${seen}`, order });
  });
  if (rest.length === 0) {
    where?.problems.push({ file: where.file, field: "live", message: `is true but the text has no updates; ${UPDATE_HINT}, or remove live: true` });
  }
  updates.sort((a, b) => b.date.getTime() - a.date.getTime() || a.order - b.order);
  return { intro: intro!.lines.join("\n"), updates: updates.map(({ order: _order, ...update }) => update) };
}

/** An update's time as its heading shows it: «14:05» on the blog's own day, «15 січня, 00:30» on another. */
export function updateTimeText(date: Date, start: Date, zone: string): string {
  if (zonedDay(date, zone) === zonedDay(start, zone)) return formatNewsTime(date, zone);
  return formatNewsDayTime(date, Number(zonedDay(date, zone).slice(0, 4)), zone);
}

/**
 * The blog as Markdown for its page and feed entry: the introduction, then each update,
 * newest first, in a <section> with its anchor and a heading that links to it. Rendered as
 * one document, so the «Відео дня» slot still goes after the n-th paragraph the reader sees.
 * The updates' own Markdown is the editor's, checked with the rest of the body; what is
 * added here is ours (times and ids we made).
 */
export function liveBlogMarkdown(blog: LiveBlog, start: Date, zone: string): string {
  const parts = blog.intro.trim() === "" ? [] : [blog.intro.trimEnd()];
  parts.push('<div class="live-updates">');
  for (const update of blog.updates) {
    const time = `<time datetime="${toIsoWithOffset(update.date, zone)}">${updateTimeText(update.date, start, zone)}</time>`;
    parts.push(`<section class="live-update" id="${update.id}">`, `## [${time}](#${update.id})${update.title ? ` ${update.title}` : ""}`, closeFence(update.markdown.trim()), "</section>");
  }
  parts.push("</div>");
  return `${parts.filter((part) => part !== "").join("\n\n")}\n`;
}

/** A section that ends inside a fenced code block gets its closing fence (else the code would run on over what follows). */
function closeFence(markdown: string): string {
  let fence: string | undefined;
  for (const text of markdown.split("\n")) {
    const opening = FENCE.exec(text);
    if (fence) {
      if (opening && opening[1]![0] === fence[0] && opening[1]!.length >= fence.length && text.trim() === opening[1]) fence = undefined;
    } else if (opening) fence = opening[1]!;
  }
  return fence ? `${markdown}\n${fence}` : markdown;
}

/** An update as schema.org's liveBlogUpdate item wants it: plain text. */
export interface LiveUpdateData {
  headline: string;
  date: Date;
  text: string;
  id: string;
}

/** The updates' plain texts (typography applied, as the page shows them), for JSON-LD. */
export function liveUpdateData(blog: LiveBlog, md: MarkdownIt): LiveUpdateData[] {
  const plain = (markdown: string, inline: boolean) => {
    const tokens = inline ? md.parseInline(markdown, {}) : md.parse(markdown, {});
    return tokens
      .filter((token) => token.type === "inline")
      .map((token) => md.renderer.renderInlineAsText(token.children ?? [], md.options, {}))
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
  };
  return blog.updates.map((update) => {
    const text = plain(update.markdown, false);
    const headline = update.title ? plain(update.title, true) : text.length > 110 ? `${text.slice(0, 109).trimEnd()}…` : text;
    return { headline, date: update.date, text, id: update.id };
  });
}
