import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pluralForm, pluralize } from "../src/plural.js";
import { formatReadingTime, readingMinutes, countWords } from "../src/reading-time.js";

const news = ["новина", "новини", "новин"] as const;

describe("Ukrainian plurals", () => {
  it.each([
    [1, "1 новина"],
    [2, "2 новини"],
    [4, "4 новини"],
    [5, "5 новин"],
    [11, "11 новин"],
    [12, "12 новин"],
    [21, "21 новина"],
    [22, "22 новини"],
    [25, "25 новин"],
    [101, "101 новина"],
    [111, "111 новин"],
    [0, "0 новин"],
  ])("%i → %s", (count, expected) => {
    expect(pluralize(count, news)).toBe(expected);
  });

  it("uses the few form for fractions and Ukrainian number notation", () => {
    expect(pluralForm(1.5, news)).toBe("новини");
    expect(pluralize(1.5, news)).toBe("1,5 новини");
    expect(pluralize(10000, news)).toBe("10\u00a0000 новин");
  });
});

describe("reading time", () => {
  it("says it with the right plural", () => {
    expect(formatReadingTime(1)).toBe("1 хвилина читання");
    expect(formatReadingTime(3)).toBe("3 хвилини читання");
    expect(formatReadingTime(5)).toBe("5 хвилин читання");
    expect(formatReadingTime(21)).toBe("21 хвилина читання");
  });

  it("counts words, apostrophes and hyphens inside them, not markup", () => {
    expect(countWords("П'ять сімей з Івано-Франківська **прийшли** [сюди](https://x.ua).")).toBe(6);
    expect(readingMinutes("")).toBe(1);
    expect(readingMinutes("слово ".repeat(540))).toBe(3);
  });

  it("counts words exactly as the regular expression that defines them, for any text", () => {
    const definition = (text: string) => text.replace(/\]\([^)]*\)|<?https?:\/\/\S+/g, "]").match(/[\p{L}\p{N}]+(?:['’ʼ-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
    // Letters of several scripts (one outside the BMP), digits, joiners, marks, emoji, markup.
    const pieces = ["а", "Ї", "ґ", "z", "7", "é", "\u0301", "\u0483", "𝐀", "😀", "'", "’", "ʼ", "-", "--", " ", "\n", "*", "[", "](", ")", "https://x.ua/a", "ß", "٣"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(countWords(text)).toBe(definition(text));
      }),
      { numRuns: 2000 },
    );
  });
});
