import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeptRelated, LOOKBACK, relatedArticles } from "../src/related.js";

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

  describe("with the lists kept from an earlier build", () => {
    const notDraft = (candidate: Item) => !candidate.draft;
    const keptOf = (list: Item[], count: number, previous?: KeptRelated) => {
      let kept: KeptRelated | undefined;
      const related = relatedArticles(list, count, notDraft, { previous, keep: (lists) => (kept = lists) });
      return { related, kept: kept! };
    };

    it("gives exactly what working out every list gives, after any edits, and keeps the same lists for the next build", () => {
      const edit = fc.oneof(
        fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), item }),
        fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
        fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), item }),
      );
      fc.assert(
        fc.property(fc.array(item, { maxLength: 30 }), fc.array(edit, { maxLength: 4 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (before, edits, countBefore, count) => {
          const after = [...before];
          for (const change of edits) {
            const at = after.length === 0 ? 0 : change.at % (after.length + (change.kind === "insert" ? 1 : 0));
            if (change.kind === "insert") after.splice(at, 0, change.item);
            else if (after.length > 0) after.splice(at, 1, ...(change.kind === "replace" ? [change.item] : []));
          }
          // Through the file's bytes, as the next build reads them.
          const previous = KeptRelated.fromBuffer(keptOf(before, countBefore).kept.toBuffer());
          expect(previous).toBeDefined();
          const reused = keptOf(after, count, previous);
          const full = keptOf(after, count);
          expect(reused.related.map(ids)).toEqual(full.related.map(ids));
          // (Its words may be numbered otherwise: the previous build's numbers are kept.)
          expect([...reused.kept.lists]).toEqual([...full.kept.lists]);
        }),
      );
    });

    /** `kept` with every list pointing at the article right after (a mark of lists taken from it, not worked out). */
    const marked = (kept: KeptRelated) => {
      const lists = new Int32Array(kept.lists.length);
      for (let index = 0; index < kept.length - 1; index++) lists[index * kept.count] = 1;
      return new KeptRelated(kept.count, kept.words, kept.keyStart, kept.keys, lists);
    };

    it("works out only the lists of the articles newer than the oldest changed one", () => {
      const archive = Array.from({ length: 40 }, (_, index): Item => ({ id: `a${index}`, topic: `t${index % 3}`, tags: [`k${index % 5}`] }));
      const previous = marked(keptOf(archive, 3).kept);
      // A new article at the top: its own list is worked out, every other one taken as kept.
      const fresh = keptOf([{ id: "new", topic: "t0", tags: ["k1"] }, ...archive], 3, previous).related;
      expect(fresh[0]!.length).toBe(3);
      expect(fresh.slice(1, -1).map(ids)).toEqual(archive.slice(1).map((next) => [next.id]));
      // An old article's tags edited (mid-archive): the lists of it and of every newer one are worked out again.
      const edited = archive.map((entry, index) => (index === 20 ? { ...entry, tags: ["k9"] } : entry));
      const again = keptOf(edited, 3, previous).related;
      expect(again.slice(0, 21).map(ids)).toEqual(keptOf(edited, 3).related.slice(0, 21).map(ids));
      expect(again.slice(21, -1).map(ids)).toEqual(edited.slice(22).map((next) => [next.id]));
      // A deletion mid-archive, a draft, a backdated new article: the same boundary.
      // (After a deletion, the article that took the deleted one's place is the first whose list is kept.)
      const cases: [Item[], number][] = [
        [archive.filter((_, index) => index !== 25), 25],
        [archive.map((entry, index) => (index === 25 ? { ...entry, draft: true } : entry)), 26],
        [[...archive.slice(0, 25), { id: "back", topic: "t1", tags: [] }, ...archive.slice(25)], 26],
      ];
      for (const [changed, keptFrom] of cases) {
        const related = keptOf(changed, 3, previous).related;
        expect(related.slice(0, keptFrom).map(ids)).toEqual(keptOf(changed, 3).related.slice(0, keptFrom).map(ids));
        expect(related.slice(keptFrom, -1).map(ids)).toEqual(changed.slice(keptFrom + 1).map((next) => [next.id]));
      }
      // Another count: nothing is taken.
      expect(keptOf([{ id: "new", topic: "t0", tags: ["k1"] }, ...archive], 4, previous).related.map(ids)).toEqual(relatedArticles([{ id: "new", topic: "t0", tags: ["k1"] }, ...archive], 4, notDraft).map(ids));
    });

    it("reads no kept lists from damaged or foreign bytes", () => {
      const bytes = keptOf(items, 3).kept.toBuffer();
      expect(KeptRelated.fromBuffer(bytes)).toBeDefined();
      expect(KeptRelated.fromBuffer(bytes.subarray(0, bytes.length - 4))).toBeUndefined();
      expect(KeptRelated.fromBuffer(Buffer.from("{}"))).toBeUndefined();
      expect(KeptRelated.fromBuffer(Buffer.alloc(0))).toBeUndefined();
      const header = bytes.readUInt32LE(0);
      const otherVersion = Buffer.from(bytes);
      otherVersion.write("X", 4 + bytes.toString("utf8", 4, 4 + header).indexOf('"version":"') + 11);
      expect(KeptRelated.fromBuffer(otherVersion)).toBeUndefined();
      // A list reaching past the last article.
      const outside = Buffer.from(bytes);
      outside.writeInt32LE(1000, outside.length - 4 * 3);
      expect(KeptRelated.fromBuffer(outside)).toBeUndefined();
    });
  });
});
