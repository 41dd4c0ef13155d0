// URLs inside HTML that markdown-it wrote: its attributes are always double-quoted and
// escaped, so a pattern over href/src is exact for that HTML (not for arbitrary HTML).

/** Rewrites every href and src value, and each URL of a srcset; `rewrite` gets and returns the unescaped URL. */
export function rewriteUrls(html: string, rewrite: (url: string) => string): string {
  return html.replace(/\b(href|src|srcset)="([^"]*)"/g, (whole, attribute: string, value: string) => {
    if (attribute === "srcset") {
      // "url 400w, url 800w": URLs without spaces or commas (as the photos' are).
      const rewritten = value.replace(/(^|,\s*)([^\s,]+)/g, (_, before: string, url: string) => before + rewrite(url.replace(/&amp;/g, "&")).replace(/&/g, "&amp;").replace(/"/g, "&quot;"));
      return `srcset="${rewritten}"`;
    }
    const url = value.replace(/&amp;/g, "&");
    const rewritten = rewrite(url);
    return rewritten === url ? whole : `${attribute}="${rewritten.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`;
  });
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Absolute against `base`: for feeds, which are read far from the site. */
export function absolutizeUrls(html: string, base: string): string {
  return rewriteUrls(html, (url) => {
    if (HAS_SCHEME.test(url) || url.startsWith("#")) return url;
    try {
      return new URL(url, base).href;
    } catch {
      return url;
    }
  });
}
