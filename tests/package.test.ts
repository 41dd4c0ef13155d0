// strichka as an npm package: what `npm pack` ships, and that the shipped JavaScript runs
// on plain Node (no tsx, no TypeScript).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

describe("the package", () => {
  let files: string[];
  beforeAll(() => {
    // Runs prepack too, which compiles src/ into dist/.
    const result = spawnSync("npm", ["pack", "--dry-run", "--json"], { cwd: ROOT, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    const [pack] = JSON.parse(result.stdout) as { files: { path: string }[] }[];
    files = pack!.files.map((file) => file.path);
  });

  it("packs compiled JavaScript with type declarations, the default layouts, pages and assets; no sources, tests or content", () => {
    for (const file of ["package.json", "README.md", "dist/index.js", "dist/index.d.ts", "dist/cli.js", "_includes/base.njk", "_includes/partials/video.njk", "content/lists.njk", "content/feeds/atom.njk", "content/assets/style.css"]) {
      expect(files).toContain(file);
    }
    // Not our sources, tests, benchmark, or our newsroom's content.
    expect(files.filter((file) => /^(src|tests|bench|_data|content\/articles|content\/images)\//.test(file))).toEqual([]);
  });

  it("runs on plain Node: the plugin and the helpers are exported", () => {
    const script = `
      const strichka = await import(${JSON.stringify(join(ROOT, "dist/index.js"))});
      console.log(JSON.stringify({
        plugin: typeof strichka.default,
        date: strichka.formatKyivDateTime(new Date("2026-01-14T21:40:00Z")),
        slug: strichka.slugify("Знам'янка"),
        plural: strichka.pluralize(21, ["новина", "новини", "новин"]),
        typography: strichka.typographText('"Великої сімки"'),
      }));`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ plugin: "function", date: "14 січня 2026, 23:40", slug: "znamianka", plural: "21 новина", typography: "«Великої сімки»" });
  });
});
