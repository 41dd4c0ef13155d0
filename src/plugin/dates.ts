// Date filters for templates: always in the site's time zone (the `timeZone` option).
import { formatDayHeading, formatKyivDate, formatKyivDateTime, formatKyivTime, formatMonthHeading, formatWeekday, toIsoWithOffset, type DateInput } from "../dates.js";
import type { EleventyConfig } from "../eleventy-config.js";
import type { SiteBuild } from "./build.js";

export function registerDateFilters(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  const { timeZone } = build.options;
  eleventyConfig.addFilter("kyivDate", (value: DateInput) => formatKyivDate(value, timeZone));
  eleventyConfig.addFilter("kyivDateTime", (value: DateInput) => formatKyivDateTime(value, timeZone));
  eleventyConfig.addFilter("kyivTime", (value: DateInput) => formatKyivTime(value, timeZone));
  eleventyConfig.addFilter("monthHeading", (value: DateInput) => formatMonthHeading(value, timeZone));
  eleventyConfig.addFilter("weekday", (value: DateInput) => formatWeekday(value, timeZone));
  eleventyConfig.addFilter("dayHeading", (value: DateInput, currentYear: number) => formatDayHeading(value, currentYear, timeZone));
  eleventyConfig.addFilter("isoDate", (value: DateInput) => toIsoWithOffset(value, timeZone));
}
