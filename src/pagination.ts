// Paginated lists (archive, topics, tags): pages cut once per build, so Eleventy renders
// every list page of the site from one flat array with `pagination: { size: 1 }`.

export interface ListPage<T> {
  /** Site-root URL: the first page is `base`, the others `base` + "2/", "3/" … */
  url: string;
  /** 1-based. */
  number: number;
  total: number;
  /** How many items the whole list has. */
  count: number;
  items: T[];
  previousUrl?: string;
  nextUrl?: string;
  /** The numbered links to show: a window around this page, the first and the last. */
  links: PageLink[];
}

export type PageLink = { number: number; url: string; current: boolean } | { gap: true };

/** How many page numbers to show either side of the current one. */
const WINDOW = 2;

export function pageUrl(base: string, number: number): string {
  return number === 1 ? base : `${base}${number}/`;
}

/** First, last and current ± WINDOW, with gaps where numbers are left out: 1 … 4 5 [6] 7 8 … 40. */
export function pageLinks(base: string, current: number, total: number): PageLink[] {
  const links: PageLink[] = [];
  let previous = 0;
  for (let number = 1; number <= total; number++) {
    if (number !== 1 && number !== total && Math.abs(number - current) > WINDOW) continue;
    if (number - previous > 1) links.push({ gap: true });
    links.push({ number, url: pageUrl(base, number), current: number === current });
    previous = number;
  }
  return links;
}

/** Cuts `items` into pages of `size`; an empty list still has its (empty) first page. */
export function paginate<T>(items: readonly T[], size: number, base: string): ListPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Page size must be a whole number ≥ 1, not ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => {
    const number = index + 1;
    return {
      url: pageUrl(base, number),
      number,
      total,
      count: items.length,
      items: items.slice(index * size, number * size),
      previousUrl: number > 1 ? pageUrl(base, number - 1) : undefined,
      nextUrl: number < total ? pageUrl(base, number + 1) : undefined,
      links: pageLinks(base, number, total),
    };
  });
}
