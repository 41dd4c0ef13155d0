// strichka as an npm package: what `npm pack` ships, and that the shipped JavaScript runs
// on plain Node (no tsx, no TypeScript).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listFiles, ROOT, tempDir } from "./helpers/site.js";
import { atomSchemaErrors, brokenInternalLinks, readHtml } from "./helpers/html.js";

/** The folder `npm pack` put the tarball in; what is in it; the tarball. */
let work: string;
let files: string[];
let tarball: string;
beforeAll(() => {
  // Packed once for both describes: packing runs prepack, which compiles src/ into dist/.
  work = tempDir("strichka-newsroom-");
  const result = spawnSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: ROOT, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  const [pack] = JSON.parse(result.stdout) as { files: { path: string }[]; filename: string }[];
  files = pack!.files.map((file) => file.path);
  tarball = join(work, pack!.filename);
  expect(readdirSync(work)).toEqual([pack!.filename]);
});

describe("the package", () => {
  it("packs compiled JavaScript with type declarations, the default layouts, pages and assets; no sources, tests or content", () => {
    for (const file of ["package.json", "README.md", "dist/index.js", "dist/index.d.ts", "dist/cli.js", "_includes/base.njk", "_includes/partials/video.njk", "_includes/listing.njk", "content/feeds/atom.njk", "content/assets/style.css", "netlify/plugins/strichka-build-state/index.js", "netlify/plugins/strichka-build-state/manifest.yml", "docs/telegram-instant-view.md", "dist/decap-cms/decap-cms.js"]) {
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

describe("a newsroom that has never seen this repository", () => {
  it("packs strichka, scaffolds a site with `strichka init`, installs, builds with plain Eleventy, overrides a layout and a text", async () => {
    // `npx strichka init`, from the compiled package, on plain Node.
    const site = join(work, "Полтавські новини");
    const init = spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), "init", site], { encoding: "utf8" });
    expect(init.status, init.stderr).toBe(0);
    const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: site, encoding: "utf8" });
    expect(install.status, install.stderr).toBe(0);

    // The site's netlify.toml names the package's build-state plugin, where npm installed it.
    const plugin = /package = "\/(node_modules\/strichka\/[^"]+)"/.exec(readFileSync(join(site, "netlify.toml"), "utf8"))?.[1];
    expect(existsSync(join(site, plugin!, "manifest.yml"))).toBe(true);

    const made = spawnSync("npx", ["strichka", "new", "Нова школа відкрилася в Ірпені", "--topic", "hromada"], { cwd: site, encoding: "utf8" });
    expect(made.status, made.stderr).toBe(0);
    const refused = spawnSync("npx", ["strichka", "new", "Спорт", "--topic", "sport"], { cwd: site, encoding: "utf8" });
    expect(refused.status).toBe(2); // a wrong command line, as every refusal of the CLI
    expect(refused.stderr).toContain('"sport" is not a topic in _data/topics.json; use one of: hromada, ekonomika');

    const eleventy = () => spawnSync("npx", ["@11ty/eleventy"], { cwd: site, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const built = eleventy();
    expect(built.status, built.stderr).toBe(0);
    const output = join(site, "_site");
    const articles = listFiles(output).filter((file) => file.startsWith("novyny/"));
    expect(articles).toHaveLength(3);
    const page = readHtml(join(output, articles.find((file) => file.includes("nova-shkola"))!));
    expect(page.querySelector("h1")!.textContent).toBe("Нова школа відкрилася в Ірпені");
    expect(page.querySelector(".article-meta a.topic-link")!.textContent).toBe("Громада");
    expect(page.querySelector(".related h2")!.textContent).toBe("Вас також можуть зацікавити новини:");
    expect(listFiles(output)).toContain("temy/hromada/index.html");
    expect(await atomSchemaErrors(readFileSync(join(output, "feed.xml"), "utf8"))).toEqual([]);
    expect(brokenInternalLinks(output)).toEqual([]);
    // The editors' desk from the package's own copy of Decap CMS: the site does not install decap-cms and its ~600 dependencies.
    expect(listFiles(output)).toEqual(expect.arrayContaining(["admin/index.html", "admin/config.yml", "admin/decap-cms.js"]));
    // Byte for byte, with Buffer.equals: toEqual on the 5 MB file compared it element by element, 37 s of CPU.
    expect(readFileSync(join(output, "admin/decap-cms.js")).equals(readFileSync(join(ROOT, "node_modules/decap-cms/dist/decap-cms.js"))), "admin/decap-cms.js is decap-cms's").toBe(true);
    expect(existsSync(join(site, "node_modules/decap-cms")), "decap-cms installed in the site").toBe(false);

    // Override one layout and one text.
    mkdirSync(join(site, "_includes"));
    const layout = readFileSync(join(site, "node_modules/strichka/_includes/article.njk"), "utf8");
    writeFileSync(join(site, "_includes/article.njk"), layout.replace('<article class="article">', '<article class="article poltava">'));
    const config = join(site, "eleventy.config.js");
    writeFileSync(config, readFileSync(config, "utf8").replace("addPlugin(strichka)", 'addPlugin(strichka, { locale: { related: "Читайте також:" } })'));
    expect(eleventy().status).toBe(0);
    const overridden = readHtml(join(output, articles.find((file) => file.includes("nova-shkola"))!));
    expect(overridden.querySelector("article.poltava")).not.toBeNull();
    expect(overridden.querySelector(".related h2")!.textContent).toBe("Читайте також:");
  }, 300_000);
});
