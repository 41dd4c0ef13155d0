// npm run bench -- --images [--n=1000] [--runs=3] [--data=DIR] [--keep] [--build-args="…"]
// Photos (#12): the generated articles, each with a photo-like 3000×2000 JPEG of its own
// (generated here, deterministic for N and the seed, never committed: into DIR/photos/ with
// --data, else the run's temporary folder), built by `strichka build` beside the same
// articles without `image:`. Measured:
// - the first build with photos, into an empty folder (every photo encoded), once;
// - rebuilds with a warm cache (every photo made before: `._site.images.json` and the
//   outputs in place), full production builds over the output of earlier builds, alternately
//   with the site without photos, --runs rounds: the ratio of the two (median of the
//   rounds' ratios; a round's two builds see the same noise of a shared machine);
// - bytes shipped per article page: its HTML (as written and gzipped), and the photo a
//   browser fetches on a 400 px phone and on a desktop, by format.
// A benchmark, not a test: nothing here passes or fails, and no figure is asserted anywhere.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import sharp from "sharp";
import type { GeneratedSite } from "./generate.js";
import { buildStrichka, linkTree, rewrite, seconds, setUpStrichkaSite, type Measure } from "./harness.js";

export const PHOTO_WIDTH = 3000;
export const PHOTO_HEIGHT = 2000;
/** Bump when the photos drawn change: a set made before is drawn again. */
const PHOTOS_VERSION = "1";
const MARKER = "generated.json";

/** The photo of article `index` (1-based), inside content/images/. */
export const photoSrc = (index: number) => `bench/p${String(index).padStart(7, "0")}.jpg`;

/**
 * mulberry32, as generate.ts: the same photos for a given N and seed. (A copy, not an import:
 * the generator's version is the hash of generate.ts's text, so exporting it from there would
 * regenerate every kept bench data set, a million articles included.)
 */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A photo-like JPEG: soft shapes of colour (a small random image enlarged), some grain, at
 * quality 88 as a camera or an editor's export would be; 1–2 MB. Distinct bytes per index, so
 * that no two articles share a photo (the build would make the same bytes once).
 */
async function drawPhoto(index: number, seed: number, grain: Buffer): Promise<Buffer> {
  const rand = random(seed * 7919 + index);
  const small = Buffer.alloc(24 * 16 * 3);
  const tint = [rand() * 255, rand() * 255, rand() * 255];
  for (let at = 0; at < small.length; at++) small[at] = Math.min(255, Math.max(0, tint[at % 3]! * 0.5 + rand() * 140));
  const base = await sharp(small, { raw: { width: 24, height: 16, channels: 3 } })
    .resize(PHOTO_WIDTH, PHOTO_HEIGHT, { kernel: "cubic" })
    .raw()
    .toBuffer();
  // The grain, from a shared noise field at an offset of this photo's own.
  const offset = Math.floor(rand() * (grain.length / 2));
  for (let at = 0; at < base.length; at++) {
    const value = base[at]! + ((grain[(at + offset) % grain.length]! - 128) >> 2);
    base[at] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
  return sharp(base, { raw: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, channels: 3 } }).jpeg({ quality: 88 }).toBuffer();
}

/**
 * The photos of articles 1…count in `dir` (dir/bench/p0000001.jpg …): reused when its marker
 * says a complete set for this N, seed and drawing is there, else drawn (two at a time).
 */
export async function generatePhotos(dir: string, count: number, seed: number, log = console.log): Promise<{ bytes: number; ms: number }> {
  const marker = { version: PHOTOS_VERSION, count, seed, width: PHOTO_WIDTH, height: PHOTO_HEIGHT };
  try {
    const saved = JSON.parse(readFileSync(join(dir, MARKER), "utf8")) as typeof marker & { bytes: number; ms: number };
    if (JSON.stringify({ ...saved, bytes: undefined, ms: undefined }) === JSON.stringify({ ...marker, bytes: undefined, ms: undefined })) {
      log(`Reusing ${count} generated photos in ${dir}`);
      return { bytes: saved.bytes, ms: 0 };
    }
  } catch {
    // None there yet, or incomplete: drawn again.
  }
  rmSync(join(dir, "bench"), { recursive: true, force: true });
  rmSync(join(dir, MARKER), { force: true });
  mkdirSync(join(dir, "bench"), { recursive: true });
  log(`Drawing ${count} photos of ${PHOTO_WIDTH}×${PHOTO_HEIGHT} into ${dir} …`);
  const started = performance.now();
  const grain = await sharp({ create: { width: 1000, height: 1000, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 24 } } })
    .raw()
    .toBuffer();
  let bytes = 0;
  let next = 1;
  const worker = async () => {
    while (next <= count) {
      const index = next++;
      const jpeg = await drawPhoto(index, seed, grain);
      bytes += jpeg.byteLength;
      writeFileSync(join(dir, photoSrc(index)), jpeg);
      if (index % 100 === 0) log(`  ${index} of ${count} photos (${seconds(performance.now() - started)})`);
    }
  };
  await Promise.all([worker(), worker()]);
  const ms = Math.round(performance.now() - started);
  writeFileSync(join(dir, MARKER), `${JSON.stringify({ ...marker, bytes, ms })}\n`);
  return { bytes, ms };
}

