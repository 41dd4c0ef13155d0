// Big builds render their article and list pages in shards, in child processes (src/shards.ts):
// a sharded build must be byte for byte the build that renders everything in one process.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { processTree } from "../bench/harness.js";
import { cutIntoShards } from "../src/shards.js";
import { article, buildCommandInProcess, fullBuildContents, makeSite, siteContents } from "./helpers/site.js";

const STORY = (n: number, changes: Record<string, string> = {}) =>
  article({ title: `Новина ${n}`, date: `2026-01-${String(10 + n).padStart(2, "0")} 10:00`, topic: n % 2 ? "ekonomika" : "kultura", tags: n % 3 ? "[Київ]" : "[Київ, Львів]", ...changes }, `Текст новини ${n}.\n\nДругий абзац.\n`);



describe("cutIntoShards", () => {
  const pages = (articles: number, listings: number) => ({
    articles: Array.from({ length: articles }, (_, index) => ({ url: `/a${index}` })),
    listings: Array.from({ length: listings }, (_, index) => ({ url: `/l${index}` })),
  });

  it("leaves a build that fits in one shard to its own process, and cuts a bigger one into at least one shard per process", () => {
    expect(cutIntoShards(pages(8, 2) as never, { pages: 10, processes: 2 })).toEqual([]);
    const shards = cutIntoShards(pages(9, 2) as never, { pages: 10, processes: 2 });
    expect(shards).toHaveLength(2);
    expect(shards.flatMap((shard) => [...shard.articles, ...shard.listings].map((page) => page.url)).sort()).toEqual([...pages(9, 2).articles, ...pages(9, 2).listings].map((page) => page.url).sort());
    const many = cutIntoShards(pages(95, 10) as never, { pages: 10, processes: 2 });
    expect(many).toHaveLength(11);
    for (const shard of many) expect(shard.articles.length + shard.listings.length).toBeLessThanOrEqual(10);
  });
});

/**
 * `strichka build ARGS` in this process, and how many shard processes (`strichka
 * _render-shard`) it started, looked for in /proc every 100 ms (none seen without /proc):
 * proof that it rendered in shards. (Not all of this process's children: a test file that ran
 * before in the same process may have left one.)
 */
async function shardedBuild(dir: string, ...args: string[]) {
  const shards = new Set<number>();
  const look = () => {
    for (const pid of processTree(process.pid)) {
      try {
        if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("_render-shard")) shards.add(pid);
      } catch {
        // Gone meanwhile.
      }
    }
  };
  const timer = setInterval(look, 100);
  try {
    return { ...(await buildCommandInProcess(dir, ...args)), shards: shards.size };
  } finally {
    clearInterval(timer);
  }
}

/** Two shards' processes, where /proc tells. */
const TWO_SHARDS = process.platform === "linux" ? 2 : 0;

describe("strichka build in shards", () => {
  it("gives byte for byte the site one process gives, built fully and incrementally", async () => {
    const dir = makeSite(Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`content/articles/n${index + 1}.md`, STORY(index + 1)])));
    // 17 pages in shards of at most 9: two shards, one process each.
    const first = await shardedBuild(dir, "--shard-pages=9", "--processes=2");
    expect(first.status, first.stderr).toBe(0);
    expect(first.shards).toBe(TWO_SHARDS);
    expect(siteContents(join(dir, "_site"))).toEqual(await fullBuildContents(dir));

    // Incremental builds in shards too: a new article, an edited one, a deleted one.
    expect((await buildCommandInProcess(dir)).status).toBe(0);
    writeFileSync(join(dir, "content/articles/n13.md"), STORY(13));
    writeFileSync(join(dir, "content/articles/n5.md"), STORY(5, { title: "Виправлено" }));
    rmSync(join(dir, "content/articles/n2.md"));
    // The 13 to 16 pages this build rewrites, in shards of at most 8: two shards again (each
    // shard is a process, two seconds to start; at 4 pages a shard, four of them).
    const next = await shardedBuild(dir, "--shard-pages=8", "--processes=2");
    expect(next.status, next.stderr).toBe(0);
    expect(next.shards).toBe(TWO_SHARDS);
    expect(siteContents(join(dir, "_site"))).toEqual(await fullBuildContents(dir));
    // The shards' files are gone.
    expect(readdirSync(dir).filter((name) => name.includes("building"))).toEqual([]);
    expect(existsSync(join(dir, "_site/.strichka-shards"))).toBe(false);
  });

  it("publishes nothing when a shard fails, and says which", async () => {
    const dir = makeSite({
      ...Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`content/articles/n${index + 1}.md`, STORY(index + 1)])),
      // A site's own layout that fails for one article only: its shard's process fails.
      "_includes/article.njk": '{% if article.title == "Новина 4" %}{{ article.title | nonexistentFilter }}{% endif %}<p>{{ article.title }}</p>',
    });
    const result = await buildCommandInProcess(dir, "--shard-pages=5", "--processes=2");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Rendering shard \d+ of \d+ failed/);
    expect(result.stderr).toMatch(/Nothing was published/);
    expect(existsSync(join(dir, "_site"))).toBe(false);
  });
});
