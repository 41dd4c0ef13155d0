// Where things are: strichka's own site (the defaults a site may override) and the folders
// inside a site's input folder that the plugin publishes as they are.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The site strichka ships: layouts and partials, page templates (home, indexes, 404,
// feeds) and assets. In this repository they are our own site's files.
export const PACKAGE_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DEFAULT_INCLUDES = join(PACKAGE_ROOT, "_includes");
export const DEFAULT_INPUT = join(PACKAGE_ROOT, "content");

/** The folder (inside Eleventy's input) of the CSS, JS and images the pages use. */
export const ASSETS_DIR = "assets";
/** The folder (inside Eleventy's input) of the images articles show. */
export const IMAGES_DIR = "images";
/** The folder (inside Eleventy's input) of files published at the site's root as they are. */
export const PUBLIC_DIR = "public";

/** The site's own assets folder, or strichka's where the site has none. */
export function assetsFolder(input: string): string {
  const own = join(input, ASSETS_DIR);
  return existsSync(own) ? own : join(DEFAULT_INPUT, ASSETS_DIR);
}
