// What the benchmarks share: builds measured in a fresh Node process each, and the generated
// site set up as strichka's. A build may run child processes (strichka renders shards in
// two at a time), so what is reported is the whole process tree's: CPU time (the measure.mjs
// preload adds the children's, which the build has waited for, to its own) and peak RSS
// (sampled here from /proc every 150 ms while the build runs, summed over the build and all
// its descendants).
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");

export interface Measure {
  wallMs: number;
  /** CPU time of the build and of every child process it waited for. */
  cpuMs: number;
  /** CPU time of the build's own process. */
  ownCpuMs: number;
  /**
   * Peak RSS of the process tree: the largest sum over the build and its descendants seen by
   * the sampler, or the build's own peak when that is larger (a peak between two samples).
   * Pages shared between processes (Node's binary, mostly) count once per process.
   */
  maxRssMb: number;
  /** Peak RSS of the build's own process (the kernel's figure, exact). */
  ownRssMb: number;
  /** The most processes seen at once in the tree (1: the build ran alone); 0 without /proc. */
  processes: number;
  pages: number;
  phases?: Record<string, number>;
}

export function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith(".html")).length;
}

const SAMPLE_MS = 150;

/** The direct children of `pid`, from each of its threads' `children` file (Linux with CONFIG_PROC_CHILDREN). */
function childrenFromTasks(pid: number): number[] {
  const children: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ")) if (child.trim()) children.push(Number(child));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return children;
}

/** The children of each process, by a scan of every /proc/<pid>/stat (kernels without `children` files). */
function childrenByScan(): (pid: number) => number[] {
  const byParent = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // Field 4, after the command name in parentheses (which may hold spaces).
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      byParent.set(parent, [...(byParent.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return (pid) => byParent.get(pid) ?? [];
}

let childrenFiles: boolean | undefined;

/** `pid` and its descendants (gone ones may be listed: their RSS reads as 0); none without /proc. */
export function processTree(pid: number): number[] {
  childrenFiles ??= (() => {
    try {
      readFileSync(`/proc/self/task/${process.pid}/children`, "utf8");
      return true;
    } catch {
      return false;
    }
  })();
  try {
    const childrenOf = childrenFiles ? childrenFromTasks : childrenByScan();
    const tree: number[] = [];
    const queue = [pid];
    while (queue.length > 0) {
      const current = queue.shift()!;
      try {
        queue.push(...childrenOf(current));
        tree.push(current);
      } catch {
        // Gone: neither it nor its children count.
      }
    }
    return tree;
  } catch {
    return [];
  }
}

/** VmRSS of a process in bytes; 0 once it has gone (or for a zombie, which holds no memory). */
function rssBytes(pid: number): number {
  try {
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}

/** Samples the RSS of `pid`'s process tree until stopped; the largest sum and the most processes seen. */
export function sampleTree(pid: number): () => { maxRssMb: number; processes: number } {
  let maxBytes = 0;
  let processes = 0;
  const sample = () => {
    let bytes = 0;
    let alive = 0;
    for (const member of processTree(pid)) {
      const rss = rssBytes(member);
      bytes += rss;
      if (rss > 0) alive++;
    }
    maxBytes = Math.max(maxBytes, bytes);
    processes = Math.max(processes, alive);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  return () => {
    clearInterval(timer);
    return { maxRssMb: maxBytes / 1024 / 1024, processes };
  };
}

/** A measured build that failed (at a million articles, a heap exhausted is a result), with what was measured until then. */
export class BuildFailed extends Error {
  constructor(
    readonly label: string,
    readonly code: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly partial: Pick<Measure, "wallMs" | "maxRssMb" | "processes">,
  ) {
    super(`${label} build ${signal ? `was killed by ${signal}` : `exited with ${code}`} after ${seconds(partial.wallMs)} (peak RSS of all its processes ${partial.maxRssMb.toFixed(0)} MB)`);
  }
}

/** Runs `node [args]` in `cwd` with the measuring preload; wall time from spawn to exit; a failed build rejects with BuildFailed. */
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
    const stopSampling = child.pid === undefined ? () => ({ maxRssMb: 0, processes: 0 }) : sampleTree(child.pid);
    child.on("error", (error) => {
      stopSampling();
      fail(error);
    });
    child.on("exit", (code, signal) => {
      const wallMs = performance.now() - start;
      const tree = stopSampling();
      if (code !== 0) return fail(new BuildFailed(label, code, signal, { wallMs, maxRssMb: tree.maxRssMb, processes: tree.processes }));
      const usage = JSON.parse(readFileSync(report, "utf8")) as { ownCpuMs: number; ownRssMb: number; childrenCpuMs: number | null };
      let phaseTimes: Record<string, number> | undefined;
      try {
        phaseTimes = JSON.parse(readFileSync(phases, "utf8")) as Record<string, number>;
      } catch {
        phaseTimes = undefined;
      }
      done({
        wallMs,
        cpuMs: usage.ownCpuMs + (usage.childrenCpuMs ?? 0),
        ownCpuMs: usage.ownCpuMs,
        maxRssMb: Math.max(tree.maxRssMb, usage.ownRssMb),
        ownRssMb: usage.ownRssMb,
        processes: tree.processes,
        pages: countPages(output),
        phases: phaseTimes,
      });
    });
  });
}

/** Where compileStrichka put strichka as JavaScript, once --compiled asked for it; else builds run from src/ through tsx. */
let compiled: string | undefined;

/**
 * strichka and the configs compiled to JavaScript in a temporary folder, as a newsroom runs
 * it (the package's dist/, a site's eleventy.config.js: no tsx, whose loading is ~2 s of a
 * build's CPU, measured at 100,000 articles), and every later buildStrichka run from there.
 * The package's files beside the code (package.json, _includes/, content/) are links to ours.
 */
export function compileStrichka(): string {
  const folder = mkdtempSync(join(tmpdir(), "strichka-compiled-"));
  const tsconfig = join(folder, "tsconfig.json");
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(ROOT, "tsconfig.json"),
      compilerOptions: { noEmit: false, outDir: folder, rootDir: ROOT, declaration: false, sourceMap: false, incremental: false },
      include: [join(ROOT, "src"), join(ROOT, "eleventy.config.ts"), join(ROOT, "bench/no-minify.config.ts")],
    }),
  );
  for (const name of ["package.json", "_includes", "content", "node_modules"]) symlinkSync(join(ROOT, name), join(folder, name));
  const result = spawnSync(join(ROOT, "node_modules/.bin/tsc"), ["-p", tsconfig], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`compiling strichka failed:\n${result.stdout}${result.stderr}`);
  return (compiled = folder);
}

