// Search (README «Пошук»): the word rules, the same at build time and in the browser (the
// browser side runs in tests/browser.test.ts), and the index files a build writes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../src/front-matter.js";
import { firstParagraphText, monthParts, PART_ARTICLES, readFirstParagraph, wordsScript } from "../src/site-search.js";
import { searchWords, type SearchWords } from "../src/search/words.js";
import { article, buildCommandInProcess, listFiles, makeSite, sampleSite } from "./helpers/site.js";

const rules = searchWords();
const stems = (text: string) => rules.words(text).map((word) => rules.stem(word));

describe("searchWords", () => {
  it("finds word forms of one another: cases of nouns and adjectives, persons and the past of verbs", () => {
    expect(new Set(stems("переговори переговорів переговорах переговорами"))).toEqual(new Set(["переговор"]));
    expect(new Set(stems("тарифи тарифів тарифах"))).toEqual(new Set(["тариф"]));
    expect(new Set(stems("Україна України Україні Україну Україною"))).toEqual(new Set(["україн"]));
    expect(new Set(stems("полонені полонених полоненими"))).toEqual(new Set(["полонен"]));
    expect(new Set(stems("енергетика енергетики енергетиці"))).not.toEqual(new Set(["енергетик"])); // к/ц alternation: not caught, said in the README
    expect(new Set(stems("домовилися домовились"))).toEqual(new Set(["домови"]));
    expect(new Set(stems("гривня гривні гривню"))).toEqual(new Set(["гривн"]));
  });

  it("keeps short words whole and leaves at least three letters", () => {
    expect(stems("на у їх ціни")).toEqual(["на", "у", "їх", "цін"]);
    expect(rules.stem("ами")).toBe("ами");
  });

  it("makes case, ґ and every apostrophe the same, and parts words at anything but letters and digits", () => {
    expect(rules.words("П'ять П’ять пʼять п`ять")).toEqual(["пять", "пять", "пять", "пять"]);
    expect(rules.words("Ґанок ганок")).toEqual(["ганок", "ганок"]);
    expect(rules.words("«Тиха вода» — 2026-й, COVID-19")).toEqual(["тиха", "вода", "2026", "й", "covid", "19"]);
    expect(rules.words("'лапки'")).toEqual(["лапки"]);
  });

  it("finds the words a Unicode regular expression finds (its one pass over the text is held to it)", () => {
    // What words() does, written as regular expressions: the definition it is faster than.
    const definition = (text: string) => {
      let lower = text.toLowerCase().replace(/ґ/g, "г");
      lower = lower.replace(/(\p{L})['’ʼ`](?=\p{L})/gu, "$1");
      return lower.match(/[\p{L}\p{N}]+/gu) ?? [];
    };
    // Letters of both cases and alphabets, digits and other numbers, apostrophes (ʼ is a letter
    // itself), marks, spaces, surrogate pairs (whole and broken), İ (lowered to two characters).
    const pieces = [..."аБвґҐїЇєЄйЙʼ'’`- .,1²½ZzİΣσ\u0301\u00a0\u2028«»—…№ѣҔ"].concat(["🙂", "𝐀", "𝟏", "\ud835", "\udc00", "Ⅻ"]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(rules.words(text)).toEqual(definition(text));
      }),
      { numRuns: 20_000 },
    );
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      for (const text of [char, `а${char}б`, `1${char}z`]) if (JSON.stringify(rules.words(text)) !== JSON.stringify(definition(text))) expect([code, text, rules.words(text)]).toEqual([code, text, definition(text)]);
    }
  });

  it("writes Cyrillic in Latin letters as our URLs do, so a Latin query finds a Cyrillic word", () => {
    expect(rules.latin("київ")).toBe("kyiv");
    expect(rules.latin(rules.stem("Харкові".toLowerCase()))).toBe("khark");
    expect(rules.latin("щастя")).toBe("shchastia");
    expect(rules.stem("kyiv")).toBe("kyiv");
  });

  it("runs as words.js in a page: self-contained, nothing from Node", () => {
    const window: { strichkaSearchWords?: SearchWords } = {};
    runInNewContext(wordsScript(), { window });
    const browser = window.strichkaSearchWords!;
    for (const text of ["Переговори в Женеві: обмін полоненими", "П’ять тарифів на світло"]) {
      expect(browser.words(text).map((word) => browser.stem(word))).toEqual(stems(text));
    }
  });
});

