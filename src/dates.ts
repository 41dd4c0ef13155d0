// Dates as Ukrainian readers see them: always in the newsroom's time zone (Kyiv by
// default), with Ukrainian month and weekday names from the platform's ICU data via luxon.
import { DateTime, FixedOffsetZone, IANAZone, Info } from "luxon";

export const DEFAULT_TIME_ZONE = "Europe/Kyiv";

/** A value the templates may hand us: a JS Date, a luxon DateTime or an ISO string. */
export type DateInput = Date | DateTime | string;

// YYYY-MM-DD, optionally followed by a time (with "T" or a space) and an offset.
// Stricter than luxon's fromISO, which also takes week dates, ordinals and the like,
// none of which an editor means when writing a publication time.
const NEWS_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,9})?)?( ?(?:Z|[+-]\d{2}(?::?\d{2})?))?)?$/;

/**
 * The years a publication time may have, inclusive. Outside them the formats break down:
 * year 1 prints as 0000 in the sitemap, and before 1924 Kyiv's offset was +02:02:04, which
 * the pages round to +02:02 while feeds keep the seconds. News of a Ukrainian newsroom
 * starts with independence in 1991; 2100 is far enough ahead to catch typos like 2206.
 */
export const MIN_YEAR = 1991;
export const MAX_YEAR = 2100;

/** A publication time read from front matter, or why it is not one. */
export type NewsDateReading =
  | { ok: true; date: DateTime }
  /** `message` goes after the value as the editor wrote it: "…" is not a date. */
  | { ok: false; reason: "format" | "gap" | "range"; message: string };

/**
 * Reads a front-matter publication time.
 * - with an offset (`2026-01-14T23:40:00+02:00`, `…Z`): that instant;
 * - without one (`2026-01-14 23:40`, `2026-01-14T23:40:00`): wall-clock time in `zone`. A
 *   time the clocks skip (`2026-03-29 03:30` in Kyiv, when 03:00 became 04:00) is refused:
 *   luxon would quietly move it an hour on. A time that happens twice (`2026-10-25 03:30`,
 *   when 04:00 became 03:00 again) is the first of the two, the one with the summer offset
 *   (+03:00): luxon's own pick is the second, so the first is chosen here, as RFC 5545 and
 *   JavaScript's Temporal do;
 * - a bare date (`2026-01-14`): the start of that day in `zone`.
 * Refused too: what is not a real date (2026-02-30), and years outside MIN_YEAR–MAX_YEAR.
 */
export function readNewsDate(value: unknown, zone: string = DEFAULT_TIME_ZONE): NewsDateReading {
  let date: DateTime;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return NOT_A_DATE;
    date = DateTime.fromJSDate(value, { zone });
  } else {
    if (typeof value !== "string") return NOT_A_DATE;
    const text = value.trim();
    const match = NEWS_DATE.exec(text);
    if (!match) return NOT_A_DATE;
    const parsed = DateTime.fromISO(text.replace(" ", "T").replace(/ (?=[Z+-])/, ""), { zone });
    if (!parsed.isValid) return NOT_A_DATE;
    const [, , , day, hour, minute, offset] = match;
    // 24:00 is ISO 8601's end of the day, which luxon reads as the next day's 00:00.
    if (hour === undefined || offset !== undefined || hour === "24") {
      date = parsed;
    } else if (parsed.day !== Number(day) || parsed.hour !== Number(hour) || parsed.minute !== Number(minute)) {
      return { ok: false, reason: "gap", message: skippedTimeMessage(parsed, zone) };
    } else {
      date = firstOfTwice(parsed, zone);
    }
  }
  if (date.year < MIN_YEAR || date.year > MAX_YEAR) {
    return { ok: false, reason: "range", message: `is outside the years strichka supports, ${MIN_YEAR}–${MAX_YEAR}; check the year` };
  }
  return { ok: true, date };
}

const NOT_A_DATE: NewsDateReading = { ok: false, reason: "format", message: "is not a date" };

