// Reading time from the Markdown source: words are runs of letters (Cyrillic or Latin,
// with apostrophes and hyphens inside), so markup and URLs barely count.
import { UKRAINIAN } from "./locale.js";
import { pluralize, type PluralForms } from "./plural.js";

/** Words a minute for an average adult reading Ukrainian news on screen. */
export const WORDS_PER_MINUTE = 180;

const WORD = /[\p{L}\p{N}]+(?:['’ʼ-][\p{L}\p{N}]+)*/gu;

/** Link targets and bare URLs are not read aloud. */
const LINK_TARGETS = /\]\([^)]*\)|<?https?:\/\/\S+/g;

export function countWords(text: string): number {
  return text.replace(LINK_TARGETS, "]").match(WORD)?.length ?? 0;
}

/** Whole minutes, at least one. */
export function readingMinutes(text: string): number {
  return Math.max(1, Math.round(countWords(text) / WORDS_PER_MINUTE));
}

/** «1 хвилина читання», «3 хвилини читання», «5 хвилин читання». */
export function formatReadingTime(minutes: number, forms: PluralForms = UKRAINIAN.minuteForms, label: string = UKRAINIAN.readingTime): string {
  return `${pluralize(minutes, forms)} ${label}`;
}
