// The one markdown-it instance articles are rendered with.
import MarkdownItFactory, { type MarkdownIt } from "markdown-it";
import { UKRAINIAN_QUOTES, ukrainianTypography } from "./typography.js";
import { videoSlot } from "./video.js";

export interface MarkdownOptions {
  /** The «Відео дня» block goes after this many top-level paragraphs. */
  videoAfterParagraph: number;
}

/** Images in articles load only when the reader scrolls near them. */
function lazyImages(md: MarkdownIt): void {
  const renderImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    tokens[index]!.attrSet("loading", "lazy");
    tokens[index]!.attrSet("decoding", "async");
    return renderImage(tokens, index, options, env, self);
  };
}

export function createMarkdown({ videoAfterParagraph }: MarkdownOptions): MarkdownIt {
  return new MarkdownItFactory({
    // Raw HTML is on: the content model refuses anything but plain structural HTML before a
    // page is built (see raw-html.ts). markdown-it's own link validation refuses
    // javascript:, vbscript:, file: and data: (but images) URLs in Markdown links.
    html: true,
    typographer: true,
    quotes: UKRAINIAN_QUOTES,
  })
    .use(ukrainianTypography)
    .use(lazyImages)
    .use(videoSlot, videoAfterParagraph);
}