describe("firstParagraphText", () => {
  it("is the first paragraph as text: headings, HTML and images skipped, links' text kept", () => {
    expect(firstParagraphText("## Підзаголовок\n\n<figure></figure>\n\nПерший [абзац](https://x.ua) з *наголосом*\nі рядком.\n\nДругий.")).toBe("Перший абзац з наголосом і рядком.");
    expect(firstParagraphText("")).toBe("");
  });

  it("of a body's beginning only: the paragraph when it ends there, else undefined", () => {
    expect(firstParagraphText("# Т\n\nПерший абзац.\n\nДру", false)).toBe("Перший абзац.");
    expect(firstParagraphText("# Т\n\nПерший абз", false)).toBeUndefined();
    expect(firstParagraphText("# Т\n\n", false)).toBeUndefined();
  });
});

describe("readFirstParagraph", () => {
  /** What it must equal: the first paragraph of the body of the whole file. */
  const expected = (text: string) => firstParagraphText(splitFrontMatter(text).body);

  it("is the first paragraph of the file's body, whatever the file (decoding only that paragraph where it can)", () => {
    const folder = mkdtempSync(join(tmpdir(), "strichka-paragraph-"));
    try {
      const file = join(folder, "a.md");
      const check = (text: string) => {
        writeFileSync(file, text);
        expect(readFirstParagraph(file)).toBe(expected(text));
      };
      const front = "---\ntitle: Т\ndate: 2026-01-14\n---\n";
      check(`${front}Перший абзац.\n\nДругий.`);
      check(`${front}\n\n## Підзаголовок\n\n<figure>\n</figure>\n\n![фото](x.jpg)\n\nПерший [абзац](https://x.ua).\n\nДругий.`);
      check(`\uFEFF${front}Перший абзац з BOM.`);
      check(front.replace(/\n/g, "\r\n") + "Перший\r\nабзац.\r\n\r\nДругий.");
      check("Без front matter.\n\nДругий.");
      check(`${front}`);
      check(`---\ntitle: без кінця`);
      check(`${front} \u00a0\n\nПісля рядка з нерозривним пробілом.`);
      // A first paragraph longer than the file's first read, and a file longer than its buffer.
      check(`${front}${"Довгий абзац. ".repeat(5_000)}\n\nДругий.`);
      check(`---\ntitle: "${"Т".repeat(100_000)}"\n---\n\nАбзац після довгого front matter.`);
      fc.assert(
        fc.property(fc.array(fc.constantFrom("---", "-", "\n", "\n\n", "\r\n", " ", "\t", "\u00a0", "#", "<p>", "```", "|", ">", "![", "](x)", "[", "{%", "слово", "word", "*", "ї", "title: x", "\n---\n"), { maxLength: 40 }), (parts) => check(parts.join(""))),
        { numRuns: 2_000 },
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** The index files of a built site: month → its data. */
function monthFiles(site: string): Map<string, { docs: string[][]; words: Record<string, number[]> }> {
  const months = new Map<string, { docs: string[][]; words: Record<string, number[]> }>();
  const strichkaSearch = { shard: (name: string, data: { docs: string[][]; words: Record<string, number[]> }) => months.set(name, data) };
  for (const file of listFiles(join(site, "poshuk")).filter((name) => /^\d{4}-\d{2}(-\d{2})?\.js$/.test(name))) runInNewContext(readFileSync(join(site, "poshuk", file), "utf8"), { strichkaSearch });
  return months;
}

describe("the search index", () => {
  it("has every published article of the sample site once, by month, newest month first, and no draft", () => {
    const { output } = sampleSite();
    const window: { strichkaSearchMonths?: [string, number][] } = {};
    runInNewContext(readFileSync(join(output, "poshuk/index.js"), "utf8"), { window });
    expect(window.strichkaSearchMonths).toEqual([["2026-01", 14], ["2025-12", 10]]);
    const months = monthFiles(output);
    const urls = [...months.values()].flatMap((month) => month.docs.map((doc) => doc[0]!));
    expect(urls).toHaveLength(24);
    expect(new Set(urls).size).toBe(24);
    expect(urls.every((url) => url.startsWith("../novyny/"))).toBe(true);
    // (The draft, «Лікарі попереджають…», is nowhere.)
    expect(JSON.stringify([...months.values()])).not.toContain("Лікарі попереджають");
    const january = months.get("2026-01")!;
    const geneva = january.docs.findIndex((doc) => doc[1]!.startsWith("Переговори в Женеві: делегації"));
    expect(january.docs[geneva]!.slice(2, 5)).toEqual(["2026-01-14T23:40:00+02:00", "14 січня 2026, 23:40", "Переговори щодо війни в Україні"]);
    // A title word weighs 3, found by its stem.
    expect(january.words["переговор"]).toContain(geneva * 4 + 3);
  });

  it("rewrites only the month files whose articles changed", async () => {
    const dir = makeSite({
      "content/articles/dekabr.md": article({ title: "Груднева новина", date: "2025-12-10 10:00", topic: "kultura" }),
      "content/articles/sichen.md": article({ title: "Січнева новина", date: "2026-01-10 10:00", topic: "kultura" }),
    });
    for (let build = 0; build < 2; build++) expect((await buildCommandInProcess(dir)).status).toBe(0);
    const december = readFileSync(join(dir, "_site/poshuk/2025-12.js"), "utf8");
    const { writeFileSync, statSync } = await import("node:fs");
    const before = statSync(join(dir, "._site.recycled/poshuk/2025-12.js")).mtimeMs;
    writeFileSync(join(dir, "content/articles/nova.md"), article({ title: "Нова січнева новина про тарифи", date: "2026-01-12 10:00", topic: "kultura" }));
    expect((await buildCommandInProcess(dir)).status).toBe(0);
    expect(statSync(join(dir, "_site/poshuk/2025-12.js")).mtimeMs).toBe(before);
    expect(readFileSync(join(dir, "_site/poshuk/2025-12.js"), "utf8")).toBe(december);
    expect(monthFiles(join(dir, "_site")).get("2026-01")!.words["тариф"]).toEqual([0 * 4 + 3]);
  });
});

describe("a big month's index", () => {
  /** A month's articles, newest first: `perDay[i]` articles on day i + 1. */
  const month = (perDay: number[]) =>
    perDay
      .flatMap((count, index) => Array.from({ length: count }, (_, n) => ({ day: `2026-01-${String(index + 1).padStart(2, "0")}`, id: `${index + 1}.${n}` })))
      .reverse();
  const names = (parts: { name: string }[]) => parts.map((part) => part.name);

  it("is one file while the month has at most PART_ARTICLES, named by the month", () => {
    const articles = month(Array.from({ length: 31 }, (_, day) => (day < 20 ? 25 : 0)));
    expect(articles).toHaveLength(PART_ARTICLES);
    expect(monthParts("2026-01", articles)).toEqual([{ name: "2026-01", articles }]);
  });

  it("is cut into parts of whole days, named by their first day, newest first, each article once and in order", () => {
    // A national newsroom's month: 300–400 articles a day, and one day of 700 (a part of its own).
    const perDay = Array.from({ length: 31 }, (_, day) => (day === 9 ? 700 : 300 + ((day * 37) % 101)));
    const articles = month(perDay);
    const parts = monthParts("2026-01", articles);
    expect(parts.flatMap((part) => part.articles)).toEqual(articles);
    expect(names(parts)).toEqual([...names(parts)].sort().reverse());
    for (const part of parts) {
      expect(part.name).toBe(part.articles.at(-1)!.day);
      expect(part.articles.length <= PART_ARTICLES || new Set(part.articles.map((item) => item.day)).size === 1).toBe(true);
      // No day is split between parts.
      expect(parts.filter((other) => other.articles.some((item) => item.day === part.articles[0]!.day))).toEqual([part]);
    }
    expect(parts.find((part) => part.name === "2026-01-10")!.articles).toHaveLength(700);
  });

  it("changes only its newest part (or starts one) when an article is added to its newest day", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 31 }), (perDay) => {
        const before = monthParts("2026-01", month(perDay));
        const after = monthParts("2026-01", month([...perDay.slice(0, -1), perDay.at(-1)! + 1]));
        // Every part but the newest is the same file, and at most one part is new.
        const older = (parts: typeof before) => parts.slice(1).map((part) => [part.name, part.articles.map((item) => item.id)]);
        if (before.length === 1 && after.length > 1) return; // the month has just passed PART_ARTICLES: all of it is new once
        expect(older(after).slice(after.length - before.length)).toEqual(older(before));
        expect(after.length - before.length).toBeLessThanOrEqual(1);
      }),
    );
  });
});