/** readNewsDate's date, or null when the value is not one (see there). */
export function parseNewsDate(value: unknown, zone: string = DEFAULT_TIME_ZONE): DateTime | null {
  const reading = readNewsDate(value, zone);
  return reading.ok ? reading.date : null;
}

const DAY_MS = 86_400_000;

/**
 * A wall-clock time that happens twice (clocks set back) as its first instant. luxon gives
 * the second; the first has the offset in force before the change, so if the offset a day
 * earlier differs and gives the same wall-clock time, that is the one.
 */
function firstOfTwice(parsed: DateTime, zone: string): DateTime {
  const ianaZone = IANAZone.create(zone);
  const before = ianaZone.offset(parsed.toMillis() - DAY_MS);
  if (before <= parsed.offset) return parsed;
  const earlier = parsed.toMillis() - (before - parsed.offset) * 60_000;
  return ianaZone.offset(earlier) === before ? DateTime.fromMillis(earlier, { zone }) : parsed;
}

/** "does not exist in Kyiv time: clocks moved from 03:00 to 04:00 that night; write 04:30 or give an offset". */
function skippedTimeMessage(shifted: DateTime, zone: string): string {
  // luxon moved the time forward by the gap: the change happened in the hour before.
  const ianaZone = IANAZone.create(zone);
  const after = shifted.offset;
  let low = shifted.toMillis() - DAY_MS; // offset before the change
  let high = shifted.toMillis(); // offset after it
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2);
    if (ianaZone.offset(middle) === after) high = middle;
    else low = middle;
  }
  const change = DateTime.fromMillis(high, { zone });
  const from = DateTime.fromMillis(high, { zone: FixedOffsetZone.instance(ianaZone.offset(low)) });
  const place = zone === "Europe/Kyiv" || zone === "Europe/Kiev" ? "Kyiv" : zone;
  return `does not exist in ${place} time: clocks moved from ${FORMATS.time(from)} to ${FORMATS.time(change)} that night; write ${FORMATS.time(shifted)} or give an offset`;
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

// Pages format the same instants over and over (an article's date on its page, in lists, in
// related blocks, in other processes' shards), and luxon asks Intl for a zone's offset for
// every DateTime it makes (~13 µs; partsOffset was the top item of a shard's profile). A
// zone's offset changes at most once a day and on a few days a year, so the offset of each
// UTC day is asked once (a day whose first and last millisecond have one offset has it
// throughout), and the wall-clock fields come from plain Date arithmetic: no DateTime at all.
const dayOffsets = new Map<string, Map<number, number | null>>();

/** The zone's UTC offset in minutes at `ms`. */
export function offsetMinutes(ms: number, zone: string): number {
  const ianaZone = IANAZone.create(zone);
  let days = dayOffsets.get(zone);
  if (!days) dayOffsets.set(zone, (days = new Map()));
  const day = Math.floor(ms / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const first = ianaZone.offset(day * DAY_MS);
    offset = first === ianaZone.offset((day + 1) * DAY_MS - 1) ? first : null;
    days.set(day, offset);
  }
  return offset ?? ianaZone.offset(ms);
}

/** What the formats read of a DateTime: the wall-clock fields in a zone (luxon's names and numbering). */
export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 1 Monday … 7 Sunday */
  weekday: number;
  /** Minutes east of UTC. */
  offset: number;
}

// luxon checks a zone by making an Intl.DateTimeFormat, whose ICU objects live outside V8's
// heap until a full collection: once per page it grew a shard's process by gigabytes.
const knownZones = new Map<string, boolean>();
const isKnownZone = (zone: string) => knownZones.get(zone) ?? (knownZones.set(zone, IANAZone.isValidZone(zone)), knownZones.get(zone)!);