/** An article's text with its photo: `image:` (src, alt, caption, credit) at the end of its front matter. */
export function withPhoto(text: string, index: number): string {
  const image = ["image:", `  src: ${photoSrc(index)}`, `  alt: "Ілюстрація до новини ${index}"`, `  caption: "Підпис до фото новини ${index}"`, "  credit: УНІАН"].join("\n");
  return text.replace("\n---\n", `\n${image}\n---\n`);
}

/** strichka's site in `site` like setUpStrichkaSite's, every article with its photo from `photos`. */
export function setUpPhotoSite(site: string, source: string, photos: string, generated: GeneratedSite): void {
  setUpStrichkaSite(site, source);
  for (let index = 1; index <= generated.articles; index++) {
    const file = join(site, generated.file(index));
    rewrite(file, withPhoto(readFileSync(file, "utf8"), index));
  }
  linkTree(join(photos, "bench"), join(site, "content/images/bench"));
}

/** The article pages of a built site (relative paths). */
function articlePages(siteOutput: string): string[] {
  return readdirSync(join(siteOutput, "novyny"), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(".html"))
    .sort()
    .map((file) => `novyny/${file}`);
}

/** A screen: CSS width and pixel ratio; the photo's slot is the page's `sizes` on it. */
interface Screen {
  name: string;
  width: number;
  dpr: number;
}

const SCREENS: Screen[] = [
  { name: "phone, 400 px wide, 2×", width: 400, dpr: 2 },
  { name: "phone, 400 px wide, 3×", width: 400, dpr: 3 },
  { name: "desktop, 1440 px wide, 1×", width: 1440, dpr: 1 },
  { name: "desktop, 1440 px wide, 2×", width: 1440, dpr: 2 },
];

/** The photo's width in CSS px: PHOTO_SIZES of src/images.ts, "(min-width: 46rem) 44rem, calc(100vw - 2rem)". */
const slotWidth = (screen: Screen) => (screen.width >= 46 * 16 ? 44 * 16 : screen.width - 2 * 16);

/** The candidate a browser takes: the narrowest at least as wide as the slot in device pixels, else the widest. */
function pick(srcset: string, screen: Screen): string {
  const candidates = srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/))
    .map(([url, width]) => ({ url: url!, width: Number(width!.replace(/w$/, "")) }))
    .sort((a, b) => a.width - b.width);
  const wanted = slotWidth(screen) * screen.dpr;
  return (candidates.find((candidate) => candidate.width >= wanted) ?? candidates.at(-1)!).url;
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="?([^">]*)"?`).exec(tag)?.[1];

