// «Вас також можуть зацікавити новини:» — related news from indexes built once per build
// (topic → articles, tag → articles), so each article looks only at its neighbours in
// those indexes instead of comparing every pair of articles.
//
// The rule: an article suggests only articles published BEFORE it — the earlier coverage of
// its story. So a new article never changes the page of an older one (a publish rewrites a
// bounded set of pages, whatever the archive's size), and an article's list is settled when
// it is published. Candidates are the LOOKBACK latest earlier articles of its topic and of
// each of its tags, which keeps the work per article bounded too (not the topic's size).

import { createHash } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { endianness } from "node:os";
import { fileURLToPath } from "node:url";

export interface Relatable {
  topic: string;
  tags: readonly string[];
}

/** A shared topic counts as much as two shared tags. */
const TOPIC_WEIGHT = 2;
/**
 * How far back each index (the topic, each tag) is searched for candidates. A full build
 * works out every article's list, so this is the cost per article: at 100,000 articles
 * (tags of ~1,500 articles each) 200 cost 5 s a build, 50 cost ~1.3 s, and 50 articles of
 * the same topic or tag reach back days even in a newsroom of 400 articles a day.
 */
export const LOOKBACK = 50;

/** The first position in the ascending `list` whose value is greater than `value`. */
function firstAfter(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * What relatedArticles worked out, kept for the next build (`strichka build` keeps it beside
 * its article cache). An article's list depends only on the articles after it in the feed's
 * order (the earlier ones: see the top of this file) — their topics, tags and whether they
 * may be suggested — and its own topic and tags. So when the feed's end is the same as
 * before, key for key, the lists of those articles are the same: after one new article, one
 * list is worked out instead of every article's (1.5 s a build at 100,000 articles).
 */
export class KeptRelated {
  constructor(
    /** The `count` the lists were made with. */
    readonly count: number,
    /** The topics' and tags' slugs the keys number. */
    readonly words: readonly string[],
    /** Where each article's key starts in `keys` (one more entry: the end). */
    readonly keyStart: Int32Array,
    /** Each article's key: its topic's word, 1 when it may be suggested (else 0), its tags' words. */
    readonly keys: Int32Array,
    /** `count` entries an article: how far after it each related one is (0: no more). */
    readonly lists: Int32Array,
  ) {}

  get length(): number {
    return this.keyStart.length - 1;
  }

  /** The file's bytes: a JSON header (its length first), then the three arrays. */
  toBuffer(): Buffer {
    const header = Buffer.from(JSON.stringify({ version: keptVersion(), count: this.count, words: this.words, articles: this.length, keys: this.keys.length }));
    const padded = Math.ceil(header.length / 4) * 4;
    const out = Buffer.alloc(4 + padded + 4 * (this.keyStart.length + this.keys.length + this.lists.length));
    out.writeUInt32LE(header.length, 0);
    header.copy(out, 4);
    let at = 4 + padded;
    for (const array of [this.keyStart, this.keys, this.lists]) {
      Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, at);
      at += array.byteLength;
    }
    return out;
  }

  /** What `toBuffer` wrote, or undefined when it is not that (damaged, of another version of this file): only ever an optimisation. */
  static fromBuffer(bytes: Buffer): KeptRelated | undefined {
    try {
      const length = bytes.readUInt32LE(0);
      const header = JSON.parse(bytes.toString("utf8", 4, 4 + length)) as { version?: unknown; count?: unknown; words?: unknown; articles?: unknown; keys?: unknown };
      const { count, words, articles, keys } = header;
      if (header.version !== keptVersion() || !Number.isInteger(count) || !Number.isInteger(articles) || !Number.isInteger(keys)) return undefined;
      if (!Array.isArray(words) || !words.every((word) => typeof word === "string")) return undefined;
      const n = articles as number;
      const start = 4 + Math.ceil(length / 4) * 4;
      const sizes = [n + 1, keys as number, n * (count as number)];
      if (bytes.length !== start + 4 * sizes.reduce((sum, size) => sum + size, 0)) return undefined;
      // A copy: the file's bytes need not be aligned for an Int32Array.
      const ints = new Int32Array(new Uint8Array(bytes.subarray(start)).buffer);
      const keyStart = ints.subarray(0, sizes[0]);
      const keyWords = ints.subarray(sizes[0], sizes[0]! + sizes[1]!);
      const lists = ints.subarray(sizes[0]! + sizes[1]!);
      const kept = new KeptRelated(count as number, words as string[], keyStart, keyWords, lists);
      return kept.#sound() ? kept : undefined;
    } catch {
      return undefined;
    }
  }

  /** Every key well formed and every list inside the articles: what reuse relies on. */
  #sound(): boolean {
    const { keyStart, keys, lists, count, words } = this;
    const n = this.length;
    if (keyStart[0] !== 0 || keyStart[n] !== keys.length) return false;
    for (let index = 0; index < n; index++) if (keyStart[index + 1]! - keyStart[index]! < 2) return false;
    for (let index = 0; index < keys.length; index++) if (keys[index]! < 0 || keys[index]! >= Math.max(words.length, 2)) return false;
    for (let index = 0; index < n; index++) {
      for (let slot = 0; slot < count; slot++) {
        const after = lists[index * count + slot]!;
        if (after < 0 || index + after >= n || (after === 0 && slot + 1 < count && lists[index * count + slot + 1] !== 0)) return false;
      }
    }
    return true;
  }
}

