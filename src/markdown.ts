// The one markdown-it instance articles are rendered with.
import MarkdownItFactory, { type MarkdownIt } from "markdown-it";
import { UKRAINIAN_QUOTES, ukrainianTypography } from "./typography.js";
import { videoSlot } from "./video.js";

export interface MarkdownOptions {
  /** The «Відео дня» block goes after this many top-level paragraphs. */
  videoAfterParagraph: number;
}

export function createMarkdown({ videoAfterParagraph }: MarkdownOptions): MarkdownIt {
  return new MarkdownItFactory({
    // Raw HTML stays off until the hardening work settles what trusted authors may embed;
    // markdown-it's link validation already refuses javascript:, vbscript: and file: URLs.
    html: false,
    typographer: true,
    quotes: UKRAINIAN_QUOTES,
  })
    .use(ukrainianTypography)
    .use(videoSlot, videoAfterParagraph);
}
