import { describe, expect, it } from "vitest";
import { slugify, transliterate } from "../src/slug.js";

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
