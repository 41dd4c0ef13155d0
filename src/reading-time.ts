// Reading time from the Markdown source: words are runs of letters (Cyrillic or Latin,
// with apostrophes and hyphens inside), so markup and URLs barely count.
import { UKRAINIAN } from "./locale.js";
import { pluralize, type PluralForms } from "./plural.js";

/** Words a minute for an average adult reading Ukrainian news on screen. */
export const WORDS_PER_MINUTE = 180;

/** Link targets and bare URLs are not read aloud. */
const LINK_TARGETS = /\]\([^)]*\)|<?https?:\/\/\S+/g;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const JOINERS = new Set(["'", "’", "ʼ", "-"].map((char) => char.codePointAt(0)!));

function isWordCharacter(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0x410 && code <= 0x44f) return true; // А–я
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}

/**
 * Words: runs of letters and digits, joined inside a word by apostrophes and hyphens
 * («П'ять», «Івано-Франківськ»). The same count as /[\p{L}\p{N}]+(?:['’ʼ-][\p{L}\p{N}]+)*\/gu
 * (a test checks it), five times faster: every article is counted on every build.
 */
export function countWords(text: string): number {
  const plain = text.replace(LINK_TARGETS, "]");
  let words = 0;
  let state: "outside" | "word" | "joiner" = "outside";
  for (let index = 0; index < plain.length; index++) {
    const code = plain.codePointAt(index)!;
    if (code > 0xffff) index++;
    if (isWordCharacter(code)) {
      if (state === "outside") words++;
      state = "word";
    } else {
      state = state === "word" && JOINERS.has(code) ? "joiner" : "outside";
    }
  }
  return words;
}

/** Whole minutes, at least one. */
export function readingMinutes(text: string): number {
  return Math.max(1, Math.round(countWords(text) / WORDS_PER_MINUTE));
}

/** «1 хвилина читання», «3 хвилини читання», «5 хвилин читання». */
export function formatReadingTime(minutes: number, forms: PluralForms = UKRAINIAN.minuteForms, label: string = UKRAINIAN.readingTime): string {
  return `${pluralize(minutes, forms)} ${label}`;
}
