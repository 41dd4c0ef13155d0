import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LOOKBACK, relatedArticles } from "../src/related.js";

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
  it("ranks shared topic and tags first, then recency, among earlier articles only", () => {
    const related = relatedArticles(items, 3, (item) => !item.draft);
    // a (the newest): c: topic+geneva = 3; d: geneva+usa = 2; e: topic = 2 (d is newer); g is a draft.
    expect(ids(related[0]!)).toEqual(["c", "d", "e"]);
    // c: e (topic) = 2 beats d (geneva) = 1; a is newer than c, so never suggested.
    expect(ids(related[2]!)).toEqual(["e", "d", "f"]);
  });

  it("tops up with the latest earlier news when too few are related; the oldest has none", () => {
    const related = relatedArticles(items, 3, (item) => !item.draft);
    expect(ids(related[1]!)).toEqual(["c", "d", "e"]);
    expect(ids(related[5]!)).toEqual([]);
  });

  it("never suggests a draft, and returns fewer when there are too few earlier articles", () => {
    const related = relatedArticles(items, 10, (item) => !item.draft);
    for (const list of related) expect(ids(list)).not.toContain("g");
    expect(related[0]).toHaveLength(5);
    expect(related[4]).toHaveLength(1);
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

  it(`looks back at most ${LOOKBACK} articles in the topic and in each tag`, () => {
    const older = Array.from({ length: LOOKBACK + 5 }, (_, index): Item => ({ id: `t${index}`, topic: "t", tags: [] }));
    // far shares the topic and the tag, but is beyond the topic's lookback: only the tag counts (1 < 2).
    const far: Item = { id: "far", topic: "t", tags: ["k"] };
    const related = relatedArticles([{ id: "x", topic: "t", tags: ["k"] }, ...older, far], 3);
    expect(ids(related[0]!)).toEqual(["t0", "t1", "t2"]);
    const near = relatedArticles([{ id: "x", topic: "t", tags: ["k"] }, ...older.slice(0, 10), far], 3);
    expect(ids(near[0]!)[0]).toBe("far");
  });

  const item = fc.record({
    id: fc.string(),
    topic: fc.constantFrom("t1", "t2", "t3"),
    tags: fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 4 }),
    draft: fc.boolean(),
  });

  it("chooses exactly what scoring every earlier article and sorting would (the definition), for any articles", () => {
    // The definition, quadratic: score every earlier article, sort, take the first, top up.
    const byDefinition = (list: Item[], count: number) =>
      list.map((self, selfIndex) => {
        const candidates = list
          .map((other, index) => {
            const shared = new Set(self.tags).size === 0 ? 0 : [...new Set(other.tags)].filter((tag) => new Set(self.tags).has(tag)).length;
            return { index, score: (other.topic === self.topic ? 2 : 0) + shared };
          })
          .filter(({ index }) => index > selfIndex && !list[index]!.draft);
        const scored = candidates.filter(({ score }) => score > 0).sort((a, b) => b.score - a.score || a.index - b.index);
        const rest = candidates.filter(({ score }) => score === 0);
        return [...scored, ...rest].slice(0, count).map(({ index }) => list[index]!.id);
      });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.integer({ min: 0, max: 6 }), (list, count) => {
        expect(relatedArticles(list, count, (candidate) => !candidate.draft).map(ids)).toEqual(byDefinition(list, count));
      }),
    );
  });

  it("never changes an older article's list when a newer one is published", () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), item, fc.integer({ min: 0, max: 6 }), (list, newest, count) => {
        const before = relatedArticles(list, count, (candidate) => !candidate.draft).map(ids);
        const after = relatedArticles([newest, ...list], count, (candidate) => !candidate.draft).map(ids);
        expect(after.slice(1)).toEqual(before);
      }),
    );
  });
});
