// «Вас також можуть зацікавити новини:» — related news from indexes built once per build
// (topic → articles, tag → articles), so each article looks only at its neighbours in
// those indexes instead of comparing every pair of articles.
//
// The rule: an article suggests only articles published BEFORE it — the earlier coverage of
// its story. So a new article never changes the page of an older one (a publish rewrites a
// bounded set of pages, whatever the archive's size), and an article's list is settled when
// it is published. Candidates are the LOOKBACK latest earlier articles of its topic and of
// each of its tags, which keeps the work per article bounded too (not the topic's size).

export interface Relatable {
  topic: string;
  tags: readonly string[];
}

/** A shared topic counts as much as two shared tags. */
const TOPIC_WEIGHT = 2;
/**
 * How far back each index (the topic, each tag) is searched for candidates. Every build
 * works out every article's list, so this is the cost per article: at 100,000 articles
 * (tags of ~1,500 articles each) 200 cost 5 s a build, 50 cost ~1.3 s, and 50 articles of
 * the same topic or tag reach back days even in a newsroom of 400 articles a day.
 */
export const LOOKBACK = 50;

/** For each key, the indexes of the items that have it, in the items' order. */
function groupBy<T>(items: readonly T[], keysOf: (item: T) => Iterable<string>): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(index);
      else groups.set(key, [index]);
    }
  });
  return groups;
}

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
 * For every article, up to `count` earlier ones: the most shared topic and tags first, newer
 * first among equals, topped up with the latest earlier news when too few are related.
 * `articles` must already be in the feed's order (newest first, ties in a fixed order): an
 * article's earlier ones are those after it in that order, which makes the result
 * deterministic. Only articles for which `canSuggest` holds are suggested (drafts never are).
 * Returns an array parallel to `articles`.
 */
export function relatedArticles<T extends Relatable>(
  articles: readonly T[],
  count: number,
  canSuggest: (article: T) => boolean = () => true,
): T[][] {
  const byTopic = groupBy(articles, (article) => [article.topic]);
  const byTag = groupBy(articles, (article) => new Set(article.tags));
  const suggestable = articles.map(canSuggest);
  // One score table for all articles, reset after each: no allocation per article.
  const scores = new Int32Array(articles.length);
  const touched: number[] = [];
  /** Higher score first; among equals the one earlier in the feed (newer). */
  const ranksAbove = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);

  return articles.map((article, self) => {
    /** Scores the LOOKBACK suggestable articles after `self` in one index. */
    const add = (group: readonly number[] | undefined, weight: number) => {
      if (!group) return;
      let seen = 0;
      for (let at = firstAfter(group, self); at < group.length && seen < LOOKBACK; at++) {
        const index = group[at]!;
        if (!suggestable[index]) continue;
        seen++;
        if (scores[index] === 0) touched.push(index);
        scores[index]! += weight;
      }
    };
    add(byTopic.get(article.topic), TOPIC_WEIGHT);
    for (const tag of new Set(article.tags)) add(byTag.get(tag), 1);

    // The best `count` in one pass (insertion into a list of at most `count`), not a sort
    // of every candidate: linear in the candidates.
    const chosen: number[] = [];
    if (count > 0) {
      for (const index of touched) {
        if (chosen.length === count && !ranksAbove(index, chosen[count - 1]!)) continue;
        if (chosen.length === count) chosen.pop();
        let at = chosen.length;
        while (at > 0 && ranksAbove(index, chosen[at - 1]!)) at--;
        chosen.splice(at, 0, index);
      }
    }
    // Topped up with the latest earlier news that shares nothing.
    for (let index = self + 1; chosen.length < count && index < articles.length; index++) {
      if (suggestable[index] && scores[index] === 0) chosen.push(index);
    }
    for (const index of touched) scores[index] = 0;
    touched.length = 0;
    return chosen.map((index) => articles[index]!);
  });
}
