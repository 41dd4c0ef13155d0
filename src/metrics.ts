// Per-phase timings for `npm run bench`: off unless STRICHKA_PHASES names a file, where
// the totals are written when the process exits. Costs one branch per call when off.
import { writeFileSync } from "node:fs";

const target = process.env.STRICHKA_PHASES;
const totals = new Map<string, number>();

if (target) {
  process.on("exit", () => writeFileSync(target, JSON.stringify(Object.fromEntries(totals))));
}

/**
 * Adds the time `work` takes (sync work only) to the phase `name`, and the CPU time this
 * process spent meanwhile to `${name}Cpu`: on a shared machine the wall time of a short
 * phase is mostly other processes' turns.
 */
export function timedWithCpu<T>(name: string, work: () => T): T {
  if (!target) return work();
  const cpu = process.cpuUsage();
  const result = timed(name, work);
  const spent = process.cpuUsage(cpu);
  totals.set(`${name}Cpu`, (totals.get(`${name}Cpu`) ?? 0) + (spent.user + spent.system) / 1000);
  return result;
}

/** Adds the time `work` takes (sync or async) to the phase `name`. */
export function timed<T>(name: string, work: () => T): T {
  if (!target) return work();
  const start = performance.now();
  const add = () => totals.set(name, (totals.get(name) ?? 0) + performance.now() - start);
  const result = work();
  if (result instanceof Promise) return result.finally(add) as T;
  add();
  return result;
}