/** Bytes per article page of `withPhotos` (and of the same page in `without`): HTML, and the lead photo's file a browser fetches. */
export function bytesPerPage(withPhotos: string, without: string): void {
  const pages = articlePages(withPhotos);
  const html = { raw: 0, gzip: 0, rawWithout: 0, gzipWithout: 0 };
  const fetched = new Map<string, number>();
  let measured = 0;
  for (const page of pages) {
    const text = readFileSync(join(withPhotos, page));
    const plain = existsSync(join(without, page)) ? readFileSync(join(without, page)) : undefined;
    const figure = /<figure class="?photo lead-photo"?[^>]*>[\s\S]*?<\/figure>/.exec(text.toString())?.[0];
    if (!figure || !plain) continue;
    measured++;
    html.raw += text.byteLength;
    html.gzip += gzipSync(text).byteLength;
    html.rawWithout += plain.byteLength;
    html.gzipWithout += gzipSync(plain).byteLength;
    const srcsets: Record<string, string> = {};
    for (const source of figure.match(/<source[^>]*>/g) ?? []) srcsets[attribute(source, "type")!] = attribute(source, "srcset")!;
    srcsets["image/jpeg"] = attribute(/<img[^>]*>/.exec(figure)![0], "srcset")!;
    for (const screen of SCREENS) {
      for (const [type, srcset] of Object.entries(srcsets)) {
        const file = join(dirname(join(withPhotos, page)), pick(srcset, screen));
        const key = `${screen.name}\t${type}`;
        fetched.set(key, (fetched.get(key) ?? 0) + statSync(file).size);
      }
    }
  }
  const kb = (bytes: number) => `${(bytes / measured / 1024).toFixed(1)} KB`;
  console.log(`\nBytes per article page (mean over ${measured} article pages with a photo; HTML as written and gzipped, as a server sends it):\n`);
  console.log("| | without photos | with photos | added |");
  console.log("|---|---|---|---|");
  console.log(`| HTML | ${kb(html.rawWithout)} | ${kb(html.raw)} | ${kb(html.raw - html.rawWithout)} |`);
  console.log(`| HTML, gzipped | ${kb(html.gzipWithout)} | ${kb(html.gzip)} | ${kb(html.gzip - html.gzipWithout)} |`);
  console.log("\nThe photo a browser fetches (the srcset candidate at least as wide as the slot, `sizes` of the page, in device pixels), by the format it shows:\n");
  console.log("| screen | width fetched | AVIF | WebP | JPEG (fallback) | HTML gzipped + AVIF |");
  console.log("|---|---|---|---|---|---|");
  for (const screen of SCREENS) {
    const at = (type: string) => fetched.get(`${screen.name}\t${type}`) ?? 0;
    const width = Math.min(...[400, 800, 1200, 1600].filter((each) => each >= slotWidth(screen) * screen.dpr), 1600);
    console.log(`| ${screen.name} | ${width} px | ${kb(at("image/avif"))} | ${kb(at("image/webp"))} | ${kb(at("image/jpeg"))} | ${kb(html.gzip + at("image/avif"))} |`);
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** What `--images` measures (see the top of this file); `ours` is the site without photos, set up. */
export async function measurePhotos(
  { ours, photoSite, source, photos, generated }: { ours: string; photoSite: string; source: string; photos: string; generated: GeneratedSite },
  { runs, seed, buildArgs, warmUp = true }: { runs: number; seed: number; buildArgs: string[]; warmUp?: boolean },
): Promise<void> {
  const drawn = await generatePhotos(photos, generated.articles, seed);
  console.log(`  ${generated.articles} photos, ${megabytes(drawn.bytes)} in all (${megabytes(drawn.bytes / generated.articles)} each)${drawn.ms ? `, drawn in ${seconds(drawn.ms)}` : ""}`);
  setUpPhotoSite(photoSite, source, photos, generated);
  const build = (site: string) => buildStrichka(site, { full: true, args: buildArgs });
  const row = (name: string, m: Measure, ratio?: number) =>
    `| ${name} | ${seconds(m.wallMs)} | ${seconds(m.cpuMs)} | ${(m.cpuMs / m.wallMs).toFixed(2)} | ${m.maxRssMb.toFixed(0)} MB | ${m.pages} | ${m.phases?.images === undefined ? "–" : seconds(m.phases.images)} | ${ratio === undefined ? "–" : ratio.toFixed(2)} |`;
  const header = "| build | wall | CPU, all processes | CPU / wall (cores busy) | peak RSS, all processes | pages | photos phase | ratio to without photos (wall) |\n|---|---|---|---|---|---|---|---|";

  console.log(`\nFirst builds into empty folders: without photos, then with ${generated.articles} photos (every one encoded) …`);
  const firstWithout = await build(ours);
  const first = await build(photoSite);
  console.log(`\nFirst build (empty output folder, empty cache):\n\n${header}`);
  console.log(row("without photos", firstWithout, 1));
  console.log(row(`with photos (${generated.articles} encoded)`, first, first.wallMs / firstWithout.wallMs));
  console.log(`  encoding: ${seconds((first.phases?.images ?? 0) / generated.articles)} of wall time a photo`);

  if (warmUp) {
    console.log("\nWarming up: each site built once more (its next build is the first into a recycled site) …");
    await build(ours);
    await build(photoSite);
  } else console.log("\nNo warm-up (--no-warm-up): the rebuilds follow the first builds at once.");
  const without: Measure[] = [];
  const warm: Measure[] = [];
  const ratios: number[] = [];
  for (let round = 1; round <= runs; round++) {
    console.log(`Rebuild, round ${round} of ${runs}: without photos, then with photos (warm cache) …`);
    const plain = await build(ours);
    const photo = await build(photoSite);
    without.push(plain);
    warm.push(photo);
    ratios.push(photo.wallMs / plain.wallMs);
  }
  const median = (measures: Measure[]) => [...measures].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(measures.length / 2)]!;
  const ratio = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
  console.log(`\nRebuild with a warm cache (full production build over the output of earlier builds; median of ${runs} rounds):\n\n${header}`);
  console.log(row("without photos", median(without), 1));
  console.log(row("with photos (none encoded)", median(warm), ratio));
  console.log(`\nRatios of each round: ${ratios.map((each) => each.toFixed(2)).join(", ")} (target ≤ 1.2)`);
  const images = readdirSync(join(photoSite, "_site/static/images"));
  const outputBytes = images.reduce((sum, file) => sum + statSync(join(photoSite, "_site/static/images", file)).size, 0);
  const originals = existsSync(join(photoSite, "_site/images/bench")) ? readdirSync(join(photoSite, "_site/images/bench")).length : 0;
  console.log(`\n_site/static/images/: ${images.length} files, ${megabytes(outputBytes)} (${(outputBytes / generated.articles / 1024).toFixed(0)} KB a photo, every width and format); originals in _site/images/bench/: ${originals}`);
  console.log(`State kept beside the site (._site.images.json): ${(statSync(join(photoSite, "._site.images.json")).size / generated.articles).toFixed(0)} bytes a photo`);
  bytesPerPage(join(photoSite, "_site"), join(ours, "_site"));
}
