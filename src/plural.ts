// Ukrainian plural forms chosen by the platform's CLDR rules rather than by hand-written
// modulo arithmetic: 1 новина, 2 новини, 5 новин, 21 новина, 1,5 новини.
const rules = new Intl.PluralRules("uk");
const numbers = new Intl.NumberFormat("uk");

/** The three forms of a Ukrainian noun: for 1 (one), for 2–4 (few) and for 5–20 (many). */
export type PluralForms = readonly [one: string, few: string, many: string];

/** The form of the noun that goes with `count`. */
export function pluralForm(count: number, forms: PluralForms): string {
  switch (rules.select(count)) {
    case "one":
      return forms[0];
    case "many":
      return forms[2];
    default:
      // "few" and "other" (fractions: «1,5 хвилини») take the same form.
      return forms[1];
  }
}

const conjunction = new Intl.ListFormat("uk", { type: "conjunction" });

/**
 * What goes before each of `count` items joined as Ukrainian joins a list, by the platform's
 * CLDR rules as plurals are: ["", " і "] for two («Олена Коваль і Петро Іваненко»),
 * ["", ", ", " і "] for three. For lists whose items are markup (links), not plain text.
 */
export function listSeparators(count: number): string[] {
  if (count === 0) return [];
  const parts = conjunction.formatToParts(Array.from({ length: count }, (_, index) => String(index)));
  const separators: string[] = [];
  let pending = "";
  for (const part of parts) {
    if (part.type === "literal") pending += part.value;
    else {
      separators.push(pending);
      pending = "";
    }
  }
  return separators;
}

/** «5 новин»: the number in Ukrainian notation followed by the right form. */
export function pluralize(count: number, forms: PluralForms): string {
  return `${numbers.format(count)} ${pluralForm(count, forms)}`;
}
