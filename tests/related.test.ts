import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relatedArticles } from "../src/related.js";

interface Item {
  id: string;
  topic: string;
  tags: string[];
  draft?: boolean;
}

// Newest first, as the content model orders them.
const items: Item[] = [
  { id: "a", topic: "war", tags: ["geneva", "usa"] },
  { id: "b", topic: "economy", tags: ["hryvnia"] },
  { id: "c", topic: "war", tags: ["geneva"] },
  { id: "d", topic: "energy", tags: ["geneva", "usa"] },
  { id: "e", topic: "war", tags: [] },
  { id: "f", topic: "culture", tags: ["books"] },
  { id: "g", topic: "war", tags: ["geneva", "usa"], draft: true },
];
const ids = (list: Item[]) => list.map((item) => item.id);

describe("relatedArticles", () => {
  it("ranks shared topic and tags first, then recency, never itself", () => {
    const related = relatedArticles(items, 3, (item) => !item.draft);
    // c: topic+geneva = 3; d: geneva+usa = 2; e: topic = 2 (d is newer); g is a draft.
    expect(ids(related[0]!)).toEqual(["c", "d", "e"]);
  });

  it("tops up with the latest news when too few are related", () => {
    const related = relatedArticles(items, 3, (item) => !item.draft);
    expect(ids(related[5]!)).toEqual(["a", "b", "c"]);
  });

  it("never suggests a draft, and returns fewer when there are too few articles", () => {
    const related = relatedArticles(items, 10, (item) => !item.draft);
    for (const list of related) expect(ids(list)).not.toContain("g");
    expect(related[0]).toHaveLength(5);
  });

  it("is deterministic", () => {
    expect(relatedArticles(items, 5)).toEqual(relatedArticles(items, 5));
  });

  it("counts a tag written twice once", () => {
    const related = relatedArticles(
      [
        { id: "x", topic: "t1", tags: ["k", "k"] },
        { id: "y", topic: "t2", tags: ["k"] },
        { id: "z", topic: "t1", tags: [] },
      ],
      1,
    );
    // z (shared topic: 2) beats y (one shared tag: 1), however often x repeats its tag.
    expect(ids(related[0]!)).toEqual(["z"]);
  });

  it("chooses exactly what scoring every pair and sorting would (the definition), for any articles", () => {
    // The definition, quadratic: score every other article, sort, take the first, top up.
    const byDefinition = (list: Item[], count: number) =>
      list.map((self, selfIndex) => {
        const candidates = list
          .map((other, index) => {
            const shared = new Set(self.tags).size === 0 ? 0 : [...new Set(other.tags)].filter((tag) => new Set(self.tags).has(tag)).length;
            return { index, score: (other.topic === self.topic ? 2 : 0) + shared };
          })
          .filter(({ index }) => index !== selfIndex && !list[index]!.draft);
        const scored = candidates.filter(({ score }) => score > 0).sort((a, b) => b.score - a.score || a.index - b.index);
        const rest = candidates.filter(({ score }) => score === 0);
        return [...scored, ...rest].slice(0, count).map(({ index }) => list[index]!.id);
      });
    const item = fc.record({
      id: fc.string(),
      topic: fc.constantFrom("t1", "t2", "t3"),
      tags: fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 4 }),
      draft: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.integer({ min: 0, max: 6 }), (list, count) => {
        expect(relatedArticles(list, count, (candidate) => !candidate.draft).map(ids)).toEqual(byDefinition(list, count));
      }),
    );
  });
});
