// «Вас також можуть зацікавити новини:» — related news from indexes built once per build
// (topic → articles, tag → articles), so each article looks only at its neighbours in
// those indexes instead of comparing every pair of articles.

export interface Relatable {
  topic: string;
  tags: readonly string[];
}

/** A shared topic counts as much as two shared tags. */
const TOPIC_WEIGHT = 2;

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

/**
 * For every article, up to `count` others: the most shared topic and tags first, newer first
 * among equals, topped up with the latest news when too few are related.
 * `articles` must already be in the feed's order (newest first, ties in a fixed order);
 * that order is the tie-break, which makes the result deterministic.
 * Only articles for which `canSuggest` holds are suggested (drafts never are).
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

  return articles.map((article, self) => {
    const scores = new Map<number, number>();
    const add = (indexes: readonly number[] | undefined, weight: number) => {
      for (const index of indexes ?? []) {
        if (index !== self && suggestable[index]) scores.set(index, (scores.get(index) ?? 0) + weight);
      }
    };
    add(byTopic.get(article.topic), TOPIC_WEIGHT);
    for (const tag of new Set(article.tags)) add(byTag.get(tag), 1);

    const chosen = [...scores]
      .sort(([indexA, scoreA], [indexB, scoreB]) => scoreB - scoreA || indexA - indexB)
      .slice(0, count)
      .map(([index]) => index);
    for (let index = 0; chosen.length < count && index < articles.length; index++) {
      if (index !== self && suggestable[index] && !scores.has(index)) chosen.push(index);
    }
    return chosen.map((index) => articles[index]!);
  });
}
