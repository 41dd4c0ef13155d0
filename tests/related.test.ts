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
});
