// Netlify build plugin: keeps strichka's build state between deploys, so that `strichka
// build` on Netlify is incremental, as on a newsroom's own machine. Netlify starts every
// build from a fresh clone; its build cache (utils.cache, @netlify/cache-utils) carries
// files from one build to the next. strichka needs the published site, the site before it
// (which the next build builds into) and their lists of files and page states. A lost or
// damaged cache only costs time: that build is a full one.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** What `strichka build --output=_site` keeps, relative to the site's folder. */
export const STATE = ["_site", "._site.files.json", "._site.pages.json", "._site.articles", "._site.articles.related", "._site.images.json", "._site.folders.json", "._site.recycled", "._site.recycled.files.json", "._site.recycled.pages.json", "._site.recycled.folders.json"];

// One folder holds them in the cache, moved in and out whole: cache-utils copies with
// globs that leave out dot-files (._site.files.json, _site/.well-known/), and moving keeps all.
const CACHED = "strichka-build-state";

export const onPreBuild = async ({ utils }) => {
  if (!(await utils.cache.restore(CACHED, { move: true }))) return;
  for (const name of readdirSync(CACHED)) if (STATE.includes(name) && !existsSync(name)) renameSync(join(CACHED, name), name);
  rmSync(CACHED, { recursive: true, force: true });
  for (const site of ["_site", "._site.recycled"]) restamp(site);
};

/**
 * The times of a restored site's folders, recorded again. strichka records them when its
 * build finishes and, building into that site next time, reads only the folders whose time
 * moved (src/folder-times.ts: what else was put there by hand goes); a restore from the
 * cache gives every folder and file a new time, which would make it read every folder. What
 * the cache gives back is what onPostBuild put in, so the sites are as their builds left
 * them: their records are made true again. (The record's format is folder-times.ts's.)
 */
function restamp(site) {
  const beside = `.${site.replace(/^\./, "")}`;
  const recordPath = `${beside}.folders.json`;
  if (!existsSync(recordPath) || !existsSync(`${beside}.files.json`)) return;
  try {
    const record = JSON.parse(readFileSync(recordPath, "utf8"));
    const manifest = statSync(`${beside}.files.json`);
    record.manifest = { size: manifest.size, mtimeMs: manifest.mtimeMs };
    record.times = record.folders.map((folder) => statSync(folder === "" ? site : join(site, folder)).mtimeMs);
    // (Nothing changed since: no folder is to be read for having changed close to the record.)
    record.madeAt = record.times.reduce((latest, time) => Math.max(latest, time), 0) + 60_000;
    writeFileSync(recordPath, JSON.stringify(record));
  } catch {
    rmSync(recordPath, { force: true }); // strichka then reads every folder
  }
}

// After the build, before Netlify deploys _site/: a copy of what it deploys goes into the
// cache, and the rest is moved there (no copy of a whole site that is not deployed).
export const onPostBuild = async ({ utils }) => {
  rmSync(CACHED, { recursive: true, force: true });
  mkdirSync(CACHED, { recursive: true });
  for (const name of STATE) {
    if (!existsSync(name)) continue;
    if (name.startsWith("._site.recycled")) renameSync(name, join(CACHED, name));
    else cpSync(name, join(CACHED, name), { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  }
  await utils.cache.save(CACHED, { move: true });
};
