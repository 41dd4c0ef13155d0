// Article photos (`image:` in the front matter): checked when the content is loaded, made
// once per version of each file into AVIF, WebP and JPEG at a few widths, and shown as
// <picture> in pages, og:image and JSON-LD, and enclosures in feeds.
//
// What a build keeps of each photo file is small: its content hash (the id of its outputs),
// width and height, and the byte size of the JPEG link previews use. That is kept between
// builds (ImageStore: on disk beside the site for `strichka build`, in memory for the
// preview), so a file whose modification time and size are unchanged is never read again,
// and one read again with the same bytes (a fresh clone) is never probed again. The outputs
// are named by the hash (/static/images/<id>-<width>.<format>), so a published one never
// changes, and a build encodes only the photos no earlier build made (see ensureOutputs).
import { createHash } from "node:crypto";
import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { mkdir, open, rename } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { imageSize } from "image-size";
import type { Article } from "./content/model.js";
import { describeValue, type ContentProblem } from "./errors.js";
import { relativeUrl } from "./urls.js";
import type { VideoOfTheDay } from "./video.js";

/** What the editor writes: `image: { src, alt, caption?, credit? }` (typography applied). */
export interface ImageText {
  /** The file, relative to content/images/ ("kyiv/vokzal.jpg"). */
  src: string;
  /** "" for a photo that only decorates. */
  alt: string;
  caption?: string;
  /** Shown as «Фото: УНІАН». */
  credit?: string;
}

/** One version of a photo file, shared by the articles that show it. */
export interface ImageFile {
  /** Names its outputs: a hash of the file's bytes and of how they are encoded. */
  id: string;
  /** As displayed (EXIF orientation applied). */
  width: number;
  height: number;
  /** Bytes of the JPEG link previews and feeds use (ogImage), once it has been made. */
  ogBytes?: number;
}

/** An article's photo: what the editor wrote, and the file it names once the content is checked. */
export interface ArticleImage extends ImageText {
  file?: ImageFile;
}

/**
 * A photo in an article's text (`![Опис](/images/x.jpg)`): its path inside content/images/, its
 * line, its file once checked. `linked`: the text links to the file as it is (a Markdown link,
 * raw HTML's href or src), so the original is published too (see originalsLeftOut).
 */
export interface BodyImage {
  src: string;
  line: number;
  file?: ImageFile;
  linked?: true;
}

