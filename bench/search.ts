// The search budgets (README «Пошук»): how long the build takes to write the index, what a
// reader's first query downloads (gzipped), and how long the answer takes in Chromium from
// disk. Printed after a fresh build by `npm run bench`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { seconds } from "./harness.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** About as many articles' months as the search page loads at first (content/assets/search.js). */
const BATCH_ARTICLES = 1500;
const QUERIES = ["переговорах", "ціни на енергетику", "kyiv"];

/** `buildMs`, `buildCpuMs`: the wall and CPU time the build spent writing the month files; each query is timed `rounds` times. */
export async function printSearch(site: string, buildMs: number | undefined, buildCpuMs?: number, rounds = 3): Promise<void> {
  const folder = join(site, "poshuk");
  if (!existsSync(join(folder, "index.js"))) return;
  const window: { strichkaSearchMonths?: [string, number][] } = {};
  runInNewContext(readFileSync(join(folder, "index.js"), "utf8"), { window });
  const months = window.strichkaSearchMonths ?? [];
  const script = readdirSync(join(site, "static")).find((name) => /^search\.[0-9a-f]+\.js$/.test(name));
  let batch = 0;
  for (let articles = 0; batch < months.length && (batch === 0 || articles < BATCH_ARTICLES); batch++) articles += months[batch]![1];
  const first = [join(folder, "words.js"), join(folder, "index.js"), ...(script ? [join(site, "static", script)] : []), ...months.slice(0, batch).map(([name]) => join(folder, `${name}.js`))];
  const gzipped = first.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
  const all = months.reduce((sum, [name]) => sum + readFileSync(join(folder, `${name}.js`)).length, 0);
  console.log("\nSearch (README «Пошук»):\n");
  console.log("| figure | value |");
  console.log("|---|---|");
  console.log(`| index written (month files, in the build): wall; CPU | ${buildMs === undefined ? "–" : seconds(buildMs)}; ${buildCpuMs === undefined ? "–" : seconds(buildCpuMs)} |`);
  console.log(`| month files | ${months.length}, ${(all / 1e6).toFixed(1)} MB in all |`);
  console.log(`| a first query downloads (gzipped: words.js, index.js, search.js, the ${batch} newest months, the first batch) | ${(gzipped / 1024).toFixed(0)} KB |`);
  if (!existsSync(CHROMIUM)) return console.log("| query time in Chromium | not measured (no Chromium) |");
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    for (const query of QUERIES) {
      const times: number[] = [];
      const searching: number[] = [];
      let found = "";
      for (let round = 0; round < rounds; round++) {
        const page = await browser.newPage();
        await page.goto(`${pathToFileURL(join(folder, "index.html")).href}?q=${encodeURIComponent(query)}`);
        const status = page.locator("#search-status[data-ms]");
        await status.waitFor({ timeout: 60_000 });
        times.push(Number(await status.getAttribute("data-ms")));
        searching.push(Number(await status.getAttribute("data-search-ms")));
        found = (await status.textContent()) ?? "";
        await page.close();
      }
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
      console.log(`| query «${query}» in Chromium from disk (median of ${rounds}): searching and drawing; with the month files' loading | ${median(searching)} ms; ${median(times)} ms (${found}) |`);
    }
  } finally {
    await browser.close();
  }
}
