// The one markdown-it instance articles are rendered with.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { imageSize } from "image-size";
import MarkdownItFactory, { type MarkdownIt } from "markdown-it";
import { UKRAINIAN_QUOTES, ukrainianTypography } from "./typography.js";
import { pictureSources, type BodyImage, type ImageFile } from "./images.js";
import { videoSlot } from "./video.js";

/** An image file's size; undefined for a file that is not an image (it used to stop the build with a stack trace). */
function sizeOfFile(file: string): { width?: number; height?: number } | undefined {
  try {
    return imageSize(readFileSync(file));
  } catch {
    return undefined;
  }
}

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
      sizes.set(src, existsSync(file) ? sizeOfFile(file) : undefined);
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

/**
 * The photos of content/images/ whose files the content model checked (render env `photos`:
 * path inside content/images/ → file) become <picture>, made like an article's photo
 * (images.ts), with root-relative URLs the page makes relative; other images are as above.
 */
function pictureImages(md: MarkdownIt): void {
  const renderImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const photos = (env as { photos?: ReadonlyMap<string, ImageFile> } | undefined)?.photos;
    const token = tokens[index]!;
    const src = String(token.attrGet("src") ?? "");
    let file: ImageFile | undefined;
    if (photos && src.startsWith("/images/")) {
      try {
        file = photos.get(decodeURIComponent(src.slice("/images/".length).split(/[?#]/)[0]!));
      } catch {
        file = undefined;
      }
    }
    const picture = file && pictureSources({ file }, undefined);
    if (!picture) return renderImage(tokens, index, options, env, self);
    const alt = md.utils.escapeHtml(self.renderInlineAsText(token.children ?? [], options, env));
    const title = token.attrGet("title");
    const sources = picture.sources.map((source) => `<source type="${source.type}" srcset="${source.srcset}" sizes="${picture.sizes}">`).join("");
    return `<picture>${sources}<img src="${picture.src}" srcset="${picture.srcset}" sizes="${picture.sizes}" alt="${alt}"${title ? ` title="${md.utils.escapeHtml(String(title))}"` : ""} width="${picture.width}" height="${picture.height}" loading="lazy" decoding="async"></picture>`;
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
    .use(pictureImages)
    .use(videoSlot, videoAfterParagraph);
}

/**
 * An article's body as its page shows it: with the slot «Відео дня» goes into (see video.ts),
 * and its photos of content/images/ (`photos`, checked by the content model) as <picture>.
 */
export function renderArticleBody(md: MarkdownIt, body: string, photos: readonly BodyImage[] = []): string {
  return md.render(body, { videoSlot: true, ...(photos.length > 0 && { photos: new Map(photos.flatMap((photo) => (photo.file ? [[photo.src, photo.file]] : []))) }) });
}
