// Netlify build plugin: keeps strichka's build state between deploys, so that `strichka
// build` on Netlify is incremental, as on a newsroom's own machine. Netlify starts every
// build from a fresh clone; its build cache (utils.cache, @netlify/cache-utils) carries
// files from one build to the next. strichka needs the published site, the site before it
// (which the next build builds into) and their lists of files and page states. A lost or
// damaged cache only costs time: that build is a full one.
import { cpSync, existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";

/** What `strichka build --output=_site` keeps, relative to the site's folder. */
export const STATE = ["_site", "._site.files.json", "._site.pages.json", "._site.articles", "._site.articles.related", "._site.images.json", "._site.recycled", "._site.recycled.files.json", "._site.recycled.pages.json"];

// One folder holds them in the cache, moved in and out whole: cache-utils copies with
// globs that leave out dot-files (._site.files.json, _site/.well-known/), and moving keeps all.
const CACHED = "strichka-build-state";

export const onPreBuild = async ({ utils }) => {
  if (!(await utils.cache.restore(CACHED, { move: true }))) return;
  for (const name of readdirSync(CACHED)) if (STATE.includes(name) && !existsSync(name)) renameSync(join(CACHED, name), name);
  rmSync(CACHED, { recursive: true, force: true });
};

// After the build, before Netlify deploys _site/: a copy goes into the cache.
export const onPostBuild = async ({ utils }) => {
  rmSync(CACHED, { recursive: true, force: true });
  for (const name of STATE) if (existsSync(name)) cpSync(name, join(CACHED, name), { recursive: true, verbatimSymlinks: true });
  await utils.cache.save(CACHED, { move: true });
};
