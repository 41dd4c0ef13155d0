// The one markdown-it instance articles are rendered with.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { imageSize } from "image-size";
import MarkdownItFactory, { type MarkdownIt } from "markdown-it";
import { UKRAINIAN_QUOTES, ukrainianTypography } from "./typography.js";
import { videoSlot } from "./video.js";

export interface MarkdownOptions {
  /** The «Відео дня» block goes after this many top-level paragraphs. */
  videoAfterParagraph: number;
  /** Folder that root-relative image URLs ("/images/a.jpg") point into, to read image sizes. */
  siteRoot?: string;
}

/**
 * Images in articles load only when the reader scrolls near them, and carry their width and
 * height (read from the file, once per build) so the text does not jump when they arrive.
 */
function lazyImages(md: MarkdownIt, siteRoot: string | undefined): void {
  const renderImage = md.renderer.rules.image!;
  const sizes = new Map<string, { width?: number; height?: number } | undefined>();
  const sizeOf = (src: string) => {
    if (!siteRoot || !src.startsWith("/") || src.startsWith("//")) return undefined;
    if (!sizes.has(src)) {
      const file = join(siteRoot, decodeURIComponent(src.split(/[?#]/)[0]!));
      sizes.set(src, existsSync(file) ? imageSize(readFileSync(file)) : undefined);
    }
    return sizes.get(src);
  };
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const size = sizeOf(String(token.attrGet("src") ?? ""));
    if (size?.width && size.height) {
      token.attrSet("width", String(size.width));
      token.attrSet("height", String(size.height));
    }
    token.attrSet("loading", "lazy");
    token.attrSet("decoding", "async");
    return renderImage(tokens, index, options, env, self);
  };
}

export function createMarkdown({ videoAfterParagraph, siteRoot }: MarkdownOptions): MarkdownIt {
  return new MarkdownItFactory({
    // Raw HTML is on: the content model refuses anything but plain structural HTML before a
    // page is built (see raw-html.ts). markdown-it's own link validation refuses
    // javascript:, vbscript:, file: and data: (but images) URLs in Markdown links.
    html: true,
    typographer: true,
    quotes: UKRAINIAN_QUOTES,
  })
    .use(ukrainianTypography)
    .use(lazyImages, siteRoot)
    .use(videoSlot, videoAfterParagraph);
}

/** An article's body as its page shows it: with the slot «Відео дня» goes into (see video.ts). */
export function renderArticleBody(md: MarkdownIt, body: string): string {
  return md.render(body, { videoSlot: true });
}
