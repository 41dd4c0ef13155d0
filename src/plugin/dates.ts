// Date filters for templates: always in the site's time zone (the `timeZone` option).
import {
  formatDayHeading,
  formatNewsDate,
  formatNewsDateTime,
  formatNewsTime,
  formatMonthHeading,
  formatWeekday,
  toIsoWithOffset,
  type DateInput,
} from "../dates.js";
import type { EleventyConfig } from "../eleventy-config.js";
import type { SiteBuild } from "./build.js";

/**
 * The filters' earlier names, from when the zone was always Kyiv's: they do the same as the
 * new ones, in whatever zone the site has, and stay for sites' own templates.
 */
export const DATE_FILTER_ALIASES = { kyivDate: "newsDate", kyivDateTime: "newsDateTime", kyivTime: "newsTime" } as const;

export function registerDateFilters(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  const { timeZone } = build.options;
  const filters = {
    newsDate: (value: DateInput) => formatNewsDate(value, timeZone), // «14 січня 2026»
    newsDateTime: (value: DateInput) => formatNewsDateTime(value, timeZone), // «14 січня 2026, 23:40»
    newsTime: (value: DateInput) => formatNewsTime(value, timeZone), // «23:40»
    monthHeading: (value: DateInput) => formatMonthHeading(value, timeZone),
    weekday: (value: DateInput) => formatWeekday(value, timeZone),
    dayHeading: (value: DateInput, currentYear: number) => formatDayHeading(value, currentYear, timeZone),
    isoDate: (value: DateInput) => toIsoWithOffset(value, timeZone),
  };
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
  for (const [alias, name] of Object.entries(DATE_FILTER_ALIASES)) eleventyConfig.addFilter(alias, filters[name]);
}
