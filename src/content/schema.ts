// The zod schemas of an article's front matter and of the _data files: one each, with
// messages that say what is wrong and what to write instead.
import type { DateTime } from "luxon";
import { z } from "zod";
import { readNewsDate } from "../dates.js";
import { describeValue, type ContentProblem } from "../errors.js";
import { MAX_SLUG_LENGTH } from "../slug.js";
import { imageSrcProblem } from "../images.js";
import { YOUTUBE_ID } from "../video.js";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** An old address of an article, from the site root: "/novyny/2026/01/14/stara-nazva.html" or "/stara-adresa/". */
// (No %: a page is written under its name as given, and hosts look for the decoded one.)
const SITE_PATH = /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\.html)?$/;
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

const IMAGE_EXAMPLE = "write it on lines of its own under image:, e.g. src: kyiv-vokzal.jpg and alt: Люди на пероні Київського вокзалу";
const ALT_HINT = 'describe the photo for readers who cannot see it, e.g. alt: Люди на пероні Київського вокзалу (alt: "" only for a photo that merely decorates)';

/** An article's photo (src/images.ts checks the file itself when the content is loaded). */
const articleImage = z.strictObject(
  {
    src: z
      .string({ error: (issue) => (issue.input === undefined ? "is missing; write the file's path inside content/images/, e.g. src: kyiv-vokzal.jpg" : `${describeValue(issue.input)} is not text; write the file's path inside content/images/, e.g. src: kyiv-vokzal.jpg`) })
      .trim()
      .superRefine((src, context) => {
        const problem = imageSrcProblem(src);
        if (problem) context.addIssue({ code: "custom", message: problem });
      }),
    // Empty is allowed: a decorative photo says so with alt: "".
    alt: z.string({ error: (issue) => (issue.input === undefined ? `is missing; ${ALT_HINT}` : `${describeValue(issue.input)} is not text; ${ALT_HINT}`) }).trim(),
    caption: optionalText("what the photo shows, e.g. Евакуаційний потяг прибуває до Києва"),
    credit: optionalText("who took or gave the photo, e.g. УНІАН"),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `${issue.keys.map((key) => describeValue(key)).join(", ")} ${issue.keys.length === 1 ? "is not a field" : "are not fields"} of a photo; use src, alt, caption and credit`
        : `${describeValue(issue.input)} is not a photo's fields; ${IMAGE_EXAMPLE}`,
  },
);

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
    image: articleImage.optional(),
    updated: newsDate(zone).optional(),
    slug: z
      .string({ error: (issue) => `${describeValue(issue.input)} is not text` })
      .regex(SLUG, { error: (issue) => `${describeValue(issue.input)} is not a URL slug; use lower-case Latin letters, digits and hyphens, e.g. perehovory-u-zhenevi` })
      .max(MAX_SLUG_LENGTH, { error: (issue) => `${describeValue(issue.input)} is longer than ${MAX_SLUG_LENGTH} characters; shorten it to the main words` })
      .optional(),
    aliases: z
      .array(
        z.string({ error: (issue) => `${describeValue(issue.input)} is not text; write the old address, e.g. /novyny/2026/01/14/stara-nazva.html` }).regex(SITE_PATH, {
          error: (issue) => `${describeValue(issue.input)} is not an address inside the site; write the old address from the site root, starting with / and ending in .html or /, e.g. /novyny/2026/01/14/stara-nazva.html`,
        }),
        { error: (issue) => `${describeValue(issue.input)} is not a list; write aliases: [/novyny/2026/01/14/stara-nazva.html]` },
      )
      .optional(),
    draft: z.boolean({ error: (issue) => `${describeValue(issue.input)} is not true or false` }).optional(),
    corrections: z
      .array(
        z.object(
          { date: newsDate(zone), text: requiredText("what was wrong and what is right now, e.g. Виправлено прізвище міністра") },
          { error: (issue) => `${describeValue(issue.input)} is not a correction; ${CORRECTION_HINT}` },
        ),
        { error: (issue) => `${describeValue(issue.input)} is not a list; ${CORRECTION_HINT}` },
      )
      .optional(),
    // A live blog (live-blog.ts): its updates are checked with the body (article-file.ts).
    live: z.boolean({ error: (issue) => `${describeValue(issue.input)} is not true or false; write live: true for a live blog` }).optional(),
    liveUntil: newsDate(zone).optional(),
    // Slugs only: whether each is in _data/authors.json is checked across files (articles.ts),
    // so that an edit to authors.json does not make every article be parsed again.
    author: z
      .union([AUTHOR_SLUG, z.array(AUTHOR_SLUG, { error: (issue) => `${describeValue(issue.input)} is not a list; ${AUTHOR_HINT}` }).min(1, { error: `is an empty list; ${AUTHOR_HINT} or remove the field` })], {
        error: (issue) => `${describeValue(issue.input)} is not an author's slug; ${AUTHOR_HINT}`,
      })
      .optional(),
  });
}

const CORRECTION_HINT = "write each correction as a list item with its time and text: corrections: [{ date: 2026-01-15 10:00, text: Виправлено прізвище міністра }]";
const AUTHOR_HINT = "write author: olena-koval, or author: [olena-koval, petro-ivanenko] for several (slugs from _data/authors.json)";
const AUTHOR_SLUG = z.string({ error: (issue) => `${describeValue(issue.input)} is not text; ${AUTHOR_HINT}` }).regex(SLUG, {
  error: (issue) => `${describeValue(issue.input)} is not an author's slug; ${AUTHOR_HINT}`,
});
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

export const authorsSchema = z.array(
  z.object({
    slug: z.string({ error: "is missing; write the author's URL name, e.g. olena-koval" }).regex(SLUG, {
      error: (issue) => `${describeValue(issue.input)} is not a URL slug; use lower-case Latin letters, digits and hyphens, e.g. olena-koval`,
    }),
    name: requiredText("the author's name as the byline shows it, e.g. Олена Коваль"),
    role: optionalText("the author's role, e.g. кореспондентка"),
    bio: optionalText("a few sentences about the author"),
    // A local image only, as in articles: nothing on a page loads from another host.
    photo: z
      .string({ error: (issue) => `${describeValue(issue.input)} is not text; write the photo's path in the site, e.g. /images/avtory/olena-koval.jpg` })
      .regex(/^\/(?!\/)[^\s"'<>]+$/, { error: (issue) => `${describeValue(issue.input)} is not a path in the site; put the photo in content/images/ and write e.g. /images/avtory/olena-koval.jpg` })
      .optional(),
  }),
  { error: 'must be a list of authors: [{ "slug", "name", "role"?, "bio"?, "photo"? }]' },
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

/** zod's issues as content problems of `file`; `lineOf` finds a top-level key's line. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], file: string, lineOf?: (key: string) => number | undefined): ContentProblem[] {
  return issues.map((issue) => {
    const field = issue.path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join("");
    const key = issue.path[0];
    return { file, line: typeof key === "string" ? lineOf?.(key) : undefined, field: field || undefined, message: issue.message };
  });
}
