import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  FORMATS,
  formatDayHeading,
  formatNewsDayTime,
  formatNewsDate,
  formatNewsDateTime,
  formatNewsTime,
  formatMonthHeading,
  formatWeekday,
  MAX_YEAR,
  MIN_YEAR,
  parseNewsDate,
  readNewsDate,
  toIsoWithOffset,
  zonedDay,
} from "../src/dates.js";

const iso = (value: unknown) => parseNewsDate(value)?.toISO({ suppressMilliseconds: true });

describe("parseNewsDate", () => {
  it("reads a date with an offset as that instant", () => {
    expect(iso("2026-01-14T23:40:00+02:00")).toBe("2026-01-14T23:40:00+02:00");
    expect(iso("2026-01-14T21:40:00Z")).toBe("2026-01-14T23:40:00+02:00");
    expect(iso("2026-07-01T09:00:00+00:00")).toBe("2026-07-01T12:00:00+03:00");
  });

  it("reads a date without an offset as Kyiv wall-clock time", () => {
    expect(iso("2026-01-14 23:40:00")).toBe("2026-01-14T23:40:00+02:00");
    expect(iso("2026-01-14T23:40")).toBe("2026-01-14T23:40:00+02:00");
    expect(iso("2026-01-14 23:40")).toBe("2026-01-14T23:40:00+02:00");
    // Summer time: +03:00
    expect(iso("2026-06-01 10:00")).toBe("2026-06-01T10:00:00+03:00");
  });

  it("reads a bare date as the start of that Kyiv day", () => {
    expect(iso("2026-01-14")).toBe("2026-01-14T00:00:00+02:00");
  });

  it("switches to summer time on the last Sunday of March and back on the last Sunday of October", () => {
    expect(iso("2026-03-29 02:59")).toBe("2026-03-29T02:59:00+02:00");
    expect(iso("2026-03-29 04:00")).toBe("2026-03-29T04:00:00+03:00");
    expect(iso("2026-10-25 02:00")).toBe("2026-10-25T02:00:00+03:00");
    expect(iso("2026-10-25 05:00")).toBe("2026-10-25T05:00:00+02:00");
  });

  it("refuses what is not a real date", () => {
    for (const bad of ["2026-13-45", "2026-02-30", "14.01.2026", "вчора", "", "2026-W03", 20260114, null, undefined, true]) {
      expect(parseNewsDate(bad), String(bad)).toBeNull();
    }
  });

  it("refuses a Kyiv time the clocks skip in spring, saying what happened and what to write", () => {
    for (const [skipped, instead] of [["2026-03-29 03:30", "04:30"], ["2026-03-29T03:00", "04:00"], ["2026-03-29 03:59:59", "04:59"]]) {
      expect(readNewsDate(skipped), skipped).toEqual({
        ok: false,
        reason: "gap",
        message: `does not exist in Kyiv time: clocks moved from 03:00 to 04:00 that night; write ${instead} or give an offset`,
      });
      expect(parseNewsDate(skipped)).toBeNull();
    }
    // With an offset it is an instant, whatever the wall clock showed.
    expect(iso("2026-03-29T03:30:00+02:00")).toBe("2026-03-29T04:30:00+03:00");
    expect(readNewsDate("2026-03-08 02:30", "America/New_York")).toMatchObject({ ok: false, message: "does not exist in America/New_York time: clocks moved from 02:00 to 03:00 that night; write 03:30 or give an offset" });
  });

  it("reads a Kyiv time that happens twice in autumn as the first of the two (summer time, +03:00)", () => {
    expect(iso("2026-10-25 03:00")).toBe("2026-10-25T03:00:00+03:00");
    expect(iso("2026-10-25 03:30")).toBe("2026-10-25T03:30:00+03:00");
    expect(iso("2026-10-25 03:59")).toBe("2026-10-25T03:59:00+03:00");
    expect(iso("2026-10-25T03:30:00+02:00")).toBe("2026-10-25T03:30:00+02:00");
    expect(parseNewsDate("2026-11-01 01:30", "America/New_York")?.toISO()).toBe("2026-11-01T01:30:00.000-04:00");
  });

  it("never moves a zone-less time: the date read shows the wall clock written, or the time is refused as skipped", () => {
    const zones = ["Europe/Kyiv", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"];
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1991, 0, 2)), max: new Date(Date.UTC(2100, 11, 30)), noInvalidDate: true }), fc.constantFrom(...zones), (instant, zone) => {
        const written = DateTime.fromJSDate(instant, { zone: "UTC" }).toFormat("yyyy-MM-dd HH:mm");
        const reading = readNewsDate(written, zone);
        if (reading.ok) expect(reading.date.toFormat("yyyy-MM-dd HH:mm")).toBe(written);
        else expect(reading.reason).toBe("gap");
      }),
      { numRuns: 3000 },
    );
  });

  it(`supports the years ${MIN_YEAR}–${MAX_YEAR}, and says so for others`, () => {
    expect([MIN_YEAR, MAX_YEAR]).toEqual([1991, 2100]);
    const outside = { ok: false, reason: "range", message: "is outside the years strichka supports, 1991–2100; check the year" };
    for (const bad of ["0001-01-01", "1900-01-01 12:00", "1990-12-31 23:59", "2101-01-01", "2206-01-14", "2100-12-31T23:30:00-05:00", new Date("1900-06-01T00:00:00Z")]) {
      expect(readNewsDate(bad), String(bad)).toEqual(outside);
      expect(parseNewsDate(bad)).toBeNull();
    }
    expect(iso("1991-01-01")).toBe("1991-01-01T00:00:00+03:00");
    expect(iso("2100-12-31 23:59")).toBe("2100-12-31T23:59:00+02:00");
  });

  it("reads 24:00 as the end of the day, the next day's 00:00, as ISO 8601 has it", () => {
    expect(iso("2026-01-14T24:00")).toBe("2026-01-15T00:00:00+02:00");
  });

  it("keeps a JavaScript Date as the instant it is", () => {
    expect(parseNewsDate(new Date("2026-01-14T21:40:00Z"))?.toISO()).toBe("2026-01-14T23:40:00.000+02:00");
  });
});

