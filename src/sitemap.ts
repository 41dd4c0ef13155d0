// sitemap.xml (sitemaps.org 0.9): every public page with its last change.
import { escapeHtml } from "./feeds.js";

export interface SitemapEntry {
  /** Absolute URL. */
  url: string;
  lastmod?: Date;
}

export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    ({ url, lastmod }) => `<url><loc>${escapeHtml(url)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}
