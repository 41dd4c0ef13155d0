import { describe, expect, it } from "vitest";
import { createMarkdown } from "../src/markdown.js";
import { placeVideo, VIDEO_SLOT, videoForDay, youtubeEmbedUrl, youtubeWatchUrl } from "../src/video.js";

const videos = [
  { date: "2026-01-08", title: "A", youtube: "aaaaaaaaaaa" },
  { date: "2026-01-10", title: "B", youtube: "bbbbbbbbbbb" },
  { date: "2026-01-14", title: "C", youtube: "ccccccccccc" },
];

describe("videoForDay", () => {
  it("takes the day's own video", () => {
    expect(videoForDay(videos, "2026-01-10")?.title).toBe("B");
    expect(videoForDay(videos, "2026-01-14")?.title).toBe("C");
  });

  it("else the latest earlier one", () => {
    expect(videoForDay(videos, "2026-01-09")?.title).toBe("A");
    expect(videoForDay(videos, "2026-01-13")?.title).toBe("B");
    expect(videoForDay(videos, "2027-01-01")?.title).toBe("C");
  });

  it("else none", () => {
    expect(videoForDay(videos, "2026-01-07")).toBeUndefined();
    expect(videoForDay([], "2026-01-07")).toBeUndefined();
  });
});

describe("YouTube URLs", () => {
  it("embeds only through youtube-nocookie, links to the watch page", () => {
    expect(youtubeEmbedUrl("M7lc1UVf-VE")).toBe("https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1");
    expect(youtubeWatchUrl("M7lc1UVf-VE")).toBe("https://www.youtube.com/watch?v=M7lc1UVf-VE");
  });

  it("refuses anything that is not a video id", () => {
    expect(() => youtubeEmbedUrl('x"><script>')).toThrow(/Not a YouTube video id/);
    expect(() => youtubeWatchUrl("short")).toThrow(/Not a YouTube video id/);
  });
});

describe("the video slot in an article body", () => {
  const md = createMarkdown({ videoAfterParagraph: 3 });
  const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `Абзац ${i + 1}.`).join("\n\n");

  it("goes after the third top-level paragraph", () => {
    const html = md.render(paragraphs(5), { videoSlot: true });
    expect(html.indexOf(VIDEO_SLOT)).toBeGreaterThan(html.indexOf("Абзац 3."));
    expect(html.indexOf(VIDEO_SLOT)).toBeLessThan(html.indexOf("Абзац 4."));
  });

  it("does not count paragraphs inside quotes and lists", () => {
    const html = md.render(`Перший.\n\n> Цитата.\n>\n> Ще цитата.\n\n- пункт\n\n- ще пункт\n\nДругий.\n\nТретій.\n\nЧетвертий.`, { videoSlot: true });
    expect(html.indexOf(VIDEO_SLOT)).toBeGreaterThan(html.indexOf("Третій."));
    expect(html.indexOf(VIDEO_SLOT)).toBeLessThan(html.indexOf("Четвертий."));
  });

  it("goes at the end of a shorter body", () => {
    expect(md.render(paragraphs(2), { videoSlot: true }).trimEnd().endsWith(VIDEO_SLOT)).toBe(true);
  });

  it("is only put in articles", () => {
    expect(md.render(paragraphs(5))).not.toContain(VIDEO_SLOT);
  });

  it("is configurable", () => {
    const html = createMarkdown({ videoAfterParagraph: 1 }).render(paragraphs(3), { videoSlot: true });
    expect(html.indexOf(VIDEO_SLOT)).toBeLessThan(html.indexOf("Абзац 2."));
  });

  it("is replaced by the block, or by nothing", () => {
    const html = md.render(paragraphs(4), { videoSlot: true });
    expect(placeVideo(html, "<section>$&</section>")).toContain("<section>$&</section>");
    expect(placeVideo(html, "")).not.toContain(VIDEO_SLOT);
  });
});
