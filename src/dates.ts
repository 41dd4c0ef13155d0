// Dates as Ukrainian readers see them: always in the newsroom's time zone (Kyiv by
// default), with Ukrainian month and weekday names from the platform's ICU data via luxon.
import { DateTime, Info } from "luxon";

export const DEFAULT_TIME_ZONE = "Europe/Kyiv";

/** A value the templates may hand us: a JS Date, a luxon DateTime or an ISO string. */
export type DateInput = Date | DateTime | string;

// YYYY-MM-DD, optionally followed by a time (with "T" or a space) and an offset.
// Stricter than luxon's fromISO, which also takes week dates, ordinals and the like,
// none of which an editor means when writing a publication time.
const NEWS_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?: ?(?:Z|[+-]\d{2}(?::?\d{2})?))?)?$/;

/**
 * Parses a front-matter publication time.
 * - with an offset (`2026-01-14T23:40:00+02:00`, `…Z`): that instant;
 * - without one (`2026-01-14 23:40`, `2026-01-14T23:40:00`): wall-clock time in `zone`;
 * - a bare date (`2026-01-14`): the start of that day in `zone`.
 * Returns null when the value is not such a date (or not a real one, like 2026-02-30).
 */
export function parseNewsDate(value: unknown, zone: string = DEFAULT_TIME_ZONE): DateTime | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : DateTime.fromJSDate(value, { zone });
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!NEWS_DATE.test(text)) return null;
  const parsed = DateTime.fromISO(text.replace(" ", "T").replace(/ (?=[Z+-])/, ""), { zone });
  return parsed.isValid ? parsed : null;
}

/** Any DateInput as a DateTime in `zone` with Ukrainian locale; throws on nonsense. */
export function toZoned(value: DateInput, zone: string = DEFAULT_TIME_ZONE): DateTime {
  const dt =
    value instanceof DateTime
      ? value
      : value instanceof Date
        ? DateTime.fromJSDate(value)
        : parseNewsDate(value, zone);
  if (!dt || !dt.isValid) throw new TypeError(`Not a date: ${String(value)}`);
  return dt.setZone(zone).setLocale("uk");
}

// Pages format the same instants over and over (an article's date is shown on its page, in
// lists, in related blocks), and luxon computes a zone's offset anew for every DateTime it
// makes: so each (instant, zone) becomes a DateTime once per process, in one map per zone
// keyed by the instant's milliseconds (no key strings built per call).
const CACHE_LIMIT = 200_000;
const zonedInstants = new Map<string, Map<number, DateTime>>();

function zonedInstant(value: Date, zone: string): DateTime {
  let cache = zonedInstants.get(zone);
  if (!cache) zonedInstants.set(zone, (cache = new Map()));
  const key = value.getTime();
  let dt = cache.get(key);
  if (!dt) {
    dt = toZoned(value, zone);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, dt);
  }
  return dt;
}

// Ukrainian names from luxon's locale data (the platform's ICU), read once: luxon's toFormat
// asks Intl for the names again on every call, which was the costliest part of formatting
// 50,000 dates in a large build. A test holds each format to toFormat with luxon's tokens.
const MONTHS_OF = Info.monthsFormat("long", { locale: "uk" }); // «січня», as in «14 січня»
const MONTHS = Info.months("long", { locale: "uk" }); // «січень», as in a heading
const WEEKDAYS = Info.weekdays("long", { locale: "uk" }); // «середа»; luxon's weekday 1 is Monday
const twoDigits = (value: number) => String(value).padStart(2, "0");
/** «+02:00», «-05:00», «+05:30» (and «+00:00», never «Z»). */
const offset = (minutes: number) => `${minutes < 0 ? "-" : "+"}${twoDigits(Math.trunc(Math.abs(minutes) / 60))}:${twoDigits(Math.trunc(Math.abs(minutes) % 60))}`;
const year = (dt: DateTime) => String(dt.year).padStart(4, "0");
const dayAndMonth = (dt: DateTime) => `${dt.day} ${MONTHS_OF[dt.month - 1]}`;

/** The formats, with the luxon tokens each is equal to. */
export const FORMATS = {
  /** d MMMM yyyy */
  date: (dt: DateTime) => `${dayAndMonth(dt)} ${year(dt)}`,
  /** d MMMM yyyy, HH:mm */
  dateTime: (dt: DateTime) => `${dayAndMonth(dt)} ${year(dt)}, ${twoDigits(dt.hour)}:${twoDigits(dt.minute)}`,
  /** HH:mm */
  time: (dt: DateTime) => `${twoDigits(dt.hour)}:${twoDigits(dt.minute)}`,
  /** LLLL yyyy */
  monthHeading: (dt: DateTime) => `${MONTHS[dt.month - 1]} ${year(dt)}`,
  /** cccc */
  weekday: (dt: DateTime) => WEEKDAYS[dt.weekday - 1]!,
  /** d MMMM, cccc */
  dayHeading: (dt: DateTime) => `${dayAndMonth(dt)}, ${WEEKDAYS[dt.weekday - 1]}`,
  /** d MMMM yyyy, cccc */
  dayHeadingWithYear: (dt: DateTime) => `${dayAndMonth(dt)} ${year(dt)}, ${WEEKDAYS[dt.weekday - 1]}`,
  /** yyyy-MM-dd'T'HH:mm:ssZZ */
  iso: (dt: DateTime) =>
    `${year(dt)}-${twoDigits(dt.month)}-${twoDigits(dt.day)}T${twoDigits(dt.hour)}:${twoDigits(dt.minute)}:${twoDigits(dt.second)}${offset(dt.offset)}`,
} satisfies Record<string, (dt: DateTime) => string>;
type FormatName = keyof typeof FORMATS;

function formatZoned(value: DateInput, zone: string | undefined, format: FormatName): string {
  if (!(value instanceof Date)) return FORMATS[format](toZoned(value, zone));
  return FORMATS[format](zonedInstant(value, zone ?? DEFAULT_TIME_ZONE));
}

/** «14 січня 2026» */
export function formatKyivDate(value: DateInput, zone?: string): string {
  return formatZoned(value, zone, "date");
}

/** «14 січня 2026, 23:40» */
export function formatKyivDateTime(value: DateInput, zone?: string): string {
  return formatZoned(value, zone, "dateTime");
}

/** «23:40» */
export function formatKyivTime(value: DateInput, zone?: string): string {
  return formatZoned(value, zone, "time");
}

/** «січень 2026» — the nominative (stand-alone) month, as in a heading. */
export function formatMonthHeading(value: DateInput, zone?: string): string {
  return formatZoned(value, zone, "monthHeading");
}

/** «середа» */
export function formatWeekday(value: DateInput, zone?: string): string {
  return formatZoned(value, zone, "weekday");
}

/** «14 січня, середа»; the year is added when it is not `currentYear` («14 січня 2025, вівторок»). */
export function formatDayHeading(value: DateInput, currentYear: number, zone?: string): string {
  const year = value instanceof Date ? zonedInstant(value, zone ?? DEFAULT_TIME_ZONE).year : toZoned(value, zone).year;
  return formatZoned(value, zone, year === currentYear ? "dayHeading" : "dayHeadingWithYear");
}

/** ISO 8601 instant with the zone's offset: «2026-01-14T23:40:00+02:00». */
export function toIsoWithOffset(value: DateInput, zone?: string): string {
  return formatZoned(value, zone, "iso");
}

/** The calendar day in the zone, «2026-01-14»: the key for day grouping and the video of the day. */
export function zonedDay(value: DateInput, zone?: string): string {
  return toZoned(value, zone).toISODate() ?? "";
}
