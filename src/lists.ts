// Lists of news as Ukrainian news sites show them: under a heading per Kyiv day.

export interface DayGroup<T> {
  /** Kyiv calendar day, YYYY-MM-DD. */
  day: string;
  /** The first article's date, for formatting the heading. */
  date: Date;
  articles: T[];
}

/** Consecutive articles of the same Kyiv day, in the order given (newest first on our pages). */
export function groupByDay<T extends { day: string; date: Date }>(articles: readonly T[]): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const article of articles) {
    const last = groups.at(-1);
    if (last?.day === article.day) last.articles.push(article);
    else groups.push({ day: article.day, date: article.date, articles: [article] });
  }
  return groups;
}
