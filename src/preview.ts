// The preview (`npm start`) rebuilds on every save. With 10,000 articles, rewriting every
// page takes seconds, but one edit changes few pages: the article itself, the articles
// whose related block shows its title, the list pages it is on. So a preview rebuild
// writes only the article and list pages whose content differs from the previous build's,
// found by comparing what each page shows. (Pages of a renamed or deleted article stay in
// the preview's _site until the next full build; `npm run build` always starts afresh.)
import type { Article, Listing, NewsSite, PagesToWrite } from "./content.js";

/** Equal as data: primitives, Dates, arrays and plain objects, compared all the way down. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** What a list shows of an article. */
function sameLink(a: Article, b: Article): boolean {
  return a.url === b.url && a.title === b.title && a.date.getTime() === b.date.getTime() && a.dateOnly === b.dateOnly && a.topic.url === b.topic.url && a.topic.title === b.topic.title;
}

/** Whether a list page shows the same: its own fields, and the same link for each article. */
export function sameListing(a: Listing, b: Listing): boolean {
  return a.items.length === b.items.length && a.items.every((item, index) => sameLink(item, b.items[index]!)) && sameData({ ...a, items: undefined }, { ...b, items: undefined });
}

export class PreviewPages {
  #articles = new Map<string, Article>();
  #listings = new Map<string, Listing>();

  /**
   * The pages whose content changed since the previous call, or all of them when
   * `everything` is true (the first build; a change to data, templates or assets).
   */
  select(news: NewsSite, everything: boolean): PagesToWrite {
    const changed: PagesToWrite = {
      // An unchanged file's body, front matter and derived fields are the very same values
      // (the content model's cache), so most comparisons end at the first identity check.
      articles: everything ? news.articles : news.articles.filter((article) => !sameData(this.#articles.get(article.url), article)),
      listings: everything ? news.listings : news.listings.filter((listing) => {
        const before = this.#listings.get(listing.url);
        return !before || !sameListing(before, listing);
      }),
    };
    this.#articles = new Map(news.articles.map((article) => [article.url, article]));
    this.#listings = new Map(news.listings.map((listing) => [listing.url, listing]));
    return changed;
  }
}