/** Markdown images of content/images/ that are photos (raster files): what the body shows as <picture>. */
const BODY_IMAGE = /!\[[^\]\n]*\]\(\s*<?\/images\/([^\s)>]+\.(?:jpe?g|png|webp|avif|gif|tiff?))>?(?:\s+["'(][^)\n]*)?\)/gi;

/** Any mention of a photo of content/images/ by its URL: a link, raw HTML, a template's or a stylesheet's. */
const IMAGE_MENTION = /\/images\/([^\s)"'<>?#]+\.(?:jpe?g|png|webp|avif|gif|tiff?))/gi;

/**
 * The photos of content/images/ an article's Markdown body shows, each once, with its line
 * (`bodyLine`: the body's first); then those it links to as they are, marked `linked`.
 */
export function bodyImages(body: string, bodyLine: number): BodyImage[] {
  if (!body.includes("/images/")) return [];
  const found = new Map<string, BodyImage>();
  const lineAt = (index: number) => bodyLine + body.slice(0, index).split("\n").length - 1;
  /** Where the shown ones are: a mention inside one is not a link. */
  const shown: [number, number][] = [];
  if (body.includes("](")) {
    for (const match of body.matchAll(BODY_IMAGE)) {
      shown.push([match.index, match.index + match[0].length]);
      const src = decodedSrc(match[1]!);
      if (src !== undefined && !found.has(src)) found.set(src, { src, line: lineAt(match.index) });
    }
  }
  const linked = new Set<string>();
  for (const match of body.matchAll(IMAGE_MENTION)) {
    if (shown.some(([start, end]) => match.index >= start && match.index < end)) continue;
    const src = decodedSrc(match[1]!);
    if (src !== undefined && !linked.has(src)) linked.add(src);
  }
  return [...found.values(), ...[...linked].map((src): BodyImage => ({ src, line: bodyLine, linked: true }))];
}

/** A URL's path inside content/images/, decoded; undefined when it cannot be one. */
function decodedSrc(encoded: string): string | undefined {
  try {
    const src = decodeURIComponent(encoded);
    return imageSrcProblem(src) === undefined ? src : undefined;
  } catch {
    return undefined;
  }
}

/** The photos of content/images/ `text` (a template, a data file, a stylesheet) mentions by URL. */
export function imageMentions(text: string): string[] {
  if (!text.includes("/images/")) return [];
  return [...text.matchAll(IMAGE_MENTION)].flatMap((match) => decodedSrc(match[1]!) ?? []);
}

/** The folder (inside Eleventy's input) of the images articles show: content/images/. */
export const IMAGES_DIR = "images";
/** Narrower photos look blurred on phones and are refused by link previews. */
export const MIN_IMAGE_WIDTH = 600;
/** The widths made of each photo (never wider than the original): the article column at 1×–2× and a phone's. */
export const IMAGE_WIDTHS = [400, 800, 1200, 1600] as const;
/** og:image, NewsArticle.image and feed enclosures: Google's large previews want 1200 px. */
export const OG_WIDTH = 1200;
/** In <picture>'s order: the browser takes the first it can show; JPEG is the fallback and the one for previews. */
export const IMAGE_FORMATS = ["avif", "webp", "jpeg"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];
export const IMAGE_TYPES: Record<ImageFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" };
/** Under /static/: named by content, cached for a year like the fingerprinted CSS (netlify.toml). */
export const IMAGES_URL = "/static/images/";
/** Bump when the encoding below changes: every photo gets new names, and is made again. */
const PIPELINE = "1";
/** Files sharp reads that are photos (image-size's names). SVG, icons and PSDs are not. */
const PHOTO_TYPES = new Set(["jpg", "png", "webp", "avif", "heif", "gif", "tiff"]);

/**
 * The widths made of a photo `width` px wide: those of IMAGE_WIDTHS it reaches, and its own
 * width when it lies well between two (eleventy-img's rule, minimumThreshold 1.25: a
 * 1000 px photo gives 400 and 800, a 1100 px one 400, 800 and 1100).
 */
export function imageWidths(width: number): number[] {
  const widths: number[] = [];
  let lastWasBigEnough = true;
  for (const wanted of IMAGE_WIDTHS) {
    if (wanted > width) {
      if (lastWasBigEnough) widths.push(width);
      break;
    }
    widths.push(wanted);
    lastWasBigEnough = width > Math.floor(wanted * 1.25);
  }
  return [...new Set(widths)];
}

/** A width's height, as sharp makes it (rounded; eleventy-img's own figure rounds down, one pixel short at times). */
export function heightAt(file: ImageFile, width: number): number {
  return width === file.width ? file.height : Math.round((width * file.height) / file.width);
}

/** The output's URL from the site root. */
export function imageUrl(file: ImageFile, width: number, format: ImageFormat): string {
  return `${IMAGES_URL}${outputName(file, width, format)}`;
}

function outputName(file: ImageFile, width: number, format: ImageFormat): string {
  return `${file.id}-${width}.${format}`;
}

/** The JPEG for link previews and feeds: 1200 px, or the widest there is of a narrower photo. */
export function ogImage(file: ImageFile): { url: string; width: number; height: number } {
  const widths = imageWidths(file.width);
  const width = widths.includes(OG_WIDTH) ? OG_WIDTH : widths.filter((each) => each < OG_WIDTH).at(-1)!;
  return { url: imageUrl(file, width, "jpeg"), width, height: heightAt(file, width) };
}

/** Every output of a photo, relative to the site's folder ("static/images/…"). */
export function outputFiles(file: ImageFile): string[] {
  const widths = imageWidths(file.width);
  return IMAGE_FORMATS.flatMap((format) => widths.map((width) => imageUrl(file, width, format).slice(1)));
}

/** The photo's width in the layout: the article column (46rem less its padding), or the screen less the padding. */
export const PHOTO_SIZES = "(min-width: 46rem) 44rem, calc(100vw - 2rem)";

/** What partials/photo.njk writes of a photo, with URLs relative to the page. */
export interface PictureSources {
  /** AVIF and WebP, in that order, for <source>. */
  sources: { type: string; srcset: string }[];
  /** The JPEG fallback's srcset and src (800 px, or the widest there is below it). */
  srcset: string;
  src: string;
  sizes: string;
  /** The widest output's: the aspect ratio the page reserves before the photo arrives. */
  width: number;
  height: number;
}

/** The <picture> of `image` as seen from the page at `from` (undefined: URLs from the site root). */
export function pictureSources(image: { file?: ImageFile }, from: string | undefined, sizes = PHOTO_SIZES): PictureSources | undefined {
  const file = image.file;
  if (!file) return undefined;
  const url = (width: number, format: ImageFormat) => {
    const path = imageUrl(file, width, format);
    return from === undefined ? path : relativeUrl(path, from);
  };
  const widths = imageWidths(file.width);
  const srcset = (format: ImageFormat) => widths.map((width) => `${url(width, format)} ${width}w`).join(", ");
  const widest = widths.at(-1)!;
  const fallback = widths.filter((width) => width <= 800).at(-1)!;
  return {
    sources: IMAGE_FORMATS.filter((format) => format !== "jpeg").map((format) => ({ type: IMAGE_TYPES[format], srcset: srcset(format) })),
    srcset: srcset("jpeg"),
    src: url(fallback, "jpeg"),
    sizes,
    width: widest,
    height: heightAt(file, widest),
  };
}

/** Why `src` is not a path inside content/images/, or undefined when it is one. */
export function imageSrcProblem(src: string): string | undefined {
  const example = "write the file's path inside content/images/, e.g. src: kyiv-vokzal.jpg";
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//")) return `${describeValue(src)} is on another site; put the photo in content/images/ and ${example}`;
  if (src.startsWith("/images/")) return `${describeValue(src)} starts with /images/; ${example} (without /images/)`;
  if (src.startsWith("/") || src.includes("\\") || src.split("/").some((part) => part === "" || part === "." || part === "..")) return `${describeValue(src)} is not a path inside content/images/; ${example}`;
  return undefined;
}

/** A stored row as written in the state file, one JSON array a line. */
type StoredRow = [path: string, mtimeMs: number, size: number, hash: string, width: number, height: number, problem: string, ogBytes: number, damaged?: 1];

/** Bump when the rows or the probe change: an older file on disk is ignored. */
const STORE_FORMAT = `images-3/${PIPELINE}`;

/** Row flag: looked at this build. */
const SEEN = 1;

/** What a photo file was when last read (its row's fields). */
interface Probed {
  mtimeMs: number;
  size: number;
  /** git's blob id of the bytes (as articles' content hashes), 20 bytes. */
  hash: Uint8Array;
  /** 0 when the file is not a photo (its problem then). */
  width: number;
  height: number;
  problem?: string;
}

/**
 * What is known of the photo files, by their path inside content/images/ (see the top of
 * this file). One ImageFile per file a build looks at, shared by every article that shows it.
 *
 * Compact, for a million photos: a row per file in typed arrays (times, sizes, the 20 bytes
 * of its hash, its size in pixels, the preview JPEG's bytes), a Map from its path to its row,
 * problems in a Map of their own (few): ~155 bytes a photo loaded where an object a photo
 * took ~245 (BENCHMARKS.md), and the file is read and written a line at a time, never as
 * one string.
 */
export class ImageStore {
  #rows = new Map<string, number>();
  #count = 0;
  #mtimeMs = new Float64Array(0);
  #size = new Float64Array(0);
  #hash = new Uint8Array(0);
  #width = new Uint32Array(0);
  #height = new Uint32Array(0);
  /** -1: not known yet. */
  #ogBytes = new Int32Array(0);
  #flags = new Uint8Array(0);
  #problems = new Map<number, string>();
  /** Rows whose problem is that sharp could not decode the file. */
  #damaged = new Set<number>();
  /** This build's ImageFile of each row looked at. */
  #files: (ImageFile | undefined)[] = [];
  /** Rows by the first 30 bits of their hash (built when a read file needs it; a miss only means a probe). */
  #byHash: Map<number, number> | undefined;
  #dirty = false;
  /** Files read this build (tests: an unchanged photo is not read again). */
  filesRead = 0;

  /** Starts a build's checks: files are looked at again (their ImageFiles are this build's). */
  begin(): void {
    this.#flags.fill(0, 0, this.#count);
    this.#files = [];
    this.filesRead = 0;
  }

  /** A row for `path` (a new one at the end, the arrays grown by half when full). */
  #newRow(path: string): number {
    if (this.#count === this.#mtimeMs.length) {
      const capacity = Math.max(64, Math.ceil(this.#count * 1.5));
      const grow = <T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(array: T, make: (length: number) => T, width = 1): T => {
        const grown = make(capacity * width);
        grown.set(array);
        return grown;
      };
      this.#mtimeMs = grow(this.#mtimeMs, (length) => new Float64Array(length));
      this.#size = grow(this.#size, (length) => new Float64Array(length));
      this.#hash = grow(this.#hash, (length) => new Uint8Array(length), 20);
      this.#width = grow(this.#width, (length) => new Uint32Array(length));
      this.#height = grow(this.#height, (length) => new Uint32Array(length));
      this.#ogBytes = grow(this.#ogBytes, (length) => new Int32Array(length));
      this.#flags = grow(this.#flags, (length) => new Uint8Array(length));
    }
    const row = this.#count++;
    this.#rows.set(path, row);
    return row;
  }

  #write(row: number, probed: Probed, ogBytes = -1, damaged = false): void {
    this.#mtimeMs[row] = probed.mtimeMs;
    this.#size[row] = probed.size;
    this.#hash.set(probed.hash, row * 20);
    this.#width[row] = probed.width;
    this.#height[row] = probed.height;
    this.#ogBytes[row] = ogBytes;
    if (probed.problem !== undefined) this.#problems.set(row, probed.problem);
    else this.#problems.delete(row);
    if (damaged) this.#damaged.add(row);
    else this.#damaged.delete(row);
    this.#byHash?.set(hashKey(probed.hash), row);
  }

  #hashOf(row: number): Uint8Array {
    return this.#hash.subarray(row * 20, row * 20 + 20);
  }

  /**
   * The photo `src` (inside `folder`, content/images/), or why it cannot be one: missing, not
   * a file, not a photo, too narrow. `shown` names the folder in messages.
   */
  lookup(folder: string, src: string, shown: string): ImageFile | { problem: string; damaged?: true } {
    const path = join(folder, src);
    const stats = statSync(path, { throwIfNoEntry: false });
    let row = this.#rows.get(src);
    if (row !== undefined) this.#flags[row]! |= SEEN;
    if (!stats) return { problem: `${describeValue(src)} is not in ${shown}/; put the photo there, or correct the file's name (letters' case matters)` };
    if (!stats.isFile()) return { problem: `${describeValue(src)} is a folder in ${shown}/; name the photo's file inside it` };
    if (row === undefined || this.#mtimeMs[row] !== stats.mtimeMs || this.#size[row] !== stats.size) {
      const bytes = readFileSync(path);
      this.filesRead++;
      const hash = blobHash(bytes);
      const times = { mtimeMs: stats.mtimeMs, size: stats.size, hash };
      // The same bytes as before (a fresh clone's new times), or as another file: not probed again.
      const known = row !== undefined && equalBytes(this.#hashOf(row), hash) ? row : this.#rowByHash(hash);
      if (row === undefined) {
        row = this.#newRow(src);
        this.#flags[row] = SEEN;
      }
      if (known !== undefined) {
        const problem = this.#problems.get(known);
        this.#write(row, { ...times, width: this.#width[known]!, height: this.#height[known]!, ...(problem !== undefined && { problem }) }, this.#ogBytes[known], this.#damaged.has(known));
      } else {
        this.#write(row, { ...times, ...probe(bytes, src, shown) });
      }
      this.#files[row] = undefined;
      this.#dirty = true;
    }
    const problem = this.#problems.get(row);
    if (problem !== undefined) return { problem, ...(this.#damaged.has(row) && { damaged: true as const }) };
    let file = this.#files[row];
    if (!file) {
      const ogBytes = this.#ogBytes[row]!;
      file = { id: outputId(hex(this.#hashOf(row))), width: this.#width[row]!, height: this.#height[row]!, ...(ogBytes >= 0 && { ogBytes }) };
      // Its row, where what the outputs tell (ensureOutputs) is remembered.
      Object.defineProperty(file, "row", { value: row, enumerable: false });
      this.#files[row] = file;
    }
    return file;
  }

  #rowOf(file: ImageFile): number | undefined {
    const row = (file as ImageFile & { row?: number }).row;
    return row !== undefined && this.#files[row] === file ? row : undefined;
  }

  /** After the outputs are made: the preview JPEG's size, kept for the next builds. */
  remember(file: ImageFile): void {
    const row = this.#rowOf(file);
    if (row !== undefined && file.ogBytes !== undefined && this.#ogBytes[row] !== file.ogBytes) {
      this.#ogBytes[row] = file.ogBytes;
      this.#dirty = true;
    }
  }

  /**
   * A photo sharp could not decode (ensureOutputs): remembered as its file's problem, so that
   * the next builds report it with the content's other problems, until the file changes.
   */
  damaged(file: ImageFile, problem: string): void {
    const row = this.#rowOf(file);
    if (row === undefined) return;
    this.#problems.set(row, problem);
    this.#damaged.add(row);
    this.#dirty = true;
  }

  /** A row with these bytes (another name, or a file read again): indexed when first needed. */
  #rowByHash(hash: Uint8Array): number | undefined {
    if (!this.#byHash) {
      this.#byHash = new Map();
      for (const row of this.#rows.values()) this.#byHash.set(hashKey(this.#hashOf(row)), row);
    }
    const row = this.#byHash.get(hashKey(hash));
    return row !== undefined && equalBytes(this.#hashOf(row), hash) ? row : undefined;
  }

  /** Ends a build's checks: files no article showed are forgotten. */
  sweep(): void {
    for (const [path, row] of this.#rows) {
      if (!(this.#flags[row]! & SEEN)) {
        this.#rows.delete(path);
        this.#problems.delete(row);
        this.#damaged.delete(row);
        this.#dirty = true;
      }
    }
    // The rows of forgotten files stay until the store is saved and loaded (a production
    // build), or are few (a preview's renames); the hash index is built again if needed.
    this.#byHash = undefined;
  }

  /** Writes what is known into `file`, a row a line (a temporary name first, so a build that dies leaves the last whole one). */
  async save(file: string): Promise<void> {
    if (!this.#dirty && existsSync(file)) return;
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(`${file}.tmp`, "w");
    try {
      let chunk = `${JSON.stringify({ format: STORE_FORMAT })}\n`;
      for (const [path, row] of this.#rows) {
        const line: StoredRow = [path, this.#mtimeMs[row]!, this.#size[row]!, hex(this.#hashOf(row)), this.#width[row]!, this.#height[row]!, this.#problems.get(row) ?? "", this.#ogBytes[row]!];
        if (this.#damaged.has(row)) line.push(1);
        chunk += `${JSON.stringify(line)}\n`;
        if (chunk.length > 1 << 20) {
          await handle.write(chunk);
          chunk = "";
        }
      }
      await handle.write(chunk);
    } finally {
      await handle.close();
    }
    await rename(`${file}.tmp`, file);
    this.#dirty = false;
  }

  /** What `file` holds; an empty store when it is missing, of another format or damaged (it is only an optimisation). */
  static async load(file: string): Promise<ImageStore> {
    const store = new ImageStore();
    try {
      const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
      let first = true;
      for await (const line of lines) {
        if (first) {
          first = false;
          if ((JSON.parse(line) as { format?: unknown }).format !== STORE_FORMAT) return new ImageStore();
          continue;
        }
        if (line === "") continue;
        const [path, mtimeMs, size, hash, width, height, problem, ogBytes, damaged] = JSON.parse(line) as StoredRow;
        if (typeof path !== "string" || typeof hash !== "string" || !/^[0-9a-f]{40}$/.test(hash) || typeof mtimeMs !== "number" || typeof size !== "number" || typeof width !== "number" || typeof height !== "number" || typeof ogBytes !== "number") {
          throw new Error("damaged");
        }
        const row = store.#newRow(path);
        store.#write(row, { mtimeMs, size, hash: Buffer.from(hash, "hex"), width, height, ...(problem !== "" && { problem }) }, ogBytes, problem !== "" && damaged === 1);
      }
      if (first) return new ImageStore();
    } catch {
      return new ImageStore();
    }
    return store;
  }
}

/** 30 bits of a hash, a small integer (a Map key that costs no number object). */
function hashKey(hash: Uint8Array): number {
  return ((hash[0]! << 22) | (hash[1]! << 14) | (hash[2]! << 6) | (hash[3]! >> 2)) & 0x3fffffff;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");

/** git's blob id of the bytes, as for articles (so git could vouch for a photo too). */
function blobHash(bytes: Uint8Array): Uint8Array {
  return createHash("sha1").update(`blob ${bytes.byteLength}\0`).update(bytes).digest();
}

function outputId(hash: string): string {
  return createHash("sha1").update(`${PIPELINE}\0${hash}`).digest("hex").slice(0, 12);
}

/** The photo's displayed size, or why it is not a photo this site can show. */
function probe(bytes: Uint8Array, src: string, shown: string): { width: number; height: number; problem?: string } {
  const notPhoto = (what: string) => ({ width: 0, height: 0, problem: `${describeValue(src)} ${what}; use a JPEG, PNG, WebP or AVIF photo` });
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return notPhoto(`in ${shown}/ is not an image`);
  }
  if (!PHOTO_TYPES.has(size.type ?? "")) return notPhoto(`is ${size.type === "svg" ? "an SVG drawing" : `a ${String(size.type).toUpperCase()} file`}, not a photo`);
  // EXIF orientations 5–8 turn the photo a quarter: its displayed width is the stored height.
  const turned = (size.orientation ?? 1) >= 5 && (size.orientation ?? 1) <= 8;
  return { width: turned ? size.height : size.width, height: turned ? size.width : size.height };
}

/** Why a photo under a headline (or a poster) cannot be this narrow, or undefined. */
function narrowProblem(src: string, file: ImageFile): string | undefined {
  if (file.width >= MIN_IMAGE_WIDTH) return undefined;
  return `${describeValue(src)} is ${file.width} px wide; a photo needs at least ${MIN_IMAGE_WIDTH} px (1200 px or more for large link previews): use a bigger original`;
}

/**
 * Makes sure `folder` (the site being built) has every output of `files` (source path
 * → photo): what it lacks is copied from `published` (the site before, when there is one:
 * `strichka build` builds into an older site) or else encoded, a few photos at a time (sharp
 * uses every core for each). Returns every output's path relative to `folder`, for the
 * build's list of files, and how many photos were encoded.
 */
export async function ensureOutputs(
  files: ReadonlyMap<ImageFile, string>,
  folder: string,
  published?: string,
): Promise<{ outputs: string[]; encoded: number; damaged: Map<ImageFile, string> }> {
  const outputs: string[] = [];
  const toEncode: [ImageFile, string][] = [];
  // The same bytes under two names are two ImageFiles of one id: made once.
  const ids = new Set<string>();
  for (const [file, source] of files) {
    if (ids.has(file.id)) continue;
    ids.add(file.id);
    const own = outputFiles(file);
    outputs.push(...own);
    const missing = own.filter((path) => !existsSync(join(folder, path)));
    if (missing.length > 0 && published && missing.every((path) => existsSync(join(published, path)))) {
      mkdirSync(join(folder, IMAGES_URL), { recursive: true });
      for (const path of missing) copyFileSync(join(published, path), join(folder, path));
    } else if (missing.length > 0) {
      toEncode.push([file, source]);
    }
  }
  /** Photos sharp could not decode, with why: every one is encoded first, so that all are reported at once. */
  const damaged = new Map<ImageFile, string>();
  const damagedIds = new Map<string, string>();
  if (toEncode.length > 0) {
    const { default: eleventyImage } = await import("@11ty/eleventy-img");
    eleventyImage.concurrency = Math.max(2, availableParallelism());
    // eleventy-img makes each folder once a process: a folder of the same name removed since
    // (a failed build's staging folder) would not be made again.
    mkdirSync(join(folder, IMAGES_URL), { recursive: true });
    await Promise.all(
      toEncode.map(async ([file, source]) => {
        try {
          await encode(eleventyImage, file, source, folder);
        } catch (error) {
          // Only a photo sharp cannot decode is the content's problem; anything else (a full
          // disk) is the build's.
          const reason = await decodeProblem(source);
          if (reason === undefined) throw error;
          damagedIds.set(file.id, reason);
          // What it may have written of it: never taken for a made photo by a later build.
          for (const path of outputFiles(file)) rmSync(join(folder, path), { force: true });
        }
      }),
    );
  }
  for (const file of files.keys()) {
    const reason = damagedIds.get(file.id);
    if (reason !== undefined) damaged.set(file, reason);
    else if (file.ogBytes === undefined) file.ogBytes = statSync(join(folder, ogImage(file).url)).size;
  }
  return { outputs, encoded: toEncode.length - damagedIds.size, damaged };
}

/** Why sharp cannot decode the photo `source`, in one line (libvips' own words: "VipsJpeg: Premature end of input file"); undefined when it can. */
async function decodeProblem(source: string): Promise<string | undefined> {
  // eleventy-img's own sharp (strichka does not depend on sharp itself).
  const sharp = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy-img"))("sharp") as typeof import("sharp");
  let message: string;
  try {
    await sharp(source, { failOn: "error" }).raw().toBuffer();
    return undefined;
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  const line = message.split("\n").map((each) => each.trim()).find((each) => each !== "");
  // libvips says "Unknown error" for a file that ends within its headers.
  return line === undefined || /^unknown error$/i.test(line) ? "its image data cannot be read" : line;
}

/** The problem of a photo sharp could not decode (`reason`, sharp's words). */
export function damagedMessage(src: string, shown: string, reason: string): string {
  return `${describeValue(src)} in ${shown}/ is damaged or cut short (${reason}); export it again from the original photo and replace the file`;
}

type EleventyImage = typeof import("@11ty/eleventy-img").default;

async function encode(eleventyImage: EleventyImage, file: ImageFile, source: string, folder: string): Promise<void> {
  await eleventyImage(source, {
    widths: imageWidths(file.width),
    formats: [...IMAGE_FORMATS],
    outputDir: join(folder, IMAGES_URL),
    urlPath: IMAGES_URL,
    filenameFormat: (_hash: string, _src: string, width: number, format: string) => outputName(file, width, format as ImageFormat),
    // Ours decides what is made (above): eleventy-img's caches would read and hash the source again.
    useCache: false,
    // Every EXIF orientation baked in, as the sizes above assume.
    fixOrientation: true,
    // A file cut short or damaged fails (eleventy-img's default would publish it grey where
    // the bytes end), and the build says which (ensureOutputs).
    sharpOptions: { failOn: "error" },
    // A PNG with transparency still gets its JPEG (on white): previews and old browsers need one.
    formatFiltering: [],
    transform: (sharp: { flatten: (options: { background: string }) => unknown }) => {
      sharp.flatten({ background: "#ffffff" });
    },
    sharpJpegOptions: { quality: 80, mozjpeg: true },
    sharpWebpOptions: { quality: 78 },
    // Effort 1: a 1600 px photo's four AVIFs in 0.6 s instead of 13 s at the default 4 (measured,
    // sharp 0.33, one core), and no bigger at this quality.
    sharpAvifOptions: { quality: 50, effort: 1 },
  });
  file.ogBytes = undefined;
}

/**
 * The photos of content/images/ a build publishes only as their outputs (/static/images/…):
 * every file made into them, but those something links to as they are: an article's text
 * (BodyImage.linked), or a template, data file or stylesheet (`mentioned`, e.g. an author's
 * photo in _data/authors.json).
 */
export function originalsLeftOut(
  articles: readonly { image?: ArticleImage; bodyImages?: readonly BodyImage[] }[],
  videos: readonly VideoOfTheDay[],
  mentioned: ReadonlySet<string>,
): Set<string> {
  const made = new Set<string>();
  const linked = new Set(mentioned);
  for (const article of articles) {
    if (article.image?.file) made.add(article.image.src);
    for (const image of article.bodyImages ?? []) {
      if (image.linked) linked.add(image.src);
      else if (image.file) made.add(image.src);
    }
  }
  for (const video of videos) if (video.posterFile) made.add(posterSrc(video.poster)!);
  for (const src of linked) made.delete(src);
  return made;
}

/** The poster of a video of the day that is a file in content/images/ ("/images/x.jpg"): its path inside that folder. */
export function posterSrc(poster: string | undefined): string | undefined {
  if (!poster?.startsWith(`/${IMAGES_DIR}/`)) return undefined;
  try {
    return decodeURIComponent(poster.slice(IMAGES_DIR.length + 2).split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
}

/**
 * Checks the photo of every article (`articles`, those the build shows) and gives each its
 * file: a missing file, a folder, a file that is not a photo or one narrower than
 * MIN_IMAGE_WIDTH is a problem of the article's, field image.src. The same for the posters
 * of `videos` in content/images/ (a problem of `videosFile`'s, field poster).
 */
export function checkArticleImages(
  articles: readonly Article[],
  options: { inputDir: string; articlesDir: string; images?: ImageStore },
  root: string,
  problems: ContentProblem[],
  videos: { list: readonly VideoOfTheDay[]; file: string } = { list: [], file: "" },
): void {
  const folder = join(options.inputDir, IMAGES_DIR);
  const shown = relative(root, folder).split(sep).join("/");
  const store = options.images ?? new ImageStore();
  const fileOf = (article: Article) => relative(root, join(options.articlesDir, article.sourceFile)).split(sep).join("/");
  store.begin();
  for (const article of articles) {
    if (!article.image) continue;
    const found = store.lookup(folder, article.image.src, shown);
    const problem = "problem" in found ? found.problem : narrowProblem(article.image.src, found);
    if (problem !== undefined) problems.push({ file: fileOf(article), field: "image.src", message: problem });
    // A new object: the parsed one may be the article cache's.
    else article.image = { ...article.image, file: found as ImageFile };
  }
  for (const article of articles) {
    if (!article.bodyImages) continue;
    // Any width in the text (a chart, a portrait). One that is not there or not a photo stays
    // the plain <img> it always was (markdown.ts): the text's images were never checked.
    const checked: BodyImage[] = [];
    for (const image of article.bodyImages) {
      // Linked as it is: published as it is (originalsLeftOut), whatever it is.
      if (image.linked) {
        checked.push(image);
        continue;
      }
      const found = store.lookup(folder, image.src, shown);
      if (!("problem" in found)) checked.push({ ...image, file: found });
      // A photo that cannot be decoded is no plain <img> either: it would show broken.
      else if (found.damaged) problems.push({ file: fileOf(article), line: image.line, message: `image ${found.problem}` });
    }
    article.bodyImages = checked;
  }
  for (const video of videos.list) {
    const src = posterSrc(video.poster);
    if (src === undefined) continue;
    const found = imageSrcProblem(src) === undefined ? store.lookup(folder, src, shown) : { problem: `${describeValue(video.poster)} is not a path inside content/images/` };
    const problem = "problem" in found ? found.problem : narrowProblem(src, found);
    if (problem !== undefined) problems.push({ file: videos.file, field: "poster", message: `of the video of ${video.date}: ${problem}` });
    else video.posterFile = found as ImageFile;
  }
  store.sweep();
}
