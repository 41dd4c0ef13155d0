// Checks of an article's text beyond its schema: control characters anywhere, raw HTML
// beyond what raw-html.ts allows, images from other hosts, empty headings.
import MarkdownItFactory from "markdown-it";
import { describeValue, type ContentProblem } from "../errors.js";
import { isSiteResource, rawHtmlProblems } from "../raw-html.js";

/** Control characters have no place in text; XML (feeds) does not even allow them. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function describeCharacter(text: string): string {
  const char = CONTROL_CHARACTER.exec(text)![0];
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

// Only to find raw HTML and images in a body: the pages are rendered by the plugin's own instance.
const bodyParser = new MarkdownItFactory({ html: true });

/**
 * Problems in an article's Markdown body, with file lines: control characters, raw HTML
 * beyond what raw-html.ts allows, images from other hosts, empty headings.
 */
export function bodyProblems(body: string, bodyLine: number, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  body.split("\n").forEach((line, index) => {
    if (CONTROL_CHARACTER.test(line)) {
      problems.push({ file, line: bodyLine + index, message: `has an invisible control character (${describeCharacter(line)}); delete it (it often comes with text pasted from other programs)` });
    }
  });
  // Most articles have no HTML, no images and no empty headings: skip the parse for them. An
  // empty heading is a line of only #s and spaces (maybe inside a quote or a list item), or
  // blank text over a setext underline (=== or ---).
  if (!/<[a-z!/?]|!\[|^[ \t>*+\-0-9.)]*#[#\s]*$|^ {0,3}(?:=+|-+)[ \t]*$/im.test(body)) return problems;
  const tokens = bodyParser.parse(body, {});
  tokens.forEach((block, index) => {
    const line = block.map ? bodyLine + block.map[0] : undefined;
    if (block.type === "heading_open" && !tokens[index + 1]?.content.trim()) {
      problems.push({ file, line, message: "has an empty heading; write its text after the #, or delete the line" });
    }
    if (block.type === "html_block") {
      for (const message of rawHtmlProblems(block.content)) problems.push({ file, line, message: `raw HTML: ${message}` });
    }
    for (const token of block.children ?? []) {
      if (token.type === "html_inline") {
        for (const message of rawHtmlProblems(token.content)) problems.push({ file, line, message: `raw HTML: ${message}` });
      } else if (token.type === "image" && !isSiteResource(String(token.attrGet("src") ?? ""))) {
        problems.push({ file, line, message: `image ${describeValue(token.attrGet("src"))} is on another site; store images with the site (e.g. content/images/) so that no other site sees the reader` });
      }
    }
  });
  return problems;
}

/** Text fields with control characters, anywhere in the front matter. */
export function frontMatterControlCharacters(data: unknown, path: string, report: (field: string, message: string) => void): void {
  if (typeof data === "string") {
    if (CONTROL_CHARACTER.test(data)) report(path, `has an invisible control character (${describeCharacter(data)}); delete it`);
  } else if (Array.isArray(data)) {
    data.forEach((item, index) => frontMatterControlCharacters(item, `${path}[${index}]`, report));
  } else if (data && typeof data === "object") {
    for (const [key, value] of Object.entries(data)) frontMatterControlCharacters(value, path ? `${path}.${key}` : key, report);
  }
}
