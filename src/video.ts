// «Відео дня»: which video an article shows, and where in its body the block goes.
import type { MarkdownIt } from "markdown-it";
import type { StateCore } from "markdown-it";
import type { ImageFile } from "./images.js";

export interface VideoOfTheDay {
  /** Kyiv calendar day, YYYY-MM-DD. */
  date: string;
  title: string;
  /** YouTube video id (11 characters). */
  youtube: string;
  /** Optional poster image (site path or absolute URL); YouTube's own is not used offline. */
  poster?: string;
  /** A poster in content/images/ ("/images/x.jpg"), once the content is checked: made like an article's photo (images.ts). */
  posterFile?: ImageFile;
}

/** YouTube ids are 11 characters of the URL-safe base64 alphabet. */
export const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/**
 * The video for a Kyiv day: that day's entry, else the latest earlier one, else none.
 * `videos` must be sorted by date ascending; binary search keeps this O(log n) per article.
 */
export function videoForDay(videos: readonly VideoOfTheDay[], day: string): VideoOfTheDay | undefined {
  let low = 0;
  let high = videos.length - 1;
  let found: VideoOfTheDay | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = videos[middle]!;
    if (candidate.date <= day) {
      found = candidate;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The embed URL, loaded only after the reader clicks; the privacy-enhanced host sets no cookies. */
export function youtubeEmbedUrl(id: string): string {
  if (!YOUTUBE_ID.test(id)) throw new TypeError(`Not a YouTube video id: ${id}`);
  return `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`;
}

/** The plain link that works without JavaScript. */
export function youtubeWatchUrl(id: string): string {
  if (!YOUTUBE_ID.test(id)) throw new TypeError(`Not a YouTube video id: ${id}`);
  return `https://www.youtube.com/watch?v=${id}`;
}

/** Where the video block goes in a rendered article body; the layout replaces it. */
export const VIDEO_SLOT = "<!--strichka:video-->";

/**
 * markdown-it plugin: when the render env has `videoSlot: true` (renderArticleBody gives it to
 * every article page), puts VIDEO_SLOT after the n-th top-level paragraph, or at the end of a
 * shorter body. Counting tokens is exact where searching the HTML for </p> is not
 * (paragraphs inside quotes and lists must not count).
 */
export function videoSlot(md: MarkdownIt, afterParagraph: number): void {
  md.core.ruler.push("strichka_video_slot", (state: StateCore) => {
    if ((state.env as { videoSlot?: unknown } | undefined)?.videoSlot !== true) return;
    const slot = new state.Token("html_block", "", 0);
    slot.content = `${VIDEO_SLOT}\n`;
    let seen = 0;
    let at = state.tokens.length;
    for (let index = 0; index < state.tokens.length; index++) {
      const token = state.tokens[index]!;
      if (token.type === "paragraph_close" && token.level === 0 && ++seen === afterParagraph) {
        at = index + 1;
        break;
      }
    }
    state.tokens.splice(at, 0, slot);
  });
}

/** Puts the rendered video block (or nothing) where the slot is. */
export function placeVideo(bodyHtml: string, blockHtml: string): string {
  return bodyHtml.replace(VIDEO_SLOT, () => blockHtml);
}
