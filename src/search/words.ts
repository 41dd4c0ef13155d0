// Ukrainian words for search, the same at build time (the index) and in the reader's
// browser (the query): `searchWords` is self-contained on purpose — the search script embeds
// its source (`searchWords.toString()`, see wordsScript in site-search.ts), so the browser runs exactly this code.
//
// What makes two words the same for search:
// - case, and the apostrophe's spellings (', ’, ʼ, `): «п'ять», «П’ять» and «пʼять» are one word;
//   ґ is г (Snowball's Ukrainian stemmer does the same: editors mix them up);
// - the word's form: a light suffix stemmer strips one ending of nouns, adjectives and verbs
//   («переговори», «переговорів», «переговорах» → «переговор»), keeping at least 3 letters.
//   Our own rather than Snowball's Ukrainian algorithm (BSD, a Snowball program: no JavaScript
//   build of it on npm that the browser could run as is): one ending list, tested with exact
//   cases in tests/search.test.ts;
// - the alphabet: a word in Latin letters («kyiv») is compared with the Cyrillic words'
//   transliteration by the KMU-55 system that our URLs use (slug.ts): «Київ» → "kyiv".

export interface SearchWords {
  /** The words of a text, lower case, apostrophes removed, ґ as г, in order (repeats kept). */
  words(text: string): string[];
  /** A word's stem (a word from `words`): Latin words are returned as they are. */
  stem(word: string): string;
  /** A Cyrillic word in Latin letters (KMU-55, without the word-initial forms' difference). */
  latin(word: string): string;
}

// (Long: most of it is the tables of endings and letters; the functions at the end are short.)
export function searchWords(): SearchWords {
  // One ending is stripped, the longest that leaves at least 3 letters (after a reflexive
  // -ся/-сь): cases of nouns and adjectives, persons and the past of verbs.
  const REFLEXIVE = ["ся", "сь"];
  const ENDINGS = [
    "ього", "ьому", "ьої", "ьою",
    "ими", "іми", "ами", "ями", "ого", "ому", "ові", "еві", "єві", "ємо", "емо", "имо", "єте", "ете", "ите", "ють", "уть", "ать", "ять", "ить", "іть",
    "ах", "ях", "ам", "ям", "ів", "їв", "ей", "ом", "ем", "єм", "ою", "ею", "єю", "ий", "ій", "им", "ім", "их", "іх", "ої", "ая", "яя", "іє",
    "ти", "ть", "ла", "ло", "ли", "еш", "єш", "иш", "іш",
    "а", "я", "о", "е", "є", "и", "і", "ї", "у", "ю", "ь",
  ];
  const ENDINGS_BY_LAST: Record<string, string[]> = {};
  for (const ending of ENDINGS) (ENDINGS_BY_LAST[ending.charAt(ending.length - 1)] ??= []).push(ending);
  const LETTERS: Record<string, string> = {
    а: "a", б: "b", в: "v", г: "h", д: "d", е: "e", є: "ie", ж: "zh", з: "z", и: "y", і: "i", ї: "i", й: "i", к: "k", л: "l", м: "m", н: "n",
    о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ь: "", ю: "iu", я: "ia",
  };
  const CYRILLIC = /[а-яіїєґ]/;
  const LETTER = /^\p{L}$/u;
  const NUMBER = /^\p{N}$/u;
  // (Helpers are methods: a function inside this one would get a bundler's name helper,
  // which the browser's copy of this source does not have.)
  const chars = {
    /** What characters other than ASCII and Cyrillic are (2: a letter, 1: a digit or number, 0: neither), as they are met. */
    kinds: new Map<string, number>(),
    /** The kind of the character (a whole surrogate pair) at `index`. */
    kind(text: string, index: number): number {
      const code = text.charCodeAt(index);
      if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? 2 : code >= 0x30 && code <= 0x39 ? 1 : 0;
      if (code >= 0x400 && code <= 0x52f && (code <= 0x481 || code >= 0x48a)) return 2;
      const char = code >= 0xd800 && code <= 0xdbff ? text.slice(index, index + 2) : text.charAt(index);
      let kind = this.kinds.get(char);
      if (kind === undefined) this.kinds.set(char, (kind = LETTER.test(char) ? 2 : NUMBER.test(char) ? 1 : 0));
      return kind;
    },
  };
  return {
    words(text) {
      let lower = text.toLowerCase();
      if (lower.indexOf("ґ") !== -1) lower = lower.replace(/ґ/g, "г");
      // Runs of letters and digits (\p{L}, \p{N}) are words; an apostrophe between two letters
      // joins them; anything else parts words. One pass over the text, not a Unicode regular
      // expression: the build reads every article's text with it.
      const found: string[] = [];
      /** The current word's text before its last apostrophe, and where the rest begins (-1: no word). */
      let joined = "";
      let start = -1;
      /** The kind of the character before (0 after an apostrophe that joined). */
      let previous = 0;
      const length = lower.length;
      for (let index = 0; index < length; ) {
        const code = lower.charCodeAt(index);
        // (ʼ is a letter itself: between letters it joins them, elsewhere it is part of a word.
        // A letter joins one apostrophe after it, as /(\p{L})['’ʼ`](?=\p{L})/g would.)
        if (previous === 2 && (code === 0x27 || code === 0x2019 || code === 0x2bc || code === 0x60) && index + 1 < length && chars.kind(lower, index + 1) === 2) {
          joined += lower.slice(start, index);
          start = index + 1;
          previous = 0;
          index++;
          continue;
        }
        let kind: number;
        let width = 1;
        if (code < 0x80) kind = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? 2 : code >= 0x30 && code <= 0x39 ? 1 : 0;
        else if (code >= 0x400 && code <= 0x52f && (code <= 0x481 || code >= 0x48a)) kind = 2;
        else {
          kind = chars.kind(lower, index);
          if (kind !== 0 && code >= 0xd800 && code <= 0xdbff) width = 2;
        }
        if (kind !== 0) {
          if (start === -1) start = index;
        } else if (start !== -1) {
          found.push(joined + lower.slice(start, index));
          joined = "";
          start = -1;
        }
        previous = kind;
        index += width;
      }
      if (start !== -1) found.push(joined + lower.slice(start));
      return found;
    },
    stem(word) {
      if (!CYRILLIC.test(word)) return word;
      let stem = word;
      for (const ending of REFLEXIVE) if (stem.length - ending.length >= 4 && stem.endsWith(ending)) stem = stem.slice(0, -ending.length);
      // (Only the endings with the word's last letter: a few instead of ~70, longest first as listed.)
      for (const ending of ENDINGS_BY_LAST[stem.charAt(stem.length - 1)] ?? []) {
        if (stem.length - ending.length >= 3 && stem.endsWith(ending)) return stem.slice(0, -ending.length);
      }
      return stem;
    },
    latin(word) {
      let out = "";
      for (const char of word) out += LETTERS[char] ?? char;
      return out;
    },
  };
}