describe("Ukrainian date formats in Kyiv time", () => {
  // 21:40 UTC is 23:40 in Kyiv; in UTC it would still be the 14th, at 02:30 UTC of the 15th Kyiv is a day ahead.
  const evening = new Date("2026-01-14T21:40:00Z");
  const lateNightUtc = new Date("2026-01-14T22:30:00Z");

  it("formats date, date-time and time", () => {
    expect(formatNewsDate(evening)).toBe("14 січня 2026");
    expect(formatNewsDateTime(evening)).toBe("14 січня 2026, 23:40");
    expect(formatNewsTime(evening)).toBe("23:40");
    expect(formatNewsDateTime(lateNightUtc)).toBe("15 січня 2026, 00:30");
  });

  it("uses the nominative month in headings and weekday names", () => {
    expect(formatMonthHeading(evening)).toBe("січень 2026");
    expect(formatWeekday(evening)).toBe("середа");
    expect(formatMonthHeading(new Date("2026-03-10T12:00:00Z"))).toBe("березень 2026");
  });

  it("adds the year to a day heading only when it is not the current year", () => {
    expect(formatDayHeading(evening, 2026)).toBe("14 січня, середа");
    expect(formatDayHeading(evening, 2027)).toBe("14 січня 2026, середа");
    // (The scheduled articles' note: «найближча — 14 січня, 23:40».)
    expect(formatNewsDayTime(evening, 2026)).toBe("14 січня, 23:40");
    expect(formatNewsDayTime(evening, 2025)).toBe("14 січня 2026, 23:40");
  });

  it("writes ISO instants with the Kyiv offset of that day", () => {
    expect(toIsoWithOffset(evening)).toBe("2026-01-14T23:40:00+02:00");
    expect(toIsoWithOffset(new Date("2026-06-01T07:00:00Z"))).toBe("2026-06-01T10:00:00+03:00");
    expect(zonedDay(lateNightUtc)).toBe("2026-01-15");
  });

  it("accepts luxon DateTimes and news-date strings", () => {
    expect(formatNewsDate(DateTime.fromISO("2026-01-14T23:40:00+02:00"))).toBe("14 січня 2026");
    expect(formatNewsDateTime("2026-01-14 23:40")).toBe("14 січня 2026, 23:40");
    expect(() => formatNewsDate("не дата")).toThrow(/Not a date/);
  });

  it("formats exactly as luxon's toFormat with the tokens each format names, for any instant and zone", () => {
    const tokens: Record<keyof typeof FORMATS, string> = {
      date: "d MMMM yyyy",
      dateTime: "d MMMM yyyy, HH:mm",
      time: "HH:mm",
      monthHeading: "LLLL yyyy",
      weekday: "cccc",
      dayHeading: "d MMMM, cccc",
      dayTime: "d MMMM, HH:mm",
      dayHeadingWithYear: "d MMMM yyyy, cccc",
      iso: "yyyy-MM-dd'T'HH:mm:ssZZ",
    };
    fc.assert(
      fc.property(
        // From year 1 (four-digit years, and Kyiv's pre-1924 offsets in seconds) to 2200.
        fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.constantFrom("Europe/Kyiv", "America/New_York", "Asia/Kolkata", "UTC"),
        (millis, zone) => {
          const dt = DateTime.fromMillis(millis, { zone }).setLocale("uk");
          for (const [name, format] of Object.entries(FORMATS)) expect(format(dt), name).toBe(dt.toFormat(tokens[name as keyof typeof FORMATS]));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
