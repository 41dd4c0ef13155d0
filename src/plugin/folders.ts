// Where things are: strichka's own site (the defaults a site may override) and the folders
// inside a site's input folder that the plugin publishes as they are.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ASSETS_DIR } from "../assets.js";

// The site strichka ships: layouts and partials, page templates (home, indexes, 404,
// feeds) and assets. In this repository they are our own site's files.
export const PACKAGE_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DEFAULT_INCLUDES = join(PACKAGE_ROOT, "_includes");
export const DEFAULT_INPUT = join(PACKAGE_ROOT, "content");

// The assets and images folders (inside the input folder) are declared by their modules; named here too, beside the other folders.
export { ASSETS_DIR };
export { IMAGES_DIR } from "../images.js";
/** The folder (inside Eleventy's input) of files published at the site's root as they are. */
export const PUBLIC_DIR = "public";

/** The site's own assets folder, or strichka's where the site has none. */
export function assetsFolder(input: string): string {
  const own = join(input, ASSETS_DIR);
  return existsSync(own) ? own : join(DEFAULT_INPUT, ASSETS_DIR);
}
