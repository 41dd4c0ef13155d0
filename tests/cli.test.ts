// The strichka command as a user types it: its exit code and its words. A typo on the
// command line must never cost a file, and never print a stack trace. One case of each
// command runs as a child process (src/cli.ts: the exit code reaches the shell); the rest run
// the same command in this process (runCommand), which gives the same codes and words in a
// fraction of a child's time (Node and tsx start in some 1.5 s).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_INCLUDES, DEFAULT_INPUT, PACKAGE_ROOT } from "../src/plugin/folders.js";
import { checkOutputFolder } from "../src/publish.js";
import { article, makeSite, ROOT, strichkaInProcess, tempDir } from "./helpers/site.js";

/** `strichka ARGS` in `cwd`, as `npm run build` runs it: a child process. */
function strichka(cwd: string, ...args: string[]) {
  const result = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "src/cli.ts"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

/** The same command in this process (src/commands.ts): for what a child process proves nothing extra about. */
async function command(cwd: string, ...args: string[]) {
  const result = await strichkaInProcess(cwd, ...args);
  return { status: result.status, out: result.stdout, err: result.stderr };
}

const CONFIG = `--config=${join(ROOT, "eleventy.config.ts")}`;
/** A stack trace's frames ("    at fn (file:1:2)"). */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** Every file below `dir` with its text: to prove a refused command changed nothing. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), "utf8")]),
  );
}

describe("strichka build: arguments", () => {
  const site = makeSite({ "content/articles/a.md": article({ title: "Новина", date: "2026-01-14 10:00", topic: "ekonomika" }) });

  it("--help explains and builds nothing", async () => {
    const result = await command(site, "build", "--help", CONFIG);
    expect(result.status).toBe(0);
    expect(result.out).toContain("Usage: strichka build");
    expect(result.out).toContain("--output=DIR");
    expect(existsSync(join(site, "_site"))).toBe(false);
  });

  it("refuses an unknown flag, a flag without its value and a stray argument, building nothing", async () => {
    for (const [args, says] of [
      [["--outptu=x"], "Unknown option '--outptu'"],
      [["--output"], "argument missing"],
      [["--output="], "--output needs a value"],
      [["extra"], "Usage: strichka build"],
    ] as const) {
      // The first as the user's shell runs it (exit code 2 from the process), the rest in this process.
      const result = args[0] === "--outptu=x" ? strichka(site, "build", CONFIG, ...args) : await command(site, "build", CONFIG, ...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.err).toContain(says);
      expect(result.err).toContain("Usage: strichka build");
      expect(result.err).not.toMatch(STACK);
    }
    expect(existsSync(join(site, "_site"))).toBe(false);
    expect(readdirSync(site).filter((name) => name.startsWith("._site"))).toEqual([]);
  });

  it("in a folder without a config, says so plainly", async () => {
    const empty = tempDir();
    const result = await command(empty, "build");
    expect(result.status).toBe(2);
    expect(result.err).toContain(`No Eleventy config in ${empty}`);
    expect(result.err).toContain("strichka init");
    expect(result.err).not.toMatch(STACK);
    expect((await command(empty, "build", "--config=nope.js")).err).toContain("The config file nope.js does not exist");
  });

  it("never replaces the articles, data, layouts or a folder of other files with the site", async () => {
    mkdirSync(join(site, "notes"));
    writeFileSync(join(site, "notes/keep.txt"), "чернетки");
    const before = snapshot(site);
    for (const [output, reason] of [
      // The rest of the cases are in checkOutputFolder's own tests below.
      ["content", "is or holds content/"],
      ["_includes", "is or holds _includes/"],
      ["_data", "is or holds _data/"],
      ["_data/old", "lies inside _data/"],
      ["notes", "holds files that no strichka build wrote"],
      ["/", "holds the project"],
    ] as const) {
      const result = await command(site, "build", CONFIG, `--output=${output}`);
      expect(result.status, output).toBe(2);
      expect(result.err, output).toContain(reason);
      expect(result.err).toContain("Nothing was built");
    }
    expect(snapshot(site)).toEqual(before);
  });

  it("never replaces strichka's own layouts, pages or package folder with the site", async () => {
    // strichka's folder is this repository here, and the site is elsewhere. Each of these
    // holds files without a manifest, so even a check that let it through would not build there.
    const folders = [DEFAULT_INCLUDES, join(DEFAULT_INPUT, "feeds"), join(PACKAGE_ROOT, "docs")];
    const before = folders.map(snapshot);
    for (const [output, reason] of [
      [DEFAULT_INCLUDES, "is or holds strichka's _includes/"],
      [join(DEFAULT_INPUT, "feeds"), "lies inside strichka's content/"],
      [join(PACKAGE_ROOT, "docs"), "lies inside strichka's own folder"],
    ] as const) {
      const result = await command(site, "build", CONFIG, `--output=${output}`);
      expect(result.status, output).toBe(2);
      expect(result.err, output).toContain(reason);
      expect(result.err).toContain("Nothing was built");
    }
    expect(folders.map(snapshot)).toEqual(before);
  });
});

