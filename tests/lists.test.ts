import { describe, expect, it } from "vitest";
import { groupByDay } from "../src/lists.js";

describe("groupByDay", () => {
  it("groups consecutive articles of one Kyiv day, keeping the order", () => {
    const at = (day: string, title: string) => ({ day, title, date: new Date(`${day}T12:00:00Z`) });
    const groups = groupByDay([at("2026-01-14", "a"), at("2026-01-14", "b"), at("2026-01-13", "c")]);
    expect(groups.map((group) => [group.day, group.articles.map((article) => article.title)])).toEqual([
      ["2026-01-14", ["a", "b"]],
      ["2026-01-13", ["c"]],
    ]);
    expect(groupByDay([])).toEqual([]);
  });
});
