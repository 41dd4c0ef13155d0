// Rendering a big build's article and list pages in shards: slices of the pages, each
// rendered by an Eleventy run of its own in a child process, two (or as many as the
// machine has cores) at a time.
//
// Why: Eleventy keeps every page it renders in memory until its run ends (about 40 KB a
// page), so one run over a million articles cannot fit on an ordinary machine, and it uses
// one core. The coordinating `strichka build` keeps only the content model (metadata, no
// bodies) and renders the site-wide pages itself (home, feeds, sitemaps, indexes); each
// shard gets the pages it renders with everything they show (the articles with their
// related news and videos, the list pages with their items), so a child never loads the
// archive. A page comes out byte for byte the same whichever process renders it (a test
// builds a site both ways). The same shard files could be rendered on other machines (see
// the README's "Building across machines").
import { spawn } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { childFiles, childNodeArgs, siblingModule } from "./child-node.js";
import { OUT_OF_MEMORY } from "./heap-watch.js";
import { LIST_ITEM_FIELDS, type Article, type Author, type Listing, type NewsSite, type PagesToWrite, type SiteSettings, type Topic } from "./content/index.js";

/** The environment variable that tells the plugin in a child process which shard it renders. */
export const SHARD_ENV = "STRICHKA_SHARD";

/** How a build is cut into shards (`strichka build --shard-pages --processes`). */
export interface ShardSettings {
  /** At most this many pages per shard; a build with fewer pages to render renders them itself. */
  pages: number;
  /** Child processes at a time. */
  processes: number;
}

export const DEFAULT_SHARDS: ShardSettings = { pages: 10_000, processes: Math.max(1, Math.min(availableParallelism(), 4)) };

/** What a child process needs to render its pages as the coordinating build would. */
export interface Shard {
  site: SiteSettings;
  topics: readonly Topic[];
  /** (Every page's footer links to the authors index when there are authors.) */
  authors: readonly Author[];
  buildTime: Date;
  articles: readonly Article[];
  listings: readonly Listing[];
}

/**
 * `pages` cut into shards: none when they fit in one (the build renders them itself), else
 * at least one per process, each at most `settings.pages`, the archive's order kept (pages
 * of one month end up together, which keeps each shard's folders few).
 */
export function cutIntoShards(pages: PagesToWrite, settings: ShardSettings): PagesToWrite[] {
  const total = pages.articles.length + pages.listings.length;
  if (total <= settings.pages) return [];
  const count = Math.max(settings.processes, Math.ceil(total / settings.pages));
  const shards: PagesToWrite[] = [];
  const slice = <T>(items: readonly T[], index: number) => items.slice(Math.floor((items.length * index) / count), Math.floor((items.length * (index + 1)) / count));
  for (let index = 0; index < count; index++) shards.push({ articles: slice(pages.articles, index), listings: slice(pages.listings, index) });
  return shards;
}

/**
 * The shard of `news` with these pages, as a file's bytes (v8 serialization keeps dates and
 * shared objects). A list page's items carry what a list shows of an article (LIST_ITEM_FIELDS):
 * a shard's list pages show tens of thousands of articles from all over the archive, and
 * whole articles would make each shard file most of the model (measured at 100,000 articles:
 * 65 MB and 1.3 s a shard).
 */
export function shardBytes(news: NewsSite, pages: PagesToWrite): Buffer {
  const items = new Map<Article, Partial<Article>>();
  const item = (article: Article) => {
    let summary = items.get(article);
    if (!summary) items.set(article, (summary = Object.fromEntries(LIST_ITEM_FIELDS.map((field) => [field, article[field]]))));
    return summary;
  };
  const listings = pages.listings.map((listing) => ({ ...listing, items: listing.items.map(item) }));
  // Related news as links: the model's are the articles themselves, and serializing those
  // would carry their related news in turn, and so on through the archive.
  const articles = pages.articles.map((article) => ({ ...article, related: article.related.map(({ title, url, date }) => ({ title, url, date })) }));
  const shard = { site: news.site, topics: news.topics, authors: news.authors, buildTime: news.buildTime, articles, listings };
  return serialize(shard);
}

export async function readShard(file: string): Promise<Shard> {
  return deserialize(await readFile(file)) as Shard;
}

/** Why a shard's process failed, in words for whoever runs the build. */
export class ShardError extends Error {
  override readonly name = "ShardError";
}

/** A shard's file, written before any shard runs (see writeShardFiles), and how many pages it has. */
export interface ShardFile {
  file: string;
  pages: number;
}

/**
 * Every shard of `news` written to `folder` (shardBytes), one after another, before any is
 * rendered: the build can then let go of its content model while the shards run, and the
 * shards' processes are what the machine's memory holds, not the model beside them.
 */
export async function writeShardFiles(news: NewsSite, shards: readonly PagesToWrite[], folder: string): Promise<ShardFile[]> {
  await mkdir(folder, { recursive: true });
  const files: ShardFile[] = [];
  for (const [index, shard] of shards.entries()) {
    const file = join(folder, `${index}.bin`);
    await writeFile(file, shardBytes(news, shard));
    files.push({ file, pages: shard.articles.length + shard.listings.length });
  }
  return files;
}

/**
 * Renders the shards written by writeShardFiles into `output`, `processes` child processes
 * at a time, each an Eleventy run of the site's `config` (through `strichka _render-shard`).
 * Resolves when all have finished; rejects with a ShardError when one fails (the others are
 * stopped). The files are removed as their shards end, and the folder at the end.
 */
export async function renderShards(shards: readonly ShardFile[], { config, output, folder, processes, heapMb }: { config: string; output: string; folder: string; processes: number; heapMb: number }): Promise<void> {
  const running = new Set<ReturnType<typeof spawn>>();
  let failure: ShardError | undefined;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < shards.length && !failure) {
      const index = next++;
      const { file, pages } = shards[index]!;
      const code = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
        const [cli, siteConfig] = childFiles(CLI, config);
        const child = spawn(process.execPath, [...childNodeArgs(cli, heapMb), cli, "_render-shard", `--config=${siteConfig}`, `--output=${output}`], {
          // (STRICHKA_PHASES: the phases file is the coordinating build's to write.)
          env: { ...process.env, [SHARD_ENV]: file, STRICHKA_PHASES: "" },
          stdio: ["ignore", "ignore", "inherit"],
        });
        running.add(child);
        child.on("exit", (exitCode, signal) => {
          running.delete(child);
          done({ code: exitCode, signal });
        });
        child.on("error", () => done({ code: -1, signal: null }));
      });
      await rm(file, { force: true });
      if (code.code !== 0 && !failure) {
        failure = new ShardError(
          code.code === OUT_OF_MEMORY || code.code === 134 || code.signal === "SIGABRT" || code.signal === "SIGKILL"
            ? `Rendering shard ${index + 1} of ${shards.length} ran out of memory (its limit is ${heapMb} MB). Build with smaller shards: strichka build --shard-pages=${Math.max(1, Math.floor(pages / 2))}`
            : `Rendering shard ${index + 1} of ${shards.length} failed (exit ${code.code ?? code.signal}); its error is above.`,
        );
        for (const child of running) child.kill();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(processes, shards.length) }, lane));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  if (failure) throw failure;
}

/** The strichka command, as this module finds it: src/cli.ts under tsx, dist/cli.js when installed. */
const CLI = siblingModule(import.meta.url, "./cli");