describe("checkOutputFolder", () => {
  const project = makeSite({});
  const sources = [join(project, "content"), join(project, "_includes"), join(project, "_data")];
  mkdirSync(join(project, "old-build"));
  writeFileSync(join(project, "old-build/index.html"), "<!doctype html>");
  mkdirSync(join(project, "empty"));
  writeFileSync(join(project, "file.txt"), "x");
  const check = (output: string) => checkOutputFolder(join(project, output), { project, sources, config: join(project, "eleventy.config.js") });

  it.each([
    ["content", "is or holds content/"],
    ["content/articles", "lies inside content/"],
    ["content/x/y", "lies inside content/"],
    ["_data", "is or holds _data/"],
    ["_includes/partials", "lies inside _includes/"],
    ["node_modules/x", "lies inside node_modules/"],
    [".git/x", "lies inside .git/"],
    [".", "holds the project"],
    ["..", "holds the project"],
    ["old-build", "holds files that no strichka build wrote"],
    ["file.txt", "is a file"],
  ])("refuses %s", (output, reason) => {
    expect(check(output)).toContain(reason);
  });

  it("accepts a new folder, an empty one, and a site strichka published", () => {
    expect(check("_site")).toBeUndefined();
    expect(check("empty")).toBeUndefined();
    expect(check("deep/new/site")).toBeUndefined();
    mkdirSync(join(project, "published"));
    writeFileSync(join(project, "published/index.html"), "<!doctype html>");
    writeFileSync(join(project, ".published.files.json"), JSON.stringify(["index.html"]));
    expect(check("published")).toBeUndefined();
  });

  it("refuses strichka's own folders, which every build reads, what holds them and what lies inside them", () => {
    // strichka's folder is this repository in the tests; the check only looks, at folders that need not be there.
    const refusal = (output: string) => checkOutputFolder(output, { project, sources });
    expect(refusal(DEFAULT_INCLUDES)).toContain("is or holds strichka's _includes/");
    expect(refusal(join(DEFAULT_INCLUDES, "partials"))).toContain("lies inside strichka's _includes/");
    expect(refusal(DEFAULT_INPUT)).toContain("is or holds strichka's content/");
    expect(refusal(join(DEFAULT_INPUT, "feeds/new"))).toContain("lies inside strichka's content/");
    expect(refusal(PACKAGE_ROOT)).toContain("is or holds strichka's own folder");
    expect(refusal(dirname(PACKAGE_ROOT))).toContain("is or holds strichka's own folder");
    expect(refusal(join(PACKAGE_ROOT, "docs/site"))).toContain("lies inside strichka's own folder");
  });

  it("lets a project inside strichka's folder (this repository's own site) build inside itself, and nowhere else in it", () => {
    const repository = { project: PACKAGE_ROOT, sources: [DEFAULT_INPUT, DEFAULT_INCLUDES, join(PACKAGE_ROOT, "_data")] };
    // (Folders that are not there: only where they lie matters.)
    expect(checkOutputFolder(join(PACKAGE_ROOT, "_site-of-a-test"), repository)).toBeUndefined();
    const inside = { project: join(PACKAGE_ROOT, ".bench/site-of-a-test"), sources: [join(PACKAGE_ROOT, ".bench/site-of-a-test/content")] };
    expect(checkOutputFolder(join(inside.project, "_site"), inside)).toBeUndefined();
    expect(checkOutputFolder(join(PACKAGE_ROOT, "_site-of-a-test"), inside)).toContain("lies inside strichka's own folder");
  });

  it("lets a site whose input is the project folder build into _site inside it, as Eleventy does", () => {
    expect(checkOutputFolder(join(project, "_site"), { project, sources: [project, join(project, "_includes")] })).toBeUndefined();
    expect(checkOutputFolder(join(project, "_includes"), { project, sources: [project, join(project, "_includes")] })).toContain("is or holds _includes/");
  });
});

