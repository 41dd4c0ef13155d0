// What a strichka plugin instance was set up with, found again from the Eleventy instance
// that ran the site's config: `strichka new` writes an article where that site's build reads
// articles (the plugin's articlesDir option), and `strichka build` tells the plugin what its
// output folder holds already.

export interface PluginSettings {
  /** Folder of the Markdown articles, relative to Eleventy's input folder. */
  articlesDir: string;
  /** The plugin's build, for `strichka build`'s incremental builds (see incremental.ts). */
  build: IncrementalBuild;
}

export interface IncrementalBuild {
  /** What the output folder holds already; undefined renders every page. */
  usePreviousPages(state: PageState | undefined): void;
  /** Keep parsed articles in `folder` between builds; `fresh` ignores what is there. */
  useArticleCache(folder: string, options: { fresh: boolean }): void;
  /** Keep what is known of the photo files in `file`; copy made photos from `published` (images.ts). */
  useImageState(file: string, published: string): void;
  /** Render big builds' article and list pages in shards (see shards.ts). */
  useShards(settings: ShardSettings): void;
  /** After Eleventy's run: the shards the article and list pages are still to be rendered in. */
  readonly pendingShards: { news: NewsSite; shards: readonly PagesToWrite[] } | undefined;
  /** Once the shards' files are written: the content model is not needed any more. */
  releaseModel(): void;
  /** After the build: its page state, and the files of the pages it did not render. */
  readonly incrementalResult: { state: PageState; keptFiles: readonly string[] } | undefined;
}

import type { NewsSite, PagesToWrite } from "./content/index.js";
import type { PageState } from "./incremental.js";
import type { ShardSettings } from "./shards.js";

// Kept on globalThis under a registered symbol, not in a module variable: a site's config may
// load another copy of this package than the one the command runs from.
const REGISTRY = Symbol.for("strichka.pluginSettings");
type Registry = WeakMap<object, PluginSettings>;

function registry(): Registry {
  const global = globalThis as { [REGISTRY]?: Registry };
  return (global[REGISTRY] ??= new WeakMap());
}

/** Called by the plugin with the config object Eleventy gave it. */
export function recordSettings(eleventyConfig: object, settings: PluginSettings): void {
  registry().set(eleventyConfig, settings);
}

/**
 * The settings of the strichka plugin that `eleventy`'s config added, once its config has been
 * read (`initializeConfig`); undefined when the config does not add the plugin. Eleventy hands
 * plugins its UserConfig, which the instance holds as `eleventyConfig.userConfig`: undocumented,
 * listed in docs/eleventy-internals.md and tested in tests/cli.test.ts.
 */
export function settingsOf(eleventy: object): PluginSettings | undefined {
  const userConfig = (eleventy as unknown as { eleventyConfig?: { userConfig?: object } }).eleventyConfig?.userConfig;
  return userConfig ? registry().get(userConfig) : undefined;
}
