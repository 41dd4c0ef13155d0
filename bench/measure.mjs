// Preloaded (node --import) into each measured build: at exit, writes the process's CPU
// time and peak memory to the file named by BENCH_REPORT.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const usage = process.resourceUsage();
  writeFileSync(
    process.env.BENCH_REPORT,
    JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024 }),
  );
});