describe("strichka init", () => {
  it("refuses a file, and a folder that has one of its files, without touching anything", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "file.txt"), "x");
    const onFile = strichka(dir, "init", "file.txt");
    expect(onFile.status).toBe(2);
    expect(onFile.err).toContain("file.txt is a file");
    expect(onFile.err).not.toMatch(STACK);

    mkdirSync(join(dir, "site"));
    writeFileSync(join(dir, "site/README.md"), "ours");
    const clash = await command(dir, "init", "site");
    expect(clash.status).toBe(2);
    expect(clash.err).toContain("already has README.md");
    expect(readdirSync(join(dir, "site"))).toEqual(["README.md"]);
    expect(readFileSync(join(dir, "site/README.md"), "utf8")).toBe("ours");
  });

  it("starts a site in a fresh clone (a folder with only .git)", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "site/.git"), { recursive: true });
    const run = await command(dir, "init", "site");
    expect(run.status, run.err).toBe(0);
    expect(existsSync(join(dir, "site/eleventy.config.js"))).toBe(true);
    expect(existsSync(join(dir, "site/.git"))).toBe(true);
  });

  it("--help and a missing folder get the usage", async () => {
    expect((await command(tempDir(), "init", "--help")).out).toContain("Usage: strichka init <folder>");
    const missing = await command(tempDir(), "init");
    expect(missing.status).toBe(2);
    expect(missing.err).toContain("Usage: strichka init <folder>");
  });
});

describe("strichka new", () => {
  /** A site whose config keeps articles in content/stories/ (the plugin's articlesDir option). */
  function siteWithStories(): string {
    const dir = makeSite({});
    const config = `import strichka from ${JSON.stringify(join(ROOT, "src/index.js"))};\nexport default function (eleventyConfig) { eleventyConfig.addPlugin(strichka, { articlesDir: "stories" }); }\nexport const config = { dir: { input: "content", includes: "../_includes", data: "../_data" } };\n`;
    writeFileSync(join(dir, "eleventy.config.ts"), config);
    return dir;
  }

  it("writes where the site's build reads (articlesDir), and the build publishes it", async () => {
    const dir = siteWithStories();
    const made = strichka(dir, "new", "Нова школа відкрилася в Ірпені", "--topic", "kultura");
    expect(made.status, made.err).toBe(0);
    const files = readdirSync(join(dir, "content/stories"));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}-nova-shkola-vidkrylasia-v-irpeni\.md$/);
    expect(readdirSync(join(dir, "content/articles")).filter((name) => name.endsWith(".md"))).toEqual([]);
    const built = await command(dir, "build");
    expect(built.status, built.err).toBe(0);
    expect(readFileSync(join(dir, "_site/index.html"), "utf8")).toContain("Нова школа відкрилася в Ірпені");
  });

  it("takes a title that starts with -- after the -- separator, and refuses it as a flag", async () => {
    const dir = siteWithStories();
    const asFlag = await command(dir, "new", "--Мороз у Харкові", "--topic", "kultura");
    expect(asFlag.status).toBe(2);
    expect(asFlag.err).toContain("Usage: strichka new");
    const separated = await command(dir, "new", "--topic", "kultura", "--", "--Мороз у Харкові");
    expect(separated.status, separated.err).toBe(0);
    const [file] = readdirSync(join(dir, "content/stories"));
    expect(readFileSync(join(dir, "content/stories", file!), "utf8")).toContain("--Мороз у Харкові");
  });

  it("explains a title with nothing to make a URL of, or an unknown topic, with no stack trace", async () => {
    const dir = siteWithStories();
    const noLetters = await command(dir, "new", "!!! 🎉🎉", "--topic", "kultura");
    expect(noLetters.status).toBe(2);
    expect(noLetters.err).toContain("!!! 🎉🎉");
    expect(noLetters.err).not.toMatch(STACK);
    const unknown = await command(dir, "new", "Новина", "--topic", "sport");
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain('"sport" is not a topic');
    expect(unknown.err).toContain("ekonomika, kultura");
    expect(existsSync(join(dir, "content/stories"))).toBe(false);
  });
});
