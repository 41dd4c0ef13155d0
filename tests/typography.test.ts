import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../src/markdown.js";
import { typographText } from "../src/typography.js";
import { tempDir } from "./helpers/site.js";

describe("typographText (titles, ledes)", () => {
  it("turns typewriter quotes into «ялинки», nested into „лапки“", () => {
    expect(typographText('Зустріч "Великої сімки"')).toBe("Зустріч «Великої сімки»");
    expect(typographText("Він сказав: \"Програма 'Зима' працює\"")).toBe("Він сказав: «Програма „Зима“ працює»");
  });

  it("keeps apostrophes inside words as apostrophes", () => {
    expect(typographText("п'ять сімей з Прип'яті")).toBe("п’ять сімей з Прип’яті");
  });

  it("makes a spaced hyphen an em dash bound to the word before it", () => {
    expect(typographText("Київ - столиця")).toBe("Київ\u00a0— столиця");
    expect(typographText("Київ -- столиця")).toBe("Київ\u00a0— столиця");
    expect(typographText("Івано-Франківськ, 2020-2025")).toBe("Івано-Франківськ, 2020-2025");
  });

  it("leaves Markdown and HTML characters as plain text", () => {
    expect(typographText("*не курсив* <b>і не тег</b> &amp;")).toBe("*не курсив* <b>і не тег</b> &amp;");
  });
});

describe("article Markdown", () => {
  const md = createMarkdown({ videoAfterParagraph: 3 });

  it("applies the same typography to the body", () => {
    expect(md.render('"Великої сімки" - це п\'ять... ')).toBe("<p>«Великої сімки»\u00a0— це п’ять…</p>\n");
  });

  it("never makes javascript: or data: links clickable", () => {
    const html = md.render("[клік](javascript:alert(1)) [дані](data:text/html;base64,PHNjcmlwdD4=)");
    expect(html).not.toContain("<a");
  });

  it("gives images from the site their width and height", () => {
    const root = tempDir();
    mkdirSync(join(root, "images"));
    // A 3×2 GIF.
    writeFileSync(join(root, "images/a.gif"), Buffer.from("R0lGODlhAwACAIAAAP///wAAACH5BAEAAAAALAAAAAADAAIAAAICjF8AOw==", "base64"));
    const html = createMarkdown({ videoAfterParagraph: 3, siteRoot: root }).render("![Фото](/images/a.gif)");
    expect(html).toBe('<p><img src="/images/a.gif" alt="Фото" width="3" height="2" loading="lazy" decoding="async"></p>\n');
  });

  it("lazy-loads images", () => {
    expect(md.render("![Фото](/images/kyiv.jpg)")).toBe('<p><img src="/images/kyiv.jpg" alt="Фото" loading="lazy" decoding="async"></p>\n');
  });

  it("passes raw HTML through (the content model has checked it: see raw-html.ts)", () => {
    expect(md.render("<figure>\n\n![Фото](/images/a.jpg)\n\n</figure>")).toContain("<figure>");
  });
});
