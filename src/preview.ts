// The preview (`npm start`) rebuilds on every save. With 10,000 articles, rewriting every
// page takes seconds, but one edit changes few pages: the article itself, the articles
// whose related block shows it, the list pages it is on. So a preview rebuild writes only
// the article and list pages whose content differs from the last successful build's,
// found by comparing, as data, what each page is made of. (Pages of a renamed or deleted
// article stay in the preview's _site/ until the preview restarts; a production build
// never publishes them, see publish.ts.)
import type { Article, Listing, NewsSite, PagesToWrite } from "./content/index.js";
import { isPublishedSite } from "./publish.js";

/**
 * A preview refused to build into a site that `strichka build` published (its manifest lies
 * beside it): the drafts the preview shows would go live with the next deploy.
 */
export class PreviewOutputError extends Error {
  override readonly name = "PreviewOutputError";
  /** Tells Eleventy's error printer to show the message only: the stack means nothing here. */
  readonly skipOriginalStack = true;
  constructor(readonly output: string) {
    super(
      `The preview would write drafts into ${output}, a site that \`strichka build\` published, and they would go live with the next deploy; ` +
        "nothing was written. Run `npm start`, which previews into _preview/, or pass another folder: --output=_preview",
    );
  }
}

/** Refuses, before anything is written, to preview into a published site. */
export function checkPreviewOutput(output: string): void {
  if (isPublishedSite(output)) throw new PreviewOutputError(output);
}

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

/** An article as a list shows it: anything but its related news. */
const withoutRelated = (article: Article) => ({ ...article, related: undefined });

interface Pages {
  articles: Map<string, Article>;
  listings: Map<string, Listing>;
  buildYear: number;
}

export class PreviewPages {
  #built: Pages | undefined;
  #pending: Pages | undefined;

  /**
   * The pages whose content changed since the last committed build, or all of them when
   * `everything` is true (the first build; a change to data, templates or assets).
   */
  select(news: NewsSite, everything: boolean): PagesToWrite {
    const built = this.#built;
    this.#pending = {
      articles: new Map(news.articles.map((article) => [article.url, article])),
      listings: new Map(news.listings.map((listing) => [listing.url, listing])),
      buildYear: news.buildYear,
    };
    if (everything || !built || built.buildYear !== news.buildYear) return { articles: news.articles, listings: news.listings };
    // An unchanged file's body, front matter and derived fields are the very same values
    // (the content model's cache), so most comparisons end at the first identity check.
    const articles = news.articles.filter((article) => !sameData(built.articles.get(article.url), article));
    // A list page changes with its own fields, its articles, or anything of one of them
    // (whatever a site's own list template shows), but their related news.
    const changedForLists = new Set(
      articles
        .filter((article) => {
          const before = built.articles.get(article.url);
          return !before || !sameData(withoutRelated(before), withoutRelated(article));
        })
        .map((article) => article.url),
    );
    const listings = news.listings.filter((listing) => {
      const before = built.listings.get(listing.url);
      return (
        !before ||
        before.items.length !== listing.items.length ||
        listing.items.some((item, index) => item.url !== before.items[index]!.url || changedForLists.has(item.url)) ||
        !sameData({ ...before, items: undefined }, { ...listing, items: undefined })
      );
    });
    return { articles, listings };
  }

  /** The last selected build has been written: later selections compare with it. */
  commit(): void {
    if (this.#pending) this.#built = this.#pending;
    this.#pending = undefined;
  }
}
