// The Netlify build plugin that keeps strichka's build state between deploys, run with
// Netlify's own cache library (@netlify/cache-utils, what `utils.cache` is on Netlify): every
// deploy starts from a fresh clone, and the third one is incremental.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bindOpts } from "@netlify/cache-utils";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { changedFolders, parseFolderTimes } from "../src/folder-times.js";
import { article, buildCommandInProcess, listFiles, makeSite, ROOT } from "./helpers/site.js";

interface Plugin {
  onPreBuild(context: { utils: { cache: ReturnType<typeof bindOpts> } }): Promise<void>;
  onPostBuild(context: { utils: { cache: ReturnType<typeof bindOpts> } }): Promise<void>;
}

const PLUGIN = join(ROOT, "netlify/plugins/strichka-build-state");

async function inFolder(folder: string, task: () => Promise<void>): Promise<void> {
  const cwd = process.cwd();
  process.chdir(folder);
  try {
    await task();
  } finally {
    process.chdir(cwd);
  }
}

describe("netlify/plugins/strichka-build-state", () => {
  it("is the plugin netlify.toml names", () => {
    const config = parse(readFileSync(join(ROOT, "netlify.toml"), "utf8")) as { plugins?: { package: string }[] };
    expect(config.plugins?.map((plugin) => plugin.package)).toContain("/netlify/plugins/strichka-build-state");
    expect(readFileSync(join(PLUGIN, "manifest.yml"), "utf8")).toMatch(/^name: strichka-build-state$/m);
  });

  it("carries the site and its state from deploy to deploy, so that a deploy renders only what changed", async () => {
    const plugin = (await import(join(PLUGIN, "index.js"))) as Plugin;
    const cacheDir = mkdtempSync(join(tmpdir(), "netlify-cache-"));
    const sources = makeSite({ "content/articles/a.md": article({ title: "Перша", date: "2026-01-14 10:00", topic: "kultura" }) });
    /** One Netlify deploy: a fresh clone of `sources`, the plugin around `npm run build`. */
    const deploy = async () => {
      const clone = mkdtempSync(join(tmpdir(), "netlify-build-"));
      cpSync(sources, clone, { recursive: true, filter: (path) => !path.includes("_site") });
      const utils = { cache: bindOpts({ cacheDir, cwd: clone }) };
      // Netlify runs plugins in the site's folder.
      await inFolder(clone, () => plugin.onPreBuild({ utils }));
      // The site it builds into comes back with its folders' times, as its build recorded them.
      const recycled = join(clone, "._site.recycled");
      const restored = existsSync(recycled);
      const record = restored ? parseFolderTimes(readFileSync(join(clone, "._site.recycled.folders.json"), "utf8")) : undefined;
      const unchanged = record && changedFolders(recycled, record, join(clone, "._site.recycled.files.json"));
      const built = await buildCommandInProcess(clone);
      expect(built.status, built.stderr).toBe(0);
      await inFolder(clone, () => plugin.onPostBuild({ utils }));
      const wrote = Number(/Wrote (\d+) files/.exec(built.stdout)?.[1] ?? Number.NaN);
      return { clone, wrote, recycled: restored, unchanged };
    };
    const first = await deploy();
    writeFileSync(join(sources, "content/articles/b.md"), article({ title: "Друга", date: "2026-01-15 10:00", topic: "kultura" }));
    await deploy();
    writeFileSync(join(sources, "content/articles/c.md"), article({ title: "Третя", date: "2026-01-16 10:00", topic: "ekonomika" }));
    const third = await deploy();
    // The site it builds into comes back with its folders' times recorded again (the copies'
    // own): its build reads no folder to find what was added by hand.
    expect(third.recycled).toBe(true);
    expect(third.unchanged).toEqual([]);
    const full = mkdtempSync(join(tmpdir(), "strichka-full-"));
    const fullBuild = await buildCommandInProcess(third.clone, "--full", `--output=${join(full, "_site")}`);
    expect(fullBuild.status).toBe(0);
    // The third deploy builds into the first one's site, restored from the cache: it renders
    // fewer pages than a full build of the same content, and gives the same files.
    expect(third.wrote).toBeLessThan(Number(/Wrote (\d+) files/.exec(fullBuild.stdout)?.[1]));
    expect(first.wrote).toBeGreaterThan(0);
    const files = listFiles(join(full, "_site"));
    expect(listFiles(join(third.clone, "_site"))).toEqual(files);
    for (const file of files) expect(readFileSync(join(third.clone, "_site", file)).equals(readFileSync(join(full, "_site", file))), file).toBe(true);
    rmSync(cacheDir, { recursive: true, force: true });
  });
});
