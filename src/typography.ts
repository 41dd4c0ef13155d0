// Ukrainian typography through markdown-it's own typographer (quotes, ellipses, dashes),
// plus the one rule it lacks: a spaced hyphen between words is an em dash, tied to the
// word before it with a no-break space so a line never starts with a dash.
import MarkdownItFactory, { type MarkdownIt } from "markdown-it";
import type { StateCore } from "markdown-it";

/** «…» outside, „…“ inside, as Ukrainian style guides prescribe. */
export const UKRAINIAN_QUOTES = "«»„“";

const SPACED_DASH = /(^|\S)[ \u00a0](?:-{1,3}|–|—)(?= )/g;

function ukrainianDashes(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    for (const token of block.children) {
      if (token.type === "text") token.content = token.content.replace(SPACED_DASH, "$1\u00a0—");
    }
  }
}

/** markdown-it plugin: adds the Ukrainian dash rule after the typographer's own rules. */
export function ukrainianTypography(md: MarkdownIt): void {
  md.core.ruler.after("smartquotes", "ukrainian_dashes", ukrainianDashes);
}

// A markdown-it with nothing but the typographer: plain text stays plain text
// (no emphasis, links or entities), so it is safe for titles, ledes and <title>.
const plainText = new MarkdownItFactory("zero", { typographer: true, quotes: UKRAINIAN_QUOTES })
  .enable(["replacements", "smartquotes"])
  .use(ukrainianTypography);

/** Typography for plain text such as a headline: `"Великої сімки" - п'ять` → «Великої сімки» — п’ять. */
export function typographText(text: string): string {
  const [inline] = plainText.parseInline(text, {});
  return (inline?.children ?? []).map((token) => token.content).join("");
}
