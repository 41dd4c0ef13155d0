// Ukrainian → Latin transliteration by the official system (Cabinet of Ministers of
// Ukraine resolution No. 55 of 27 January 2010), which is what Ukrainian readers expect in
// URLs. The npm transliterators we looked at follow Russian or ISO 9 rules instead
// («Юрій» → "iurii"/"jurij", «Згорани» → "zgorany"), hence this small table.

const LETTERS: Readonly<Record<string, string>> = {
  а: "a", б: "b", в: "v", г: "h", ґ: "g", д: "d", е: "e", є: "ie", ж: "zh", з: "z",
  и: "y", і: "i", ї: "i", й: "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p",
  р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh",
  щ: "shch", ь: "", ю: "iu", я: "ia",
  // Not Ukrainian letters, but they turn up in quotes and names; give them a sane form.
  ё: "io", ъ: "", ы: "y", э: "e",
};

/** At the start of a word these letters are written differently (Є → Ye, Ю → Yu …). */
const WORD_INITIAL: Readonly<Record<string, string>> = { є: "ye", ї: "yi", й: "y", ю: "yu", я: "ya" };

/** Apostrophes inside a word (п'ять, п’ять, пʼять) are dropped, as the resolution says. */
const APOSTROPHES = /['’ʼ`]/;
const LETTER = /\p{L}/u;

function withCaseOf(original: string, latin: string): string {
  if (original === original.toLowerCase() || latin === "") return latin;
  return latin[0]!.toUpperCase() + latin.slice(1);
}

/** «Знам'янка» → "Znamianka", «Згорани» → "Zghorany", «Юрій» → "Yurii". */
export function transliterate(text: string): string {
  let out = "";
  let previous = ""; // previous character, apostrophes skipped: they do not start a word
  for (const char of text) {
    if (APOSTROPHES.test(char) && LETTER.test(previous)) continue;
    const lower = char.toLowerCase();
    let latin = LETTERS[lower];
    if (latin === undefined) {
      out += char;
    } else {
      const initial = !LETTER.test(previous);
      if (initial && WORD_INITIAL[lower]) latin = WORD_INITIAL[lower]!;
      // «зг» is written "zgh", to tell it apart from «ж» ("zh").
      if (lower === "г" && previous.toLowerCase() === "з") latin = "gh";
      out += withCaseOf(char, latin);
    }
    previous = char;
  }
  return out;
}

/**
 * The longest slug slugify makes, in characters (ASCII, so bytes too). A headline of 230
 * Cyrillic letters transliterates to more than the 255 bytes a file name may have; 80 keeps
 * URLs and file names (`2026-01-14-<slug>.md`, `<slug>.html`) readable and far from it.
 */
export const MAX_SLUG_LENGTH = 80;

/**
 * A URL slug: transliterated, lower case, ASCII letters and digits joined by hyphens, at most
 * MAX_SLUG_LENGTH characters: a longer one is cut after its last whole word that fits.
 */
export function slugify(text: string): string {
  const slug = transliterate(text)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.length <= MAX_SLUG_LENGTH ? slug : shorten(slug, MAX_SLUG_LENGTH);
}

/** Cut on a hyphen; a word so long that this would leave less than half is cut inside. */
function shorten(slug: string, max: number): string {
  const hyphen = slug.lastIndexOf("-", max);
  return hyphen >= max / 2 ? slug.slice(0, hyphen) : slug.slice(0, max).replace(/-+$/, "");
}

/** A date before the slug in an article's file name, as `strichka new` writes it: "2026-01-14-". */
const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;

/**
 * The slug an article's file name gives: "2026-01-14-nova-shkola.md" → "nova-shkola". The
 * name, not the headline, is what an article's URL is made of (an edited headline must not
 * move a published page): `strichka new` and the editors' desk make the name from the title
 * once, at creation. A name written by hand in Cyrillic is transliterated like a title.
 */
export function slugFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/\.md$/i, "");
  return slugify(base.replace(DATE_PREFIX, ""));
}
