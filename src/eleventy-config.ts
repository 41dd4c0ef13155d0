// The part of Eleventy 3's configuration API that strichka uses. Eleventy ships no
// TypeScript declarations for it (its "types" entry points at plain JavaScript).
import type { MarkdownIt } from "markdown-it";

/** What filters read of the page being rendered (`this.page`). */
export interface EleventyPage {
  url: string | false;
}

/** The part of a Nunjucks Environment that strichka touches. */
export interface NunjucksEnvironment {
  addExtension(name: string, extension: { tags: string[]; preprocess(source: string): string }): void;
  loaders?: { searchPaths?: string[] }[];
}

export interface EleventyConfig {
  /** Throws Eleventy's own message when the running Eleventy is outside `range` (semver). */
  versionCheck(range: string): void;
  addPlugin<Options>(plugin: (eleventyConfig: EleventyConfig, options: Options) => void, options?: Options): void;
  directories: { input: string; data: string; includes: string; layouts?: string; output: string };
  setLibrary(name: "md", library: MarkdownIt): void;
  setFrontMatterParsingOptions(options: {
    engines?: Record<string, (text: string) => object>;
  }): void;
  addDateParsing(callback: (value: unknown) => Date | undefined): void;
  addGlobalData(name: string, data: unknown): void;
  addFilter(name: string, filter: (this: { page?: EleventyPage }, ...args: never[]) => unknown): void;
  amendLibrary(name: "njk", callback: (environment: NunjucksEnvironment) => void): void;
  /** A virtual template: a body with front-matter data, or (for *.11ty.js) a module-like object. */
  addTemplate(virtualInputPath: string, content: string | { data: Record<string, unknown>; render(data: never): string | Buffer }, data?: Record<string, unknown>): void;
  addTemplateFormats(formats: string): void;
  addLayoutAlias(alias: string, path: string): void;
  /** `copyOptions.filter`: which files of a copied folder are copied (their paths relative to it, with "/"). */
  addPassthroughCopy(paths: string | Record<string, string>, copyOptions?: { filter?: (relativePath: string) => boolean }): void;
  /** Globs Eleventy does not read as templates. */
  ignores: { add(glob: string): void };
  /** What addPassthroughCopy has collected (a shard's run copies nothing, see shards.ts). */
  passthroughCopies: Record<string, unknown>;
  addWatchTarget(path: string): void;
  on(event: "eleventy.before" | "eleventy.after", listener: (event: { directories: { output: string }; runMode: string }) => unknown): void;
  /** Before a rebuild in watch mode, with the changed files ("./content/articles/x.md"). */
  on(event: "eleventy.beforeWatch", listener: (changedFiles: string[]) => unknown): void;
}