/** Every later buildStrichka run from strichka compiled earlier into `folder` (laid out as compileStrichka lays it out), which is left as it is. */
export function useCompiled(folder: string): string {
  for (const file of ["src/cli.js", "eleventy.config.js", "bench/no-minify.config.js"]) {
    if (!existsSync(join(folder, file))) throw new Error(`--compiled=${folder}: no ${file} there`);
  }
  return (compiled = resolve(folder));
}

/** `strichka build` in `site`; `full` renders every page (the default is incremental: only what changed since the site it builds into); `args`, more of its options. */
export function buildStrichka(site: string, { config = "eleventy.config.ts", full = true, args = [] }: { config?: string; full?: boolean; args?: string[] } = {}): Promise<Measure> {
  const options = [...(full ? ["--full"] : []), ...args];
  if (compiled) return measure("strichka", site, [join(compiled, "src/cli.js"), "build", `--config=${join(compiled, config.replace(/\.ts$/, ".js"))}`, ...options], join(site, "_site"));
  return measure("strichka", site, ["--import", "tsx", join(ROOT, "src/cli.ts"), "build", `--config=${join(ROOT, config)}`, ...options], join(site, "_site"));
}

/**
 * strichka's site in `site`: our templates and pages, the generated data and articles from
 * `source` (see generate.ts), an empty `_site/`.
 */
export function setUpStrichkaSite(site: string, source: string): void {
  cpSync(join(ROOT, "_includes"), join(site, "_includes"), { recursive: true });
  cpSync(join(ROOT, "content"), join(site, "content"), { recursive: true, filter: (path) => !path.includes(join("content", "articles", "")) });
  cpSync(join(source, "_data"), join(site, "_data"), { recursive: true });
  linkTree(join(source, "content/articles"), join(site, "content/articles"));
  mkdirSync(join(site, "_site"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(site, "node_modules"));
}

/**
 * Gives `to` the files of `from`, folder by folder, as hard links: a million articles are
 * not copied for every run (the bench's own edits go through `rewrite`, so the generated
 * data is never written through a link). Copies instead where links cannot be made (another
 * file system).
 */
export function linkTree(from: string, to: string): void {
  let link = true;
  const walk = (source: string, target: string) => {
    mkdirSync(target, { recursive: true });
    for (const entry of readdirSync(source, { withFileTypes: true })) {
      const path = join(source, entry.name);
      if (entry.isDirectory()) {
        walk(path, join(target, entry.name));
        continue;
      }
      if (link) {
        try {
          linkSync(path, join(target, entry.name));
          continue;
        } catch (error) {
          if (!["EXDEV", "EPERM", "EMLINK", "ENOTSUP"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
          link = false;
        }
      }
      copyFileSync(path, join(target, entry.name));
    }
  };
  walk(from, to);
}

/** Writes `text` to `path` as a new file: a hard link to the generated data (see linkTree) is replaced, never written through. */
export function rewrite(path: string, text: string): void {
  rmSync(path, { force: true });
  writeFileSync(path, text);
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
