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
import { relative, sep } from "node:path";
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
   * fills in `{{ strichka.urls.… }}`) or, when it is known only as the page renders, whose
   * layout is an HTML document. Feeds, sitemaps and robots.txt are not HTML.
   * Links are followed; a link in circles or to nothing fails with a ContentError (see walk.ts).
   */
  async load(dirs: readonly string[], skip: (path: string) => boolean = () => false, urls?: UrlScheme): Promise<void> {
    const problems: ContentProblem[] = [];
    const templates: Template[] = [];
    for (const dir of dirs) {
      const { files, problems: found } = walkFiles(dir, { wanted: (name) => name.endsWith(".njk"), skip });
      problems.push(...found);
      for (const path of files) {
        const text = await readFile(path, "utf8");
        const { yaml, body } = splitFrontMatter(text);
        if (yaml !== null && text.includes("\r")) continue; // CRLF: gray-matter's body would differ from ours
        let data: { permalink?: unknown; layout?: unknown } | undefined;
        try {
          data = yaml ? (parseYaml(yaml) as typeof data) : undefined;
        } catch {
          continue;
        }
        templates.push({ name: relative(dir, path).split(sep).join("/"), body, permalink: data?.permalink, layout: data?.layout });
      }
    }
    if (problems.length > 0) throw new ContentError(problems);
    const isHtmlLayout = htmlLayouts(templates);
    for (const { body, permalink, layout } of templates) {
      if (typeof permalink === "string" && !writesHtml(permalink, urls, () => isHtmlLayout(layout))) continue;
      this.#bySource.set(body, await minifyTemplate(body));
    }
  }
}

/** A .njk file as load() read it: its path inside its folder, its source without front matter, and the two fields that say whether it is HTML. */
interface Template {
  name: string;
  body: string;
  permalink: unknown;
  layout: unknown;
}

/**
 * Whether a `layout:` names an HTML document: a template with a doctype, or one whose own
 * layout is (list.njk → base.njk). A page whose permalink is not known before rendering
 * (`{{ letterPage.url }}`) writes HTML when its layout is one; a feed has no such layout.
 * (Names are looked up in every folder, the first found wins, as the folders are given.)
 */
function htmlLayouts(templates: readonly Template[]): (layout: unknown) => boolean {
  const byName = new Map<string, Template>();
  for (const template of templates) if (!byName.has(template.name)) byName.set(template.name, template);
  return (layout) => {
    // Followed up the chain (a loop of layouts is Eleventy's to report: not HTML here). Eleventy also finds "list" as list.njk.
    const seen = new Set<string>();
    for (let name = layout; typeof name === "string" && !seen.has(name); ) {
      seen.add(name);
      const template = byName.get(name) ?? byName.get(`${name}.njk`);
      if (!template) return false;
      if (/<!doctype html/i.test(template.body)) return true;
      name = template.layout;
    }
    return false;
  };
}

/**
 * Whether a permalink writes an HTML file: it ends in ".html", or in "/" (Eleventy writes
 * index.html there). Our pages' permalinks are the scheme's URLs (`"{{ strichka.urls.offline }}"`),
 * filled in from `urls` here, before any page is rendered. One that still ends in another tag
 * (`{{ letterPage.url }}`) is known only as the page renders: it writes HTML when its layout
 * is an HTML document (`layoutIsHtml`, see htmlLayouts). Feeds must never go through the HTML
 * minifier.
 */
function writesHtml(permalink: string, urls: UrlScheme | undefined, layoutIsHtml: () => boolean): boolean {
  const url = fillSchemeUrls(permalink, urls).trim();
  if (/(?:\}\}|%\})$/.test(url)) return layoutIsHtml();
  return /(?:\.html|\/)$/.test(url);
}

/** `{{ strichka.urls.offline }}` → "/offline.html", from the site's URL scheme; other tags stay. */
function fillSchemeUrls(permalink: string, urls?: UrlScheme): string {
  const scheme = urls as unknown as Record<string, unknown> | undefined;
  return permalink.replace(/\{\{\s*strichka\.urls\.(\w+)\s*\}\}/g, (tag, name: string) => {
    const value = scheme?.[name];
    return typeof value === "string" ? value : tag;
  });
}
