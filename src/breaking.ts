// The breaking news banner: `_data/breaking.json` ({ "text", "url"?, "until" }), shown at the
// top of every page while `until` has not passed at the build's clock. Pages stay cached (in
// browsers, in the service worker for reading offline), so the banner carries its end and
// strichka.js hides it then; without JavaScript it stays until the next build, which leaves
// it out (the clock is in the incremental fingerprint: every page is rendered again).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { readNewsDate } from "./dates.js";
import { describeValue, type ContentProblem } from "./errors.js";
import { readDataFile } from "./content/files.js";
import { typographText } from "./typography.js";

export const BREAKING_FILE = "breaking.json";

export interface BreakingNews {
  /** Typography applied. */
  text: string;
  /** A path in the site ("/novyny/…", made relative on each page) or an absolute http(s) URL. */
  url?: string;
  until: Date;
}

const HINT = 'write e.g. { "text": "Повітряна тривога в Києві", "url": "/novyny/2026/01/14/tryvoha.html", "until": "2026-01-14 18:00" }';

function breakingSchema(zone: string) {
  return z.strictObject(
    {
      text: z
        .string({ error: (issue) => (issue.input === undefined ? `is missing; write the banner's words, e.g. Повітряна тривога в Києві` : `${describeValue(issue.input)} is not text; write the banner's words`) })
        .trim()
        .min(1, { error: "is empty; write the banner's words, or delete the file to show no banner" }),
      url: z
        .string({ error: (issue) => `${describeValue(issue.input)} is not text; write a path in the site such as /novyny/2026/01/14/tryvoha.html, or an https:// address` })
        .trim()
        .regex(/^(?:\/(?!\/)[^\s"'<>]*|https?:\/\/[^\s"'<>]+)$/, { error: (issue) => `${describeValue(issue.input)} is not a path in the site nor an http(s) address; write e.g. /novyny/2026/01/14/tryvoha.html` })
        .optional(),
      until: z.unknown().transform((value, context): Date => {
        const reading = readNewsDate(value, zone);
        if (!reading.ok) {
          context.addIssue({
            code: "custom",
            message: value === undefined || value === null ? "is missing; write when the banner goes, in Kyiv time: 2026-01-14 18:00" : `${describeValue(value)} ${reading.message}; write when the banner goes, in Kyiv time: 2026-01-14 18:00`,
          });
          return z.NEVER;
        }
        return reading.date.toJSDate();
      }),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys" ? `${issue.keys.map((key) => describeValue(key)).join(", ")} ${issue.keys.length === 1 ? "is not a field" : "are not fields"} of the banner; use text, url and until` : `is not a banner; ${HINT}`,
    },
  );
}

/**
 * `_data/breaking.json` read and checked (problems name the file and field), or undefined
 * when there is none; whether it is still current is `currentBreakingNews`'s to say.
 */
export function readBreakingNews(dataDir: string, zone: string, root: string, problems: ContentProblem[]): BreakingNews | undefined {
  const path = join(dataDir, BREAKING_FILE);
  if (!existsSync(path)) return undefined;
  const banner = readDataFile(dataDir, BREAKING_FILE, breakingSchema(zone), root, problems);
  if (!banner) return undefined;
  return { text: typographText(banner.text), ...(banner.url !== undefined && { url: banner.url }), until: banner.until };
}

/** The banner while it is current at the build's clock, else undefined. */
export function currentBreakingNews(banner: BreakingNews | undefined, now: Date): BreakingNews | undefined {
  return banner && banner.until.getTime() > now.getTime() ? banner : undefined;
}
