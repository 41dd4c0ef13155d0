// `strichka new`: the file name and front matter of a new article, for any title an editor
// may type, or a clear message when it cannot be a headline.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseYaml, splitFrontMatter } from "../src/front-matter.js";
import { articleFile, TitleError } from "../src/scaffold.js";
import { MAX_SLUG_LENGTH } from "../src/slug.js";

const NOW = DateTime.fromISO("2026-01-14T23:40:00+02:00");

/** The title as the article's front matter gives it back. */
function titleReadBack(title: string): unknown {
  const { yaml } = splitFrontMatter(articleFile(title, "kultura", NOW).text);
  return parseYaml(yaml!).title;
}

function messageOf(title: string): string {
  try {
    articleFile(title, "kultura", NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(TitleError);
    return (error as Error).message;
  }
  throw new Error(`expected a TitleError for ${JSON.stringify(title)}`);
}

describe("articleFile", () => {
  it("writes front matter that reads back as exactly the title given", () => {
    const titles = [
      "Переговори в Женеві: делегації домовилися",
      `"Укренерго" - про графіки`,
      "Знам'янка й п’ять 'лапок' ''",
      "#1 у рейтингу # не коментар",
      "-- Тире на початку",
      "--- Три дефіси",
      "- пункт? [не список] {не об'єкт} &якір *посилання !тег %директива @ `",
      "Шлях C:\\Users\\новини \\n не перенос",
      "  пробіли з обох боків  ",
      "true",
      "2026-01-14",
      "null",
    ];
    for (const title of titles) expect(titleReadBack(title), title).toBe(title);
  });

  it("writes front matter that reads back as the title for any one-line title, or refuses it with a TitleError", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), (title) => {
        let text: string;
        try {
          text = articleFile(title, "kultura", NOW).text;
        } catch (error) {
          expect(error).toBeInstanceOf(TitleError);
          return;
        }
        expect(parseYaml(splitFrontMatter(text).yaml!).title).toBe(title);
      }),
      { numRuns: 2000 },
    );
  });

  it("names the file by the day and the slug, at most 80 characters of it, for a 300-character headline", () => {
    const title = "Кабінет міністрів ухвалив постанову про підтримку енергетичної інфраструктури громад, які постраждали від обстрілів, і визначив порядок розподілу коштів між областями, районами та окремими підприємствами до кінця опалювального сезону 2026 року включно з додатковими виплатами";
    expect(title.length).toBeGreaterThanOrEqual(270);
    const { name } = articleFile(title, "kultura", NOW);
    const slug = name.slice("2026-01-14-".length, -".md".length);
    expect(name.startsWith("2026-01-14-kabinet-ministriv-ukhvalyv-postanovu-")).toBe(true);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(Buffer.byteLength(name)).toBeLessThan(255);
  });

  it("refuses a title of several lines, with no letters or digits, empty, or with a control character, saying what to do", () => {
    expect(messageOf("Перший рядок\nдругий")).toBe("The title is one line; write it without line breaks");
    expect(messageOf("Перший рядок\r\nдругий")).toBe("The title is one line; write it without line breaks");
    expect(messageOf("!!! 🎉🎉")).toBe('The title "!!! 🎉🎉" has no letters or digits to make a file name from; write a headline with words');
    expect(messageOf("  ")).toMatch(/^The title is empty; write the headline in quotes/);
    expect(messageOf("Дзвінок\u0007")).toBe("The title has an invisible control character (U+0007); delete it");
  });
});
