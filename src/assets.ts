// Fingerprinted assets: in production the site's CSS and JS are published as
// /static/<name>.<hash>.<ext>, so hosts may cache them for a year ("immutable") and a
// changed file always gets a new name. The hash is of the published bytes.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";

/** The folder (inside Eleventy's input) of the CSS, JS and images the pages use, published as /assets/. */
export const ASSETS_DIR = "assets";
export const FINGERPRINTED_DIR = "/static/";

/** Asset types that are fingerprinted; images and icons keep their names. */
const FINGERPRINTED = new Set([".css", ".js"]);

export interface Asset {
  /** Site-root URL of the source, e.g. "/assets/style.css". */
  url: string;
  /** Site-root URL it is published at, e.g. "/static/style.1a2b3c4d5e.css". */
  publishedUrl: string;
  content: Buffer;
}

export function fingerprintedName(fileName: string, content: Buffer | string): string {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  const extension = extname(fileName);
  return `${basename(fileName, extension)}.${hash}${extension}`;
}

/** Reads the CSS and JS of `dir` (published under `urlBase`) and names their fingerprinted copies. */
export async function readAssets(dir: string, urlBase: string): Promise<Asset[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const assets = await Promise.all(
    names
      .filter((name) => FINGERPRINTED.has(extname(name)))
      .sort()
      .map(async (name) => {
        const content = await readFile(join(dir, name));
        return { url: `${urlBase}${name}`, publishedUrl: `${FINGERPRINTED_DIR}${fingerprintedName(name, content)}`, content };
      }),
  );
  return assets;
}
