// The tags index of a big newsroom: 20,000 tags are no page to read or to download. Past
// TAGS_ON_INDEX tags, the index shows the most used ones and an alphabet, and each letter
// has pages of its own (`/tehy/a.html`, `/tehy/a-2.html` …, at most LETTER_PAGE_SIZE tags
// each), so no page grows with the archive. A small site keeps every tag on the index.
import { slugify } from "./slug.js";

/** What a tag needs to be listed: as the content model's TagSummary. */
export interface LetterTag {
  name: string;
  url: string;
  count: number;
}

/** Up to this many tags, the index lists them all. */
export const TAGS_ON_INDEX = 300;
/** Tags on one page of a letter. */
export const LETTER_PAGE_SIZE = 500;
/** The most used tags the index shows when it does not show all. */
export const TOP_TAGS = 100;

export interface LetterLink {
  letter: string;
  /** The letter's first page. */
  url: string;
}

export interface TagLetterPage<T extends LetterTag = LetterTag> {
  /** «А», «Б» … «#» for tags that start with a digit or a sign. */
  letter: string;
  url: string;
  /** 1 for the letter's first page. */
  number: number;
  /** How many pages the letter has. */
  pages: number;
  /** This page's tags, in the alphabet's order. */
  tags: T[];
  /** Every letter, for the alphabet on each page. */
  letters: LetterLink[];
  /** The letter's other pages. */
  pageLinks: { number: number; url: string; current: boolean }[];
}

/** The letter a tag is filed under: its first letter, upper case; «#» for a digit or a sign. */
export function letterOf(name: string): string {
  const first = [...name.trim()][0] ?? "#";
  return /\p{L}/u.test(first) ? first.toLocaleUpperCase("uk") : "#";
}

/**
 * The letter pages of `tags` (sorted in the alphabet's order, as the content model keeps
 * them) under `base` ("/tehy/"); none when there are at most TAGS_ON_INDEX tags.
 */
export function tagLetterPages<T extends LetterTag>(tags: readonly T[], base: string, pageSize = LETTER_PAGE_SIZE): TagLetterPage<T>[] {
  if (tags.length <= TAGS_ON_INDEX) return [];
  const byLetter = new Map<string, T[]>();
  for (const tag of tags) {
    const letter = letterOf(tag.name);
    const list = byLetter.get(letter);
    if (list) list.push(tag);
    else byLetter.set(letter, [tag]);
  }
  // «#» last; the letters in the order their tags came (the alphabet's).
  const letters = [...byLetter.keys()].sort((a, b) => (a === "#" ? 1 : b === "#" ? -1 : 0));
  // Each letter's file name: its transliteration (И and Й are both "y": the second gets "-2"),
  // "0-9" for «#».
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const letter of letters) {
    const slug = letter === "#" ? "0-9" : slugify(letter) || `u${letter.codePointAt(0)!.toString(16)}`;
    let name = slug;
    for (let suffix = 2; taken.has(name); suffix++) name = `${slug}-${suffix}`;
    taken.add(name);
    names.set(letter, name);
  }
  const pageUrl = (letter: string, number: number) => `${base}${names.get(letter)}${number === 1 ? "" : `-${number}`}.html`;
  const links = letters.map((letter) => ({ letter, url: pageUrl(letter, 1) }));
  return letters.flatMap((letter) => {
    const list = byLetter.get(letter)!;
    const pages = Math.ceil(list.length / pageSize);
    return Array.from({ length: pages }, (_, index) => ({
      letter,
      url: pageUrl(letter, index + 1),
      number: index + 1,
      pages,
      tags: list.slice(index * pageSize, (index + 1) * pageSize),
      letters: links,
      pageLinks: Array.from({ length: pages }, (_, other) => ({ number: other + 1, url: pageUrl(letter, other + 1), current: other === index })),
    }));
  });
}

/** The `count` most used tags, most used first (the alphabet's order among equals). */
export function topTags<T extends LetterTag>(tags: readonly T[], count = TOP_TAGS): T[] {
  return tags
    .map((tag, index) => ({ tag, index }))
    .sort((a, b) => b.tag.count - a.tag.count || a.index - b.index)
    .slice(0, count)
    .map(({ tag }) => tag);
}
