import { describe, expect, it } from "vitest";
import { pageLinks, paginate } from "../src/pagination.js";

const numbers = (links: ReturnType<typeof pageLinks>) => links.map((link) => ("gap" in link ? "…" : link.current ? `[${link.number}]` : String(link.number))).join(" ");

describe("paginate", () => {
  it("cuts a list into pages with stable URLs and neighbours", () => {
    const pages = paginate(Array.from({ length: 65 }, (_, i) => i), 30, "/arkhiv/");
    expect(pages.map((page) => [page.url, page.items.length, page.previousUrl, page.nextUrl])).toEqual([
      ["/arkhiv/", 30, undefined, "/arkhiv/2/"],
      ["/arkhiv/2/", 30, "/arkhiv/", "/arkhiv/3/"],
      ["/arkhiv/3/", 5, "/arkhiv/2/", undefined],
    ]);
    expect(pages[2]!.items[0]).toBe(60);
    expect(pages.every((page) => page.total === 3)).toBe(true);
  });

  it("gives an empty list one empty page", () => {
    expect(paginate([], 30, "/tehy/x/")).toMatchObject([{ url: "/tehy/x/", number: 1, total: 1, items: [] }]);
  });

  it("refuses a page size that is not a whole number ≥ 1", () => {
    expect(() => paginate([1], 0, "/")).toThrow(RangeError);
  });
});

describe("pageLinks", () => {
  it("shows the first, the last and a window around the current page", () => {
    expect(numbers(pageLinks("/a/", 1, 3))).toBe("[1] 2 3");
    expect(numbers(pageLinks("/a/", 6, 40))).toBe("1 … 4 5 [6] 7 8 … 40");
    expect(numbers(pageLinks("/a/", 1, 40))).toBe("[1] 2 3 … 40");
    expect(numbers(pageLinks("/a/", 4, 40))).toBe("1 2 3 [4] 5 6 … 40");
    expect(pageLinks("/a/", 2, 2)).toEqual([
      { number: 1, url: "/a/", current: false },
      { number: 2, url: "/a/2/", current: true },
    ]);
  });
});