function zonedInstant(value: Date, zone: string): WallClock {
  const ms = value.getTime();
  if (Number.isNaN(ms)) throw new TypeError(`Not a date: ${String(value)}`);
  if (!isKnownZone(zone)) return toZoned(value, zone);
  const offset = offsetMinutes(ms, zone);
  const local = new Date(ms + offset * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: ((local.getUTCDay() + 6) % 7) + 1,
    offset,
  };
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
const year = (dt: WallClock) => String(dt.year).padStart(4, "0");
const dayAndMonth = (dt: WallClock) => `${dt.day} ${MONTHS_OF[dt.month - 1]}`;

/** The formats, with the luxon tokens each is equal to. */
export const FORMATS = {
  /** d MMMM yyyy */
  date: (dt: WallClock) => `${dayAndMonth(dt)} ${year(dt)}`,
  /** d MMMM yyyy, HH:mm */
  dateTime: (dt: WallClock) => `${dayAndMonth(dt)} ${year(dt)}, ${twoDigits(dt.hour)}:${twoDigits(dt.minute)}`,
  /** HH:mm */
  time: (dt: WallClock) => `${twoDigits(dt.hour)}:${twoDigits(dt.minute)}`,
  /** LLLL yyyy */
  monthHeading: (dt: WallClock) => `${MONTHS[dt.month - 1]} ${year(dt)}`,
  /** cccc */
  weekday: (dt: WallClock) => WEEKDAYS[dt.weekday - 1]!,
  /** d MMMM, cccc */
  dayHeading: (dt: WallClock) => `${dayAndMonth(dt)}, ${WEEKDAYS[dt.weekday - 1]}`,
  /** d MMMM, HH:mm */
  dayTime: (dt: WallClock) => `${dayAndMonth(dt)}, ${twoDigits(dt.hour)}:${twoDigits(dt.minute)}`,
  /** d MMMM yyyy, cccc */
  dayHeadingWithYear: (dt: WallClock) => `${dayAndMonth(dt)} ${year(dt)}, ${WEEKDAYS[dt.weekday - 1]}`,
  /** yyyy-MM-dd'T'HH:mm:ssZZ */
  iso: (dt: WallClock) =>
    `${year(dt)}-${twoDigits(dt.month)}-${twoDigits(dt.day)}T${twoDigits(dt.hour)}:${twoDigits(dt.minute)}:${twoDigits(dt.second)}${offset(dt.offset)}`,
} satisfies Record<string, (dt: WallClock) => string>;
type FormatName = keyof typeof FORMATS;

function formatZoned(value: DateInput, zone: string | undefined, format: FormatName): string {
  if (!(value instanceof Date)) return FORMATS[format](toZoned(value, zone));
  return FORMATS[format](zonedInstant(value, zone ?? DEFAULT_TIME_ZONE));
}

/** «14 січня 2026» */
export function formatNewsDate(value: DateInput, zone?: string): string {
  return formatZoned(value, zone, "date");
}

/** «14 січня 2026, 23:40» */
export function formatNewsDateTime(value: DateInput, zone?: string): string {
  return formatZoned(value, zone, "dateTime");
}

/** «23:40» */
export function formatNewsTime(value: DateInput, zone?: string): string {
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

/** «15 січня, 09:00»; the year is added when it is not `currentYear` («15 січня 2027, 09:00»). */
export function formatNewsDayTime(value: DateInput, currentYear: number, zone?: string): string {
  const year = value instanceof Date ? zonedInstant(value, zone ?? DEFAULT_TIME_ZONE).year : toZoned(value, zone).year;
  return formatZoned(value, zone, year === currentYear ? "dayTime" : "dateTime");
}

/** ISO 8601 instant with the zone's offset: «2026-01-14T23:40:00+02:00». */
export function toIsoWithOffset(value: DateInput, zone?: string): string {
  return formatZoned(value, zone, "iso");
}

/** The calendar day in the zone, «2026-01-14»: the key for day grouping and the video of the day. */
export function zonedDay(value: DateInput, zone?: string): string {
  return toZoned(value, zone).toISODate() ?? "";
}

// The earlier names, from when the zone was always Kyiv's: the same functions, for sites'
// scripts that use them.
export { formatNewsDate as formatKyivDate, formatNewsDateTime as formatKyivDateTime, formatNewsTime as formatKyivTime };
