// Eleventy's programmatic API in this process, with a configuration given as a function
// (no config file): for tests of the plugin's wiring and of Eleventy's own behaviour.
import { inProcess } from "./site.js";

/** The part of Eleventy's UserConfig these tests touch; the plugin's own parts are typed in src/eleventy-config.ts. */
export interface TestConfig {
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
  setUseTemplateCache(use: boolean): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addTemplate(path: string, content: unknown, data?: Record<string, unknown>): void;
  addGlobalData(name: string, data: unknown): void;
  amendLibrary(name: string, callback: (library: never) => void): void;
  on(event: string, listener: (...args: never[]) => unknown): void;
  directories: { input: string; includes: string; data: string; output: string };
  [other: string]: unknown;
}

export interface Run {
  /** What the build threw; undefined when it succeeded. */
  error: unknown;
  /** What write() resolved to. */
  written: unknown;
  /** The Eleventy instance that ran. */
  eleventy: object | undefined;
}

/**
 * Builds `siteDir` (working directory and input folder `input` inside it) with the given
 * configuration, in `runMode`, into `output`: in this process, one run at a time (see
 * inProcess in site.ts).
 */
export async function runEleventy(siteDir: string, output: string, configure: (config: TestConfig) => void, { input = ".", runMode = "build" as "build" | "watch" | "serve" } = {}): Promise<Run> {
  // (Eleventy's module-level template caches are emptied before each run: see inProcess.)
  const config = configure;
  let eleventy: object | undefined;
  const run = await inProcess(siteDir, async () => {
    // Imported inside the task, once inProcess has registered tsx (as in buildInProcess), never
    // at the top of this file: a test process that imported Eleventy before tsx was registered
    // then failed every later in-process build of a site whose own TypeScript config imports
    // src/index.js (cli.test's `strichka new`, locale.test): its plugin was not found.
    const { default: Eleventy } = await import("@11ty/eleventy");
    // (`config`, Eleventy's programmatic config callback, is not in src/types/eleventy.d.ts.)
    const instance = new Eleventy(input, output, { quietMode: true, runMode, config } as never);
    eleventy = instance;
    return instance.write() as Promise<unknown>;
  }, runMode);
  return { error: run.error, written: run.value, eleventy };
}

/** A strichka site's folders, as eleventy.config.ts sets them. */
export function strichkaFolders(config: TestConfig): void {
  config.setIncludesDirectory("../_includes");
  config.setDataDirectory("../_data");
  config.setTemplateFormats(["md", "njk"]);
}
