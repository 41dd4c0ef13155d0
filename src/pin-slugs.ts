// `strichka pin-slugs`: for sites made before article URLs came from file names. Until
// strichka 0.2 the slug was made from the headline at every build (so an edited headline
// moved the page); now it comes from the file name (slug.ts). An article whose file name
// gives another slug than its headline did gets its old slug written into its front matter,
// once, so that no published URL changes with the upgrade.
import { parseYaml, splitFrontMatter } from "./front-matter.js";
import { slugFromFileName, slugify } from "./slug.js";

/** The article's text with `slug:` added, or undefined when its URL already stays as it was (or it cannot be read). */
export function pinSlug(text: string, fileName: string): { text: string; slug: string } | undefined {
  const { yaml } = splitFrontMatter(text);
  if (yaml === null) return undefined;
  let data: Record<string, unknown>;
  try {
    data = parseYaml(yaml);
  } catch {
    return undefined; // The build reports it; nothing was published from it.
  }
  if (data.slug !== undefined || typeof data.title !== "string") return undefined;
  const titleSlug = slugify(data.title.trim());
  if (titleSlug === "" || titleSlug === slugFromFileName(fileName)) return undefined;
  // Before the closing ---, in the file's own line endings.
  const close = text.indexOf("\n---", text.indexOf("\n"));
  if (close === -1) return undefined;
  const eol = text[close - 1] === "\r" ? "\r\n" : "\n";
  return { text: `${text.slice(0, close + 1)}slug: ${titleSlug}${eol}${text.slice(close + 1)}`, slug: titleSlug };
}
