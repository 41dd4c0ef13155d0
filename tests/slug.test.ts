import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SLUG_LENGTH, slugify, transliterate } from "../src/slug.js";

describe("transliteration by the KMU resolution No. 55", () => {
  it.each([
    ["Переговори щодо війни в Україні", "perehovory-shchodo-viiny-v-ukraini"],
    ["Згорани", "zghorany"],
    ["Знам'янка", "znamianka"],
    ["Знам’янка", "znamianka"],
    ["Юрій", "yurii"],
    ["Щастя", "shchastia"],
    ["Єнакієве", "yenakiieve"],
    ["Їжакевич", "yizhakevych"],
    ["Йосипівка", "yosypivka"],
    ["Яготин", "yahotyn"],
    ["Ґорґани", "gorgany"],
    ["Розгон", "rozghon"],
    ["Біла Церква", "bila-tserkva"],
    ["Харків — 2026: «нова» енергетика!", "kharkiv-2026-nova-enerhetyka"],
    ["NATO і ЄС", "nato-i-yes"],
  ])("%s → %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("keeps capital letters where the text has them", () => {
    expect(transliterate("Юрій Згорани Щастя")).toBe("Yurii Zghorany Shchastia");
    expect(transliterate("ЄС")).toBe("YeS");
  });

  it("gives an empty slug when there is nothing to spell", () => {
    expect(slugify("«…» — !")).toBe("");
  });
});

describe("the slug's length", () => {
  it("is at most MAX_SLUG_LENGTH (80) characters, cut after the last whole word that fits", () => {
    expect(MAX_SLUG_LENGTH).toBe(80);
    // «переговори» is "perehovory", 10 letters: seven words and six hyphens are 76, eight 87.
    const title = Array.from({ length: 30 }, () => "Переговори").join(" ");
    expect(title.length).toBeGreaterThan(300);
    expect(slugify(title)).toBe(Array.from({ length: 7 }, () => "perehovory").join("-"));
  });

  it("keeps a slug of exactly 80 characters, and cuts one of 81 on its hyphen at 80", () => {
    const eighty = `${"a".repeat(40)}-${"b".repeat(39)}`;
    expect(eighty).toHaveLength(80);
    expect(slugify(eighty)).toBe(eighty);
    expect(slugify(`${eighty} c`)).toBe(eighty);
    expect(slugify(`${eighty}c`)).toBe("a".repeat(40));
  });

  it("cuts inside a word when a whole-word cut would leave less than half", () => {
    expect(slugify("а".repeat(200))).toBe("a".repeat(80));
    expect(slugify(`Я ${"б".repeat(100)}`)).toBe(`ya-${"b".repeat(77)}`);
  });

  it("is, for any text, a slug of at most 80 characters that slugifies to itself", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.string({ unit: fc.constantFrom(..."абвгґдеєжзиіїйклмнопрстуфхцчшщьюя ʼ'-—, "), maxLength: 400 }), (any, ukrainian) => {
        for (const text of [any, ukrainian]) {
          const slug = slugify(text);
          expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
          expect(slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
          expect(slugify(slug)).toBe(slug);
        }
      }),
      { numRuns: 500 },
    );
  });
});
