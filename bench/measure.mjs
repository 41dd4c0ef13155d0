// Preloaded (node --import) into each measured build: at exit, writes to the file named by
// BENCH_REPORT the process's own CPU time and peak RSS (the kernel's, exact), and the CPU
// time of the children it has waited for (fields 16 and 17 of /proc/self/stat, cutime and
// cstime: Node's resourceUsage counts the process alone). The whole tree's peak memory is
// sampled by the harness (bench/harness.ts), which a process cannot see of itself at exit.
import { readFileSync, writeFileSync } from "node:fs";

/** CPU time of waited-for children, in ms; null without /proc (not Linux). */
function childrenCpuMs() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // After the command name in parentheses (which may hold spaces), field 3 onwards.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // 100 ticks a second: USER_HZ, fixed for /proc on Linux whatever the kernel's HZ.
    return ((Number(fields[16 - 3]) + Number(fields[17 - 3])) * 1000) / 100;
  } catch {
    return null;
  }
}

// The build's own figures only: child processes started with its flags (strichka's shards
// get process.execArgv, so this preload too) and its environment find no report to write.
const report = process.env.BENCH_REPORT;
delete process.env.BENCH_REPORT;

process.on("exit", () => {
  if (!report) return;
  const usage = process.resourceUsage();
  writeFileSync(
    report,
    JSON.stringify({ ownCpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, ownRssMb: usage.maxRSS / 1024, childrenCpuMs: childrenCpuMs() }),
  );
});
