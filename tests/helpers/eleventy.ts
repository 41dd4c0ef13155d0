// Eleventy's programmatic API in this process, with a configuration given as a function
// (no config file): for tests of the plugin's wiring and of Eleventy's own behaviour.
import Eleventy from "@11ty/eleventy";

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

let queue: Promise<unknown> = Promise.resolve();

/**
 * Builds `siteDir` (working directory and input folder `input` inside it) with the given
 * configuration, in `runMode`, into `output`. Runs take turns: the working directory and
 * ELEVENTY_RUN_MODE are this process's own.
 */
export function runEleventy(siteDir: string, output: string, configure: (config: TestConfig) => void, { input = ".", runMode = "build" as "build" | "watch" | "serve" } = {}): Promise<Run> {
  const run = queue.then(() => runNow(siteDir, input, output, configure, runMode));
  queue = run.catch(() => undefined);
  return run;
}

async function runNow(siteDir: string, input: string, output: string, configure: (config: TestConfig) => void, runMode: "build" | "watch" | "serve"): Promise<Run> {
  const cwd = process.cwd();
  const savedRunMode = process.env.ELEVENTY_RUN_MODE;
  let error: unknown;
  let written: unknown;
  let eleventy: object | undefined;
  try {
    process.chdir(siteDir);
    // Eleventy keeps templates it has read in module-level caches, by path: each run reads its own site.
    const config = (eleventyConfig: TestConfig) => {
      eleventyConfig.setUseTemplateCache(false);
      configure(eleventyConfig);
    };
    // (`config`, Eleventy's programmatic config callback, is not in src/types/eleventy.d.ts.)
    const instance = new Eleventy(input, output, { quietMode: true, runMode, config } as never);
    eleventy = instance;
    written = await instance.write();
  } catch (thrown) {
    error = thrown ?? new Error("the build threw nothing");
  } finally {
    process.chdir(cwd);
    if (savedRunMode === undefined) delete process.env.ELEVENTY_RUN_MODE;
    else process.env.ELEVENTY_RUN_MODE = savedRunMode;
  }
  return { error, written, eleventy };
}

/** A strichka site's folders, as eleventy.config.ts sets them. */
export function strichkaFolders(config: TestConfig): void {
  config.setIncludesDirectory("../_includes");
  config.setDataDirectory("../_data");
  config.setTemplateFormats(["md", "njk"]);
}
