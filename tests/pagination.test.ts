import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageLinks, paginate, type ListPage } from "../src/pagination.js";

const numbers = (links: ReturnType<typeof pageLinks>) =>
  links.map((link) => ("gap" in link ? "…" : "newest" in link ? (link.current ? "[N]" : "N") : link.current ? `[${link.number}]` : String(link.number))).join(" ");
/** Items newest first: n … 1, so that an item's value is its position counted from the oldest. */
const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - index);

describe("paginate", () => {
  it("shows the newest on the first page and numbers full pages from the oldest", () => {
    const pages = paginate(newestFirst(95), 30, "/arkhiv/");
    expect(pages.map((page) => [page.url, page.items.length, page.newerUrl, page.olderUrl])).toEqual([
      ["/arkhiv/", 35, undefined, "/arkhiv/2/"],
      ["/arkhiv/2/", 30, "/arkhiv/", "/arkhiv/1/"],
      ["/arkhiv/1/", 30, "/arkhiv/2/", undefined],
    ]);
    expect(pages[0]!.items[0]).toBe(95);
    expect(pages[2]!.items).toEqual(newestFirst(30));
    expect(pages[0]!.count).toBe(95);
    expect(pages[1]!.count).toBeUndefined();
  });

  it("keeps a short list on one page, and gives an empty list one empty page", () => {
    expect(paginate(newestFirst(59), 30, "/t/").map((page) => page.items.length)).toEqual([59]);
    expect(paginate(newestFirst(60), 30, "/t/").map((page) => page.items.length)).toEqual([30, 30]);
    expect(paginate([], 30, "/tehy/x/")).toMatchObject([{ url: "/tehy/x/", number: 0, items: [], links: [] }]);
  });

  it("refuses a page size that is not a whole number ≥ 1", () => {
    expect(() => paginate([1], 0, "/")).toThrow(RangeError);
  });

  it("shows every item exactly once across the pages, newest first on each", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 40 }), (count, size) => {
        const pages = paginate(newestFirst(count), size, "/a/");
        const first = pages[0]!;
        if (count < 2 * size) expect(first.items.length).toBe(count);
        if (count >= size) expect(first.items.length).toBeGreaterThanOrEqual(size);
        expect(first.items.length).toBeLessThan(Math.max(2 * size, count + 1));
        for (const page of pages.slice(1)) expect(page.items).toHaveLength(size);
        expect(pages.flatMap((page) => page.items)).toEqual(newestFirst(count));
      }),
    );
  });

  it("never changes a numbered page far from the newest when articles are added: a publish touches a bounded set", () => {
    const html = (page: ListPage<number>) => JSON.stringify(page);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 20 }), (count, added, size) => {
        const before = new Map(paginate(newestFirst(count), size, "/a/").map((page) => [page.url, html(page)]));
        const after = paginate(newestFirst(count + added), size, "/a/");
        const changed = after.filter((page) => before.get(page.url) !== html(page));
        // The first page, new pages, and the links of the pages next to them.
        const newPages = Math.ceil(added / size) + 1;
        expect(changed.length).toBeLessThanOrEqual(1 + newPages + 3);
        for (const page of after.filter((page) => page.number > 0)) {
          const old = before.get(page.url);
          if (old) expect((JSON.parse(old) as ListPage<number>).items).toEqual(page.items);
        }
      }),
    );
  });
});

describe("pageLinks", () => {
  it("shows the oldest page, a window around the current one and the newest, never the count of pages", () => {
    expect(numbers(pageLinks("/a/", 0, 0))).toBe("");
    expect(numbers(pageLinks("/a/", 0, 2))).toBe("1 2 [N]");
    expect(numbers(pageLinks("/a/", 0, 40))).toBe("1 … 39 40 [N]");
    expect(numbers(pageLinks("/a/", 6, 40))).toBe("1 … 4 5 [6] 7 8 … N");
    expect(numbers(pageLinks("/a/", 6, 41))).toBe(numbers(pageLinks("/a/", 6, 40)));
    expect(numbers(pageLinks("/a/", 1, 40))).toBe("[1] 2 3 … N");
    expect(numbers(pageLinks("/a/", 39, 40))).toBe("1 … 37 38 [39] 40 N");
    expect(pageLinks("/a/", 1, 1)).toEqual([
      { number: 1, url: "/a/1/", current: true },
      { newest: true, url: "/a/", current: false },
    ]);
  });
});
