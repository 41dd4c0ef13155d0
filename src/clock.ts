// The build's clock: the instant a build takes as "now", once. It is an input like the files:
// an article dated after it is scheduled, left out of a production build (and marked in the
// preview) until a build runs after its time. STRICHKA_NOW sets it, so that tests, and an
// editor checking what the site will look like at 09:00 tomorrow, need not wait.
import { readNewsDate } from "./dates.js";
import { describeValue, type ContentProblem } from "./errors.js";

/** The environment variable that sets the build's clock. */
export const CLOCK_ENV = "STRICHKA_NOW";

/**
 * The build's "now": STRICHKA_NOW when set (read like a front-matter date: `2026-01-15 09:00`
 * is wall-clock time in `zone`, `2026-01-15T09:00:00+02:00` an instant), else the system's
 * time. A value that is not a time is a problem (the build must not guess what is published).
 */
export function buildClock(zone: string, env: NodeJS.ProcessEnv = process.env): { now: Date } | { problem: ContentProblem } {
  const value = env[CLOCK_ENV];
  if (value === undefined || value === "") return { now: new Date() };
  const reading = readNewsDate(value, zone);
  if (reading.ok) return { now: reading.date.toJSDate() };
  return {
    problem: {
      file: `the environment variable ${CLOCK_ENV}`,
      message: `${describeValue(value)} ${reading.message}; write the build's time as 2026-01-15 09:00 (the site's time zone) or 2026-01-15T09:00:00+02:00, or unset it to build at the current time`,
    },
  };
}
