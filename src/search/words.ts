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
  const LETTERS: Record<string, string> = {
    а: "a", б: "b", в: "v", г: "h", д: "d", е: "e", є: "ie", ж: "zh", з: "z", и: "y", і: "i", ї: "i", й: "i", к: "k", л: "l", м: "m", н: "n",
    о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ь: "", ю: "iu", я: "ia",
  };
  const CYRILLIC = /[а-яіїєґ]/;
  return {
    words(text) {
      let lower = text.toLowerCase();
      if (lower.indexOf("ґ") !== -1) lower = lower.replace(/ґ/g, "г");
      // An apostrophe inside a word joins it; anything else that is not a letter or digit parts words.
      if (/['’ʼ`]/.test(lower)) lower = lower.replace(/(\p{L})['’ʼ`](?=\p{L})/gu, "$1");
      return lower.match(/[\p{L}\p{N}]+/gu) ?? [];
    },
    stem(word) {
      if (!CYRILLIC.test(word)) return word;
      let stem = word;
      for (const ending of REFLEXIVE) if (stem.length - ending.length >= 4 && stem.endsWith(ending)) stem = stem.slice(0, -ending.length);
      for (const ending of ENDINGS) {
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
