// Paginated lists (archive, topics, tags), numbered from the OLDEST so that pages stay put.
//
// Numbered from the newest (`/arkhiv/2/` = the second newest page), one new article shifts
// every page of every list it is on: a publish rewrites the whole archive, and a link to
// page 7 shows other news tomorrow. Here:
// - the list's first URL (`/arkhiv/`, `/temy/x/`) shows its newest articles: all that are
//   not on a full numbered page, so between `size` and 2 × `size` − 1 of them (all of a
//   short list);
// - older ones are on pages numbered from the oldest: `/arkhiv/1/` holds the first `size`
//   articles ever published. A numbered page is made only once it is full, and its articles
//   never change after that;
// - the links between pages name numbers near the page and the first page, and «newest» for
//   the first URL, never the count of pages, which grows.
// So a new article changes the list's first page and, once per `size` articles, makes a new
// numbered page and updates the links of the three before it (their windows reach the
// newest): a bounded set, whatever the archive's size. (Deleting or re-dating an article
// shifts every newer numbered page of its lists: rare, and not bounded.) Pages are cut once
// per build, so Eleventy renders every list page of the site from one flat array with
// `pagination: { size: 1 }`.

export interface ListPage<T> {
  /** Site-root URL: the list's first page is `base`, the numbered ones `base` + "1/", "2/" … */
  url: string;
  /** The page's number counted from the oldest; 0 for the list's first page (its newest articles). */
  number: number;
  /** Newest first. */
  items: T[];
  /** How many items the whole list has: on the first page only (it would change every page). */
  count?: number;
  /** Towards newer items: the next numbered page, or the list's first page. */
  newerUrl?: string;
  /** Towards older items. */
  olderUrl?: string;
  /** The links to show: the oldest page, a window of numbers around this page, the newest. */
  links: PageLink[];
}

export type PageLink = { number: number; url: string; current: boolean } | { newest: true; url: string; current: boolean } | { gap: true };

/** How many page numbers to show either side of the current one. */
const WINDOW = 2;

/** The URL of numbered page `number` (0: the list's first page). */
export function pageUrl(base: string, number: number): string {
  return number === 0 ? base : `${base}${number}/`;
}

/**
 * The links of page `current` (0: the first page) of a list with `full` numbered pages:
 * 1 … current ± WINDOW … newest. Nothing that depends on how many pages there are beyond the
 * window, so full pages far from the newest never change.
 */
export function pageLinks(base: string, current: number, full: number): PageLink[] {
  if (full === 0) return [];
  // Positions 1 … full are the numbered pages, full + 1 the first page (the newest).
  const newest = full + 1;
  const at = current === 0 ? newest : current;
  const links: PageLink[] = [];
  let previous = 0;
  for (let position = 1; position <= newest; position++) {
    if (position !== 1 && position !== newest && Math.abs(position - at) > WINDOW) continue;
    if (position - previous > 1) links.push({ gap: true });
    links.push(position === newest ? { newest: true, url: base, current: current === 0 } : { number: position, url: pageUrl(base, position), current: position === current });
    previous = position;
  }
  return links;
}

/**
 * Cuts `items` (newest first) into the list's first page and its full numbered pages; an
 * empty list still has its (empty) first page.
 */
export function paginate<T>(items: readonly T[], size: number, base: string): ListPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Page size must be a whole number ≥ 1, not ${size}`);
  const count = items.length;
  // Full numbered pages: as many as leave the first page at least `size` items.
  const full = Math.max(0, Math.floor(count / size) - 1);
  const onFirst = count - full * size;
  const first: ListPage<T> = {
    url: base,
    number: 0,
    items: items.slice(0, onFirst),
    count,
    olderUrl: full > 0 ? pageUrl(base, full) : undefined,
    links: pageLinks(base, 0, full),
  };
  const numbered = Array.from({ length: full }, (_, index): ListPage<T> => {
    const number = index + 1;
    // Oldest-first positions (number − 1) × size … number × size − 1, newest first.
    const end = count - (number - 1) * size;
    return {
      url: pageUrl(base, number),
      number,
      items: items.slice(end - size, end),
      newerUrl: pageUrl(base, number < full ? number + 1 : 0),
      olderUrl: number > 1 ? pageUrl(base, number - 1) : undefined,
      links: pageLinks(base, number, full),
    };
  });
  return [first, ...numbered.reverse()];
}
