// The preview never writes into a site `strichka build` published: its drafts would go live
// with the next deploy. Eleventy in watch mode, as `npm start` runs it (without the dev
// server's port), next to a published _site/.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { article, build, listFiles, makeSite, ROOT } from "./helpers/site.js";

let dir: string;
const running: ChildProcess[] = [];

/** Every file of the folder with its modification time. */
function snapshot(folder: string): Map<string, number> {
  return new Map(listFiles(folder).map((file) => [file, statSync(join(folder, file)).mtimeMs]));
}

/** Eleventy in watch mode in the site's folder; `log` collects what it says. */
function preview(output: string): { child: ChildProcess; log: () => string; exited: Promise<number | null> } {
  const child = spawn(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), `--config=${join(ROOT, "eleventy.config.ts")}`, `--output=${output}`, "--watch"], {
    cwd: dir,
    // Its own process group: tsx runs Eleventy in a child process, and both must stop.
    detached: true,
    env: { ...process.env, NO_COLOR: "1" },
  });
  running.push(child);
  let said = "";
  child.stdout!.on("data", (chunk: Buffer) => (said += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (said += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on("exit", done));
  return { child, log: () => said, exited };
}

/** Resolves once `log` shows `count` successful builds; fails after a minute without. */
function builds(log: () => string, count: number): Promise<void> {
  return new Promise((done, fail) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if ([...log().matchAll(/Wrote [1-9]\d* files?/g)].length >= count) done();
      else if (Date.now() - started > 60_000) fail(new Error(`no build ${count} in the preview's log:\n${log()}`));
      else return;
      clearInterval(timer);
    }, 50);
    timer.unref();
  });
}

beforeAll(() => {
  dir = makeSite({
    "content/articles/a.md": article({ title: "Опублікована новина", slug: "opublikovana", date: "2026-01-14 10:00", topic: "kultura" }),
    "content/articles/draft.md": article({ title: "Чернетка новини", slug: "chernetka", date: "2026-01-15 10:00", topic: "kultura", draft: "true" }),
  });
  const published = build(dir);
  expect(published.status, published.stderr).toBe(0);
}, 90_000);
afterAll(() => {
  for (const child of running) if (child.pid && child.exitCode === null) process.kill(-child.pid);
});

describe("the preview next to a published site", () => {
  it("refuses to build into the published _site/, saying why and what to run instead, and writes nothing there", async () => {
    const site = join(dir, "_site");
    const before = snapshot(site);
    const { log, exited } = preview(site);
    // The refusal ends the preview; a successful build would keep it watching.
    const outcome = await Promise.race([exited.then((code) => `exited with ${code}`), builds(log, 1).then(() => "built the site", () => "timed out")]);
    expect(outcome).toBe("exited with 1");
    expect(log()).toContain("The preview would write drafts into");
    expect(log()).toContain("a site that `strichka build` published");
    expect(log()).toContain("--output=_preview");
    expect(log()).not.toContain("stack trace");
    expect(log()).not.toMatch(/\n\s+at /);
    expect(snapshot(site)).toEqual(before);
    expect(existsSync(join(site, "novyny/2026/01/15/chernetka.html"))).toBe(false);
  }, 90_000);

  it("previews into _preview/, drafts and saves included, and leaves the published _site/ as it was", async () => {
    const site = join(dir, "_site");
    const before = snapshot(site);
    const { log } = preview(join(dir, "_preview"));
    await builds(log, 1);
    expect(readFileSync(join(dir, "_preview/novyny/2026/01/15/chernetka.html"), "utf8")).toContain("Чернетка новини");
    // The watcher starts after the first build.
    await new Promise((done) => setTimeout(done, 1500));
    const file = join(dir, "content/articles/a.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Опублікована новина", "Опублікована новина, виправлена"));
    await builds(log, 2);
    expect(readFileSync(join(dir, "_preview/novyny/2026/01/14/opublikovana.html"), "utf8")).toContain("Опублікована новина, виправлена");
    expect(snapshot(site)).toEqual(before);
    expect(existsSync(join(site, "novyny/2026/01/15/chernetka.html"))).toBe(false);
  }, 90_000);
});
