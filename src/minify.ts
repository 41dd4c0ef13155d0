// html-minifier-terser, run once per build on the templates instead of once per page.
//
// Measured at 10,000 articles: minifying every page cost 12.5 s and, since Eleventy runs
// all transforms at once, took peak memory from 0.9 to 2.25 GB. But what the minifier
// removes (indentation, newlines, comments, redundant attributes) comes from the layouts,
// which are the same for every page; the article bodies are markdown-it's output, which is
// already compact. So the layouts, partials and HTML page templates are minified when the
// build starts, Nunjucks tags kept as they are, and Nunjucks compiles the minified source
// (an extension's `preprocess` hook). Pages come out minified with no per-page cost.
import { readFile } from "node:fs/promises";
import { minify, type Options } from "html-minifier-terser";
import { ContentError, type ContentProblem } from "./errors.js";
import { parseYaml, splitFrontMatter } from "./front-matter.js";
import type { UrlScheme } from "./urls.js";
import { walkFiles } from "./walk.js";

export const MINIFY_OPTIONS: Options = {
  collapseWhitespace: true,
  // A run of white space becomes one space, never none: around Nunjucks tags the minifier
  // cannot see what will be printed, so removing space could join two words.
  conservativeCollapse: true,
  removeComments: true,
  collapseBooleanAttributes: true,
  removeRedundantAttributes: true,
  // Nunjucks tags, output and comments are left exactly as written.
  ignoreCustomFragments: [/\{%[\s\S]*?%\}/, /\{\{[\s\S]*?\}\}/, /\{#[\s\S]*?#\}/],
};

/** Minifies the HTML of a Nunjucks template, its tags untouched. */
export function minifyTemplate(source: string): Promise<string> {
  return minify(source, MINIFY_OPTIONS);
}

/**
 * Minified versions of the HTML templates of a build, looked up by their source text (as
 * Nunjucks receives it: without front matter). A template that is not known, or whose
 * text differs, is compiled as written.
 */
export class MinifiedTemplates {
  #bySource = new Map<string, string>();

  /** For Nunjucks' `preprocess` hook: the minified source, or the source itself. */
  readonly lookup = (source: string): string => this.#bySource.get(source) ?? source;

  clear(): void {
    this.#bySource.clear();
  }

  /**
   * Minifies every .njk file below `dirs` that produces HTML: layouts and partials, and
   * pages whose permalink (if any) writes HTML (see writesHtml; `urls`, the site's scheme,
   * fills in `{{ strichka.urls.… }}`). Feeds, sitemaps and robots.txt are not HTML.
   * Links are followed; a link in circles or to nothing fails with a ContentError (see walk.ts).
   */
  async load(dirs: readonly string[], skip: (path: string) => boolean = () => false, urls?: UrlScheme): Promise<void> {
    const problems: ContentProblem[] = [];
    for (const dir of dirs) {
      const { files, problems: found } = walkFiles(dir, { wanted: (name) => name.endsWith(".njk"), skip });
      problems.push(...found);
      for (const path of files) {
        const text = await readFile(path, "utf8");
        const { yaml, body } = splitFrontMatter(text);
        if (yaml !== null && text.includes("\r")) continue; // CRLF: gray-matter's body would differ from ours
        let permalink: unknown;
        try {
          permalink = yaml ? parseYaml(yaml).permalink : undefined;
        } catch {
          continue;
        }
        if (typeof permalink === "string" && !writesHtml(permalink, urls)) continue;
        this.#bySource.set(body, await minifyTemplate(body));
      }
    }
    if (problems.length > 0) throw new ContentError(problems);
  }
}

/**
 * Whether a permalink writes an HTML file: it ends in ".html", or in "/" (Eleventy writes
 * index.html there). Our pages' permalinks are the scheme's URLs (`"{{ strichka.urls.offline }}"`),
 * filled in from `urls` here, before any page is rendered; any other tag is not known yet, so
 * such a page stays as written (feeds must never go through the HTML minifier).
 */
function writesHtml(permalink: string, urls?: UrlScheme): boolean {
  const scheme = urls as unknown as Record<string, unknown> | undefined;
  const url = permalink.replace(/\{\{\s*strichka\.urls\.(\w+)\s*\}\}/g, (tag, name: string) => {
    const value = scheme?.[name];
    return typeof value === "string" ? value : tag;
  });
  return /(?:\.html|\/)$/.test(url.trim());
}
