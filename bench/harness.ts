// What the benchmarks share: builds measured in a fresh Node process each (the measure.mjs
// preload reports CPU time and peak RSS), and the generated site set up as strichka's.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");

export interface Measure {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  pages: number;
  phases?: Record<string, number>;
}

export function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith(".html")).length;
}

/** Runs `node [args]` in `cwd` with the measuring preload; wall time from spawn to exit. */
export function measure(label: string, cwd: string, nodeArgs: string[], output: string, env: Record<string, string> = {}): Promise<Measure> {
  const report = join(cwd, `.bench-${label}.json`);
  const phases = join(cwd, `.bench-${label}-phases.json`);
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, ["--import", join(ROOT, "bench/measure.mjs"), ...nodeArgs], {
      cwd,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, BENCH_REPORT: report, STRICHKA_PHASES: phases, ...env },
    });
    child.on("error", fail);
    child.on("exit", (code) => {
      const wallMs = performance.now() - start;
      if (code !== 0) return fail(new Error(`${label} build exited with ${code}`));
      const usage = JSON.parse(readFileSync(report, "utf8")) as { cpuMs: number; maxRssMb: number };
      let phaseTimes: Record<string, number> | undefined;
      try {
        phaseTimes = JSON.parse(readFileSync(phases, "utf8")) as Record<string, number>;
      } catch {
        phaseTimes = undefined;
      }
      done({ wallMs, ...usage, pages: countPages(output), phases: phaseTimes });
    });
  });
}

/** `strichka build` of the site in `site` (the real CLI, a fresh process), measured. */
/** `strichka build` in `site`; `full` renders every page (the default is incremental: only what changed since the site it builds into). */
export function buildStrichka(site: string, { config = "eleventy.config.ts", full = true }: { config?: string; full?: boolean } = {}): Promise<Measure> {
  return measure("strichka", site, ["--import", "tsx", join(ROOT, "src/cli.ts"), "build", `--config=${join(ROOT, config)}`, ...(full ? ["--full"] : [])], join(site, "_site"));
}

/**
 * strichka's site in `site`: our templates and pages, the generated data and articles from
 * `source` (see generate.ts), an empty `_site/`.
 */
export function setUpStrichkaSite(site: string, source: string): void {
  cpSync(join(ROOT, "_includes"), join(site, "_includes"), { recursive: true });
  cpSync(join(ROOT, "content"), join(site, "content"), { recursive: true, filter: (path) => !path.includes(join("content", "articles", "")) });
  cpSync(join(source, "_data"), join(site, "_data"), { recursive: true });
  cpSync(join(source, "content/articles"), join(site, "content/articles"), { recursive: true });
  mkdirSync(join(site, "_site"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(site, "node_modules"));
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