/** The lists kept in `file`, or undefined when there are none (or not sound ones). */
export function readKeptRelated(file: string): KeptRelated | undefined {
  try {
    return KeptRelated.fromBuffer(readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Keeps the lists in `file`, written whole (a build that dies midway leaves the previous file
 * or none). A file that cannot be written is no failure: the previous one, if any, is still
 * sound (the next build reuses what of it matches), and without one every list is worked out.
 */
export function writeKeptRelated(file: string, kept: KeptRelated): void {
  try {
    writeFileSync(`${file}.tmp`, kept.toBuffer());
    renameSync(`${file}.tmp`, file);
  } catch {
    rmSync(`${file}.tmp`, { force: true });
  }
}

let version: string | undefined;
/**
 * The kept lists' version: this file's own text (any change to the rule gives other lists),
 * and the machine's byte order (the arrays are written as they are in memory).
 */
function keptVersion(): string {
  if (version === undefined) {
    let source: string;
    try {
      source = createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).digest("base64url");
    } catch {
      // (This file unreadable, e.g. bundled away: a version no other process has, so nothing kept is ever reused.)
      source = `unknown-${process.pid}-${Date.now()}-${Math.random()}`;
    }
    version = `${endianness()}:${source}`;
  }
  return version;
}

/** Each article's key (see KeptRelated.keys), with the words of `previous` numbered as they were. */
function keysOf<T extends Relatable>(articles: readonly T[], canSuggest: (article: T) => boolean, previous: KeptRelated | undefined) {
  const words = previous ? [...previous.words] : [];
  const wordIds = new Map(words.map((word, index) => [word, index]));
  const idOf = (word: string) => {
    let id = wordIds.get(word);
    if (id === undefined) wordIds.set(word, (id = words.push(word) - 1));
    return id;
  };
  const keyStart = new Int32Array(articles.length + 1);
  let keys = new Int32Array(articles.length * 6 + 16);
  let at = 0;
  articles.forEach((article, index) => {
    if (at + 2 + article.tags.length > keys.length) {
      const grown = new Int32Array(Math.max(keys.length * 2, at + 2 + article.tags.length));
      grown.set(keys);
      keys = grown;
    }
    keys[at++] = idOf(article.topic);
    keys[at++] = canSuggest(article) ? 1 : 0;
    for (const tag of article.tags) keys[at++] = idOf(tag);
    keyStart[index + 1] = at;
  });
  return { words, keyStart, keys: keys.slice(0, at) };
}

/**
 * For every article, up to `count` earlier ones: the most shared topic and tags first, newer
 * first among equals, topped up with the latest earlier news when too few are related.
 * `articles` must already be in the feed's order (newest first, ties in a fixed order): an
 * article's earlier ones are those after it in that order, which makes the result
 * deterministic. Only articles for which `canSuggest` holds are suggested (drafts never are).
 * Returns an array parallel to `articles`.
 *
 * `kept.previous`: what an earlier call kept (see KeptRelated): the lists of the articles
 * after the last one whose key differs from its counterpart's there are taken from it.
 * `kept.keep` receives what this call works out, for the next.
 */
export function relatedArticles<T extends Relatable>(
  articles: readonly T[],
  count: number,
  canSuggest: (article: T) => boolean = () => true,
  kept?: { previous?: KeptRelated; keep?: (kept: KeptRelated) => void },
): T[][] {
  const previous = kept?.previous?.count === count ? kept.previous : undefined;
  const keyed = keysOf(articles, canSuggest, previous);
  const n = articles.length;
  const { reusedFrom, shift } = previous ? reusableEnd(keyed, previous) : { reusedFrom: n, shift: 0 };
  const lists = new Int32Array(n * count);
  if (previous && reusedFrom < n) lists.set(previous.lists.subarray((reusedFrom + shift) * count, (n + shift) * count), reusedFrom * count);
  if (reusedFrom > 0) workOutLists(keyed, count, reusedFrom, lists);
  kept?.keep?.(new KeptRelated(count, keyed.words, keyed.keyStart, keyed.keys, lists));
  return listsOfArticles(articles, lists, count);
}

type Keyed = ReturnType<typeof keysOf>;

/**
 * The feed's end that is the same as in `previous`, key for key: the articles from
 * `reusedFrom` on are the previous ones from `reusedFrom + shift` on, and so are their lists
 * (all of them: an article's list depends only on the articles after it).
 */
function reusableEnd({ keyStart, keys }: Keyed, previous: KeptRelated): { reusedFrom: number; shift: number } {
  let reusedFrom = keyStart.length - 1;
  let old = previous.length;
  const sameKey = (index: number, oldIndex: number) => {
    const from = keyStart[index]!;
    const length = keyStart[index + 1]! - from;
    const oldFrom = previous.keyStart[oldIndex]!;
    if (previous.keyStart[oldIndex + 1]! - oldFrom !== length) return false;
    for (let offset = 0; offset < length; offset++) if (keys[from + offset] !== previous.keys[oldFrom + offset]) return false;
    return true;
  };
  while (reusedFrom > 0 && old > 0 && sameKey(reusedFrom - 1, old - 1)) {
    reusedFrom--;
    old--;
  }
  return { reusedFrom, shift: old - reusedFrom };
}

/** The articles of each topic and of each tag (by word), as places in the feed's order; a tag written twice counts once. */
function groupsOf({ keyStart, keys }: Keyed): { byTopic: Map<number, number[]>; byTag: Map<number, number[]> } {
  const byTopic = new Map<number, number[]>();
  const byTag = new Map<number, number[]>();
  const push = (groups: Map<number, number[]>, word: number, index: number) => {
    const group = groups.get(word);
    if (group) {
      if (group[group.length - 1] !== index) group.push(index);
    } else groups.set(word, [index]);
  };
  for (let index = 0; index + 1 < keyStart.length; index++) {
    const from = keyStart[index]!;
    push(byTopic, keys[from]!, index);
    for (let at = from + 2; at < keyStart[index + 1]!; at++) push(byTag, keys[at]!, index);
  }
  return { byTopic, byTag };
}

/** Works out the lists of the articles before `until` into `lists` (`count` places an article, each how far after it). */
function workOutLists(keyed: Keyed, count: number, until: number, lists: Int32Array): void {
  const { keyStart, keys } = keyed;
  const n = keyStart.length - 1;
  const { byTopic, byTag } = groupsOf(keyed);
  const suggestable = (index: number) => keys[keyStart[index]! + 1] === 1;
  // One score table for all articles, reset after each: no allocation per article.
  const scores = new Int32Array(n);
  const touched: number[] = [];
  const chosen: number[] = [];

  for (let self = 0; self < until; self++) {
    /** Scores the LOOKBACK suggestable articles after `self` in one index. */
    const add = (group: readonly number[] | undefined, weight: number) => {
      if (!group) return;
      let seen = 0;
      for (let at = firstAfter(group, self); at < group.length && seen < LOOKBACK; at++) {
        const index = group[at]!;
        if (!suggestable(index)) continue;
        seen++;
        if (scores[index] === 0) touched.push(index);
        scores[index]! += weight;
      }
    };
    const from = keyStart[self]!;
    const end = keyStart[self + 1]!;
    add(byTopic.get(keys[from]!), TOPIC_WEIGHT);
    for (let at = from + 2; at < end; at++) {
      // Each tag once, however often the article writes it.
      let repeated = false;
      for (let before = from + 2; before < at; before++) if (keys[before] === keys[at]) repeated = true;
      if (!repeated) add(byTag.get(keys[at]!), 1);
    }
    chooseBest(touched, scores, count, chosen);
    // Topped up with the latest earlier news that shares nothing.
    for (let index = self + 1; chosen.length < count && index < n; index++) {
      if (suggestable(index) && scores[index] === 0) chosen.push(index);
    }
    for (const index of touched) scores[index] = 0;
    touched.length = 0;
    chosen.forEach((index, slot) => (lists[self * count + slot] = index - self));
  }
}

/**
 * The best `count` of `candidates` into `chosen`: higher score first, among equals the one
 * earlier in the feed (newer). In one pass (insertion into a list of at most `count`), not a
 * sort of every candidate: linear in the candidates.
 */
function chooseBest(candidates: readonly number[], scores: Int32Array, count: number, chosen: number[]): void {
  const ranksAbove = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  chosen.length = 0;
  if (count === 0) return;
  for (const index of candidates) {
    if (chosen.length === count && !ranksAbove(index, chosen[count - 1]!)) continue;
    if (chosen.length === count) chosen.pop();
    let at = chosen.length;
    while (at > 0 && ranksAbove(index, chosen[at - 1]!)) at--;
    chosen.splice(at, 0, index);
  }
}

/** The lists as articles: each article's related ones, in order. */
function listsOfArticles<T>(articles: readonly T[], lists: Int32Array, count: number): T[][] {
  const related: T[][] = new Array(articles.length);
  for (let self = 0; self < articles.length; self++) {
    const list: T[] = [];
    for (let slot = 0; slot < count; slot++) {
      const after = lists[self * count + slot]!;
      if (after === 0) break;
      list.push(articles[self + after]!);
    }
    related[self] = list;
  }
  return related;
}
