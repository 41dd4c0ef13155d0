// The editors' desk (#13): Decap CMS at admin/, its config.yml made from the content model.
// The config is checked against the zod schemas it is made from; the site publishes the
// admin and nothing of it reaches reader pages; and in Chromium, with decap-server as the
// local backend, an editor creates an article and edits a headline through Decap's own UI,
// and `strichka build` publishes what it wrote.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { load } from "js-yaml";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cmsConfig, cmsConfigYaml, cmsSchemas, videoPlaceHint, type CmsField, type CmsSite } from "../src/admin/config.js";
import { decapFiles, UKRAINIAN_PHRASES } from "../src/admin/page.js";
import { authorsSchema } from "../src/content/schema.js";
import strichka from "../src/index.js";
import { slugify } from "../src/slug.js";
import { article, buildCommandInProcess, listFiles, makeSite, ROOT, sampleSite, TOPICS_JSON } from "./helpers/site.js";
import { readHtml } from "./helpers/html.js";
import { CHROMIUM, launchChromium, netlifyHeaderRules, serveSite, type HeaderRule } from "./helpers/hosting.js";
import { runEleventy, strichkaFolders } from "./helpers/eleventy.js";

const AUTHORS_JSON = [
  { slug: "olena-koval", name: "Олена Коваль", role: "кореспондентка" },
  { slug: "petro-ivanenko", name: "Петро Іваненко" },
];
const SITE = { articlesFolder: "content/articles", dataFolder: "_data", imagesFolder: "content/images", topics: TOPICS_JSON, authors: AUTHORS_JSON, timeZone: "Europe/Kyiv" };

interface Collection {
  name: string;
  folder?: string;
  slug?: string;
  format?: string;
  sortable_fields?: unknown[];
  fields?: CmsField[];
  files?: { name: string; file: string; format?: string; fields: CmsField[] }[];
}

function parsedConfig(site: CmsSite = SITE): { collections: Collection[]; locale: string; backend: { name: string }; local_backend: unknown } {
  return load(cmsConfigYaml(site)) as ReturnType<typeof parsedConfig>;
}

const byName = (fields: readonly CmsField[]) => new Map(fields.map((field) => [field.name, field]));
const requiredIn = (shape: Record<string, { safeParse(value: unknown): { success: boolean } }>) => Object.keys(shape).filter((key) => !shape[key]!.safeParse(undefined).success);

describe("config.yml", () => {
  const config = parsedConfig();
  const articles = config.collections.find((collection) => collection.name === "articles")!;
  const fields = byName(articles.fields!);
  const schemas = cmsSchemas("Europe/Kyiv");

  it("is YAML Decap reads: Ukrainian, git-gateway, the local backend, the articles' folder", () => {
    expect(config.locale).toBe("uk");
    expect(config.backend.name).toBe("git-gateway");
    expect(config.local_backend).toEqual({ url: "http://localhost:8081/api/v1" });
    expect(articles.folder).toBe("content/articles");
    expect(articles.slug).toBe("{{year}}-{{month}}-{{day}}-{{fields.slug}}");
  });

  it("asks for every field the zod schema requires, and makes required no field it does not", () => {
    const required = requiredIn(schemas.article);
    expect(required.sort()).toEqual(["date", "title", "topic"]);
    for (const name of required) expect(fields.get(name)?.required, name).toBe(true);
    for (const [name, field] of fields) if (name !== "body") expect(field.required, name).toBe(required.includes(name));
    // Every field the editor sees is one the schema knows (the body is the file's text).
    for (const name of fields.keys()) if (name !== "body") expect(Object.keys(schemas.article)).toContain(name);
    // A photo's own required fields (src, alt): said in their hints, since Decap would require them even with no photo.
    const image = byName(fields.get("image")!.fields as CmsField[]);
    for (const name of requiredIn(schemas.image)) expect(image.get(name)?.hint, name).toMatch(/^Обов'язково, якщо є фото/);
    const data = config.collections.find((c) => c.name === "data")!.files!;
    const topic = byName(data.find((f) => f.name === "topics")!.fields[0]!.fields as CmsField[]);
    expect(requiredIn(schemas.topic).sort()).toEqual(["description", "slug", "title"]);
    for (const [name, field] of topic) expect(field.required, name).toBe(requiredIn(schemas.topic).includes(name));
    const video = byName(data.find((f) => f.name === "videos")!.fields[0]!.fields as CmsField[]);
    expect(requiredIn(schemas.video).sort()).toEqual(["date", "title", "youtube"]);
    for (const [name, field] of video) expect(field.required, name).toBe(requiredIn(schemas.video).includes(name));
    const author = byName(data.find((f) => f.name === "authors")!.fields[0]!.fields as CmsField[]);
    expect([...author.keys()].sort()).toEqual(Object.keys(schemas.author).sort());
    expect(requiredIn(schemas.author).sort()).toEqual(["name", "slug"]);
    for (const [name, field] of author) expect(field.required, name).toBe(requiredIn(schemas.author).includes(name));
    // A correction's own fields: both required (Decap checks them only in a correction that is there).
    const correction = byName(fields.get("corrections")!.fields as CmsField[]);
    expect([...correction.keys()].sort()).toEqual(Object.keys(schemas.correction).sort());
    expect(requiredIn(schemas.correction).sort()).toEqual(["date", "text"]);
    for (const [name, field] of correction) expect(field.required, name).toBe(true);
  });

  it("asks for a live blog's live and liveUntil and for corrections, optional as in the schema, dates as the article's", () => {
    for (const name of ["live", "liveUntil", "corrections"]) {
      expect(fields.get(name), name).toBeDefined();
      expect(fields.get(name)!.required, name).toBe(false);
      expect(schemas.article[name]!.safeParse(undefined).success, name).toBe(true);
    }
    expect(fields.get("live")).toMatchObject({ label: "Наживо", widget: "boolean" });
    // The end of a live blog is a date like the publication's, read the same way.
    const asDate = (field: CmsField) => ({ widget: field.widget, format: field.format, date_format: field.date_format, time_format: field.time_format, picker_utc: field.picker_utc });
    expect(asDate(fields.get("liveUntil")!)).toEqual(asDate(fields.get("date")!));
    expect(fields.get("liveUntil")).toMatchObject({ label: "Наживо до", required: false });
    expect(fields.get("liveUntil")!.hint).toMatch(/^Лише разом із «Наживо»/);
    const corrections = fields.get("corrections")!;
    expect(corrections).toMatchObject({ label: "Виправлення", widget: "list", default: [] });
    const correctionDate = byName(corrections.fields as CmsField[]).get("date")!;
    expect(asDate(correctionDate)).toEqual(asDate(fields.get("date")!));
    expect(correctionDate).toMatchObject({ required: true, default: "{{now}}" });
    // What the form saves for them is what the schema accepts; an unchecked «Наживо» is left out by the admin script.
    const article = schemas.article;
    expect(article.live!.safeParse(true).success).toBe(true);
    expect(article.liveUntil!.safeParse("2026-01-15 01:00").success).toBe(true);
    expect(article.corrections!.safeParse([{ date: "2026-01-15 10:00", text: "Виправлено прізвище міністра" }]).success).toBe(true);
    expect(article.corrections!.safeParse([{ date: "2026-01-15 10:00", text: "" }]).success).toBe(false);
  });

  it("offers the authors of _data/authors.json by name, several at once, saving slugs as the schema takes them; none without authors", () => {
    const author = fields.get("author")!;
    expect(author).toMatchObject({ label: "Автор", widget: "select", multiple: true, required: false });
    expect(author.options).toEqual(AUTHORS_JSON.map(({ slug, name }) => ({ label: name, value: slug })));
    // Decap's multiple select saves a list, one author's too; the build takes it (and a single slug, as files written by hand have).
    expect(schemas.article.author!.safeParse(["olena-koval"]).success).toBe(true);
    expect(schemas.article.author!.safeParse(["petro-ivanenko", "olena-koval"]).success).toBe(true);
    expect(schemas.article.author!.safeParse("olena-koval").success).toBe(true);
    // An empty list is refused: the admin script leaves an emptied choice out of the file.
    expect(schemas.article.author!.safeParse([]).success).toBe(false);
    for (const authors of [undefined, []]) {
      const other = byName(parsedConfig({ ...SITE, authors }).collections[0]!.fields!);
      expect(other.has("author"), JSON.stringify(authors)).toBe(false);
    }
    const sample = JSON.parse(readFileSync(join(ROOT, "_data/authors.json"), "utf8")) as { slug: string; name: string }[];
    expect(sample.length).toBeGreaterThan(1);
    const built = load(readFileSync(join(sampleSite().output, "admin/config.yml"), "utf8")) as ReturnType<typeof parsedConfig>;
    const builtAuthor = built.collections.find((c) => c.name === "articles")!.fields!.find((f) => f.name === "author")!;
    expect(builtAuthor.options).toEqual(sample.map(({ slug, name }) => ({ label: name, value: slug })));
  });

  it("offers exactly the topics of _data/topics.json, by title, saving the slug", () => {
    expect(fields.get("topic")!.options).toEqual(TOPICS_JSON.map(({ slug, title }) => ({ label: title, value: slug })));
    const sample = JSON.parse(readFileSync(join(ROOT, "_data/topics.json"), "utf8")) as { slug: string; title: string }[];
    const built = load(readFileSync(join(sampleSite().output, "admin/config.yml"), "utf8")) as ReturnType<typeof parsedConfig>;
    const topic = built.collections.find((c) => c.name === "articles")!.fields!.find((f) => f.name === "topic")!;
    expect(topic.options).toEqual(sample.map(({ slug, title }) => ({ label: title, value: slug })));
  });

  it("takes its patterns from the schemas: a slug, a YouTube id and a day are checked as the build checks them", () => {
    const slug = new RegExp(fields.get("slug")!.pattern![0]);
    for (const value of ["nova-shkola", "a1"]) expect(slug.test(value), value).toBe(true);
    for (const value of ["Nova", "nova--shkola", "-nova", "нова"]) expect(slug.test(value), value).toBe(false);
    const data = config.collections.find((c) => c.name === "data")!;
    const video = byName(data.files!.find((f) => f.name === "videos")!.fields[0]!.fields as CmsField[]);
    const youtube = new RegExp(video.get("youtube")!.pattern![0]);
    expect(youtube.test("M7lc1UVf-VE")).toBe(true);
    expect(youtube.test("https://youtu.be/M7lc1UVf-VE")).toBe(false);
    expect(new RegExp(video.get("date")!.pattern![0]).test("2026-01-14")).toBe(true);
    const author = byName(data.files!.find((f) => f.name === "authors")!.fields[0]!.fields as CmsField[]);
    expect(new RegExp(author.get("slug")!.pattern![0]).test("olena-koval")).toBe(true);
    expect(new RegExp(author.get("slug")!.pattern![0]).test("Olena Koval")).toBe(false);
    const photo = new RegExp(author.get("photo")!.pattern![0]);
    expect(photo.test("/images/olena-koval.jpg")).toBe(true);
    for (const value of ["https://example.com/x.jpg", "//example.com/x.jpg", "images/x.jpg"]) expect(photo.test(value), value).toBe(false);
    expect(data.files!.map((file) => file.file)).toEqual(["_data/topics.json", "_data/authors.json", "_data/videos.json"]);
  });

  it("reads and writes _data's JSON lists in the format the admin script registers: set on the collection, where Decap reads it (a file's own is ignored)", () => {
    const data = config.collections.find((c) => c.name === "data")!;
    expect(data.format).toBe("strichka-json-list");
    for (const file of data.files!) expect(file.format, file.name).toBeUndefined();
  });

  it("lists the articles newest first", () => {
    expect(articles.sortable_fields).toEqual([{ field: "date", default_sort: "desc" }, "title"]);
  });

  it("says where «Відео дня» goes as the site's videoAfterParagraph puts it", () => {
    expect(fields.get("body")!.hint).toBe("«Відео дня» стане після третього абзацу (у коротших — у кінці).");
    expect(byName(parsedConfig({ ...SITE, videoAfterParagraph: 5 } as typeof SITE).collections[0]!.fields!).get("body")!.hint).toContain("після п'ятого абзацу");
    expect(videoPlaceHint(1)).toContain("після першого абзацу");
    expect(videoPlaceHint(12)).toContain("після 12-го абзацу");
    expect(videoPlaceHint(0)).toBe("«Відео дня» стане в кінці тексту.");
  });

  it("writes dates as the Kyiv wall-clock time strichka reads", () => {
    expect(fields.get("date")).toMatchObject({ widget: "datetime", format: "YYYY-MM-DD HH:mm", picker_utc: false, default: "{{now}}" });
    expect(fields.get("updated")).toMatchObject({ widget: "datetime", format: "YYYY-MM-DD HH:mm", required: false });
  });

  it("follows the site: its folders and another zone", () => {
    const other = parsedConfig({ ...SITE, articlesFolder: "src/news", timeZone: "Europe/Warsaw" });
    const collection = other.collections.find((c) => c.name === "articles")!;
    expect(collection.folder).toBe("src/news");
    expect(collection.fields!.find((f) => f.name === "date")!.hint).toContain("Europe/Warsaw");
    expect(cmsConfig(SITE)).toEqual(cmsConfig(SITE));
  });
});

describe("Decap's Ukrainian", () => {
  it("has every phrase of Decap's English, with ours where decap-cms-locales' uk has none (Decap would show the English one)", async () => {
    const { default: en } = (await import("decap-cms-locales/dist/esm/en/index.js" as string)) as { default: Record<string, unknown> };
    const { default: uk } = (await import("decap-cms-locales/dist/esm/uk/index.js" as string)) as { default: Record<string, unknown> };
    const missing: string[] = [];
    const walk = (english: Record<string, unknown>, ...ours: (Record<string, unknown> | undefined)[]) => (path: string) => {
      for (const [key, value] of Object.entries(english)) {
        const found = ours.map((phrases) => phrases?.[key]).filter((each) => each !== undefined);
        if (value && typeof value === "object") walk(value as Record<string, unknown>, ...(found as Record<string, unknown>[]))(`${path}${key}.`);
        else if (found.length === 0) missing.push(`${path}${key}`);
      }
    };
    walk(en, uk, UKRAINIAN_PHRASES)("");
    expect(missing).toEqual([]);
    expect(UKRAINIAN_PHRASES.collection.collectionTop.newButton).toBe("Створити %{collectionLabel}");
  });
});

describe("admin/ in the built site", () => {
  const site = () => sampleSite().output;

  it("has the page, its config, our script, the slug module and only Decap's files the page needs", () => {
    const files = listFiles(site()).filter((file) => file.startsWith("admin/"));
    const decap = decapFiles().files;
    expect(decap).toContain("decap-cms.js");
    expect(files.sort()).toEqual(["admin/config.yml", "admin/index.html", "admin/slug.js", "admin/strichka-admin.js", ...decap.map((file) => `admin/${file}`)].sort());
    expect(files.some((file) => file.endsWith(".map"))).toBe(false);
    const page = readFileSync(join(site(), "admin/index.html"), "utf8");
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain('<html lang="uk">');
    // Nothing from another host.
    expect(page).not.toMatch(/https?:\/\//);
    const script = readFileSync(join(site(), "admin/strichka-admin.js"), "utf8");
    expect(script).toMatch(/"stylesheet":"\.\.\/static\/style\.[0-9a-f]{10}\.css"/);
  });

  it("is on no reader page, in no sitemap, feed, search index or the service worker's list", () => {
    for (const file of listFiles(site())) {
      if (file.startsWith("admin/")) continue;
      if (!/\.(html|xml|json|js|txt)$/.test(file) && file !== "_redirects") continue;
      expect(readFileSync(join(site(), file), "utf8"), file).not.toMatch(/admin\/|decap/i);
    }
  });

  it("slug.js names a title as strichka new does", async () => {
    const module = (await import(`data:text/javascript,${encodeURIComponent(readFileSync(join(site(), "admin/slug.js"), "utf8"))}`)) as { slugify(text: string): string };
    for (const title of ["Мер Києва: «Відкриємо міст» до п'ятниці", "Згорани і Ґудзики: Юрій та Їжакевич", "x".repeat(200)]) expect(module.slugify(title)).toBe(slugify(title));
  });

  it("is left out with the plugin's admin: false: a build writes no admin/ at all", async () => {
    const { resolveOptions } = await import("../src/plugin/options.js");
    expect(resolveOptions({ admin: false }).admin).toBe(false);
    expect(() => resolveOptions({ admin: "yes" as unknown as boolean })).toThrow(/admin must be true or false/);
    const dir = makeSite({ "content/articles/a.md": article({ title: "Перша", date: "2026-01-14 10:00", topic: "kultura" }) });
    // The same site with the option and without it (so that the first's "none" is not merely a folder we did not look in).
    const files: Record<string, string[]> = {};
    for (const [name, options] of [["off", { admin: false }], ["on", {}]] as const) {
      const { error } = await runEleventy(dir, `_site-${name}`, (config) => {
        strichkaFolders(config);
        config.addPlugin(strichka, options);
      }, { input: "content" });
      expect(error, name).toBeUndefined();
      files[name] = listFiles(join(dir, `_site-${name}`));
    }
    expect(files.on).toContain("admin/index.html");
    expect(files.off).toContain("index.html");
    expect(files.off!.filter((file) => /^admin\//.test(file) || /decap|strichka-admin/i.test(file))).toEqual([]);
    // Nothing else differs: the option takes out the desk, and only the desk.
    expect(files.off).toEqual(files.on!.filter((file) => !file.startsWith("admin/")));
  });
});

describe("strichka init and npm run cms", () => {
  it("scaffolds a site whose npm run cms starts the preview and decap-server (a devDependency: editors' machines, not the build)", async () => {
    const { siteFiles } = await import("../src/scaffold.js");
    const pkg = JSON.parse(siteFiles("Полтава", "0.1.0")["package.json"]!) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.scripts.cms).toBe("strichka cms");
    const ours = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.devDependencies["decap-server"]).toBe(ours.devDependencies["decap-server"]);
    // decap-cms is ours to copy at `npm pack` (dist/decap-cms/), not a site's to install (tests/package.test.ts).
    expect(ours.devDependencies["decap-cms"]).toMatch(/^\^3\./);
    expect(ours.dependencies["decap-cms"]).toBeUndefined();
    expect(ours.scripts.cms).toBe("tsx src/cli.ts cms");
    const { decapServerCommand, decapServerEnv } = await import("../src/admin/cms.js");
    expect(decapServerCommand(ROOT)).toBeDefined();
    expect(decapServerCommand(join(ROOT, "content"))).toBeUndefined();
    // decap-server writes files for anyone who asks: only this machine may, unless the newsroom says otherwise.
    expect(decapServerEnv("/site", { PATH: "/bin" })).toEqual({ PATH: "/bin", MODE: "fs", GIT_REPO_DIRECTORY: "/site", BIND_HOST: "127.0.0.1" });
    expect(decapServerEnv("/site", { BIND_HOST: "0.0.0.0" }).BIND_HOST).toBe("0.0.0.0");
  });
});

describe("netlify.toml for admin/", () => {
  let rules: HeaderRule[];
  beforeAll(async () => {
    rules = await netlifyHeaderRules();
  });
  const adminCsp = () => rules.filter((rule) => rule.for === "/admin/*").map((rule) => rule.values["Content-Security-Policy"]).find(Boolean)!;

  it("gives admin/ a CSP of its own, after the site's, and keeps the reader pages' strict one", () => {
    const site = rules.findIndex((rule) => rule.for === "/*");
    const admin = rules.findIndex((rule) => rule.for === "/admin/*" && rule.values["Content-Security-Policy"]);
    expect(admin).toBeGreaterThan(site);
    expect(adminCsp()).toContain("script-src 'self' 'unsafe-eval'");
    expect(adminCsp()).toContain("frame-ancestors 'none'");
    expect(rules[site]!.values["Content-Security-Policy"]).not.toMatch(/unsafe/);
  });
});

/**
 * `strichka build` of `dir` in this process (the whole command, publishing included) into
 * its _site: what the CLI's process adds is tested in cli.test.ts, and a child process here
 * was some seconds of CPU a build.
 */
async function published(dir: string): Promise<{ status: number; stderr: string; output: string }> {
  return { ...(await buildCommandInProcess(dir)), output: join(dir, "_site") };
}

/** A free TCP port on this machine. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** decap-server (the local backend) for `dir`, on `port`, once it listens. */
async function startDecapServer(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(join(ROOT, "node_modules/.bin/decap-server"), [], { cwd: dir, env: { ...process.env, PORT: String(port), BIND_HOST: "127.0.0.1", GIT_REPO_DIRECTORY: dir, MODE: "fs" }, stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((done, fail) => {
    let said = "";
    const timer = setTimeout(() => fail(new Error(`decap-server did not start: ${said}`)), 20_000);
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      said += chunk;
      if (said.includes("listening")) {
        clearTimeout(timer);
        done();
      }
    });
    child.on("exit", (code) => fail(new Error(`decap-server exited with ${code}: ${said}`)));
  });
  return child;
}

describe.skipIf(!existsSync(CHROMIUM))("the editors' desk in Chromium, with decap-server", () => {
  let dir: string;
  let decap: ChildProcess | undefined;
  let browser: Browser;
  let adminUrl: string;
  let backendPort: number;
  let closeServer: () => Promise<void>;
  const violations: string[] = [];

  beforeAll(async () => {
    dir = makeSite({
      "_data/videos.json": JSON.stringify([{ date: "2026-01-10", title: "Огляд тижня", youtube: "M7lc1UVf-VE" }]),
      "_data/authors.json": JSON.stringify(AUTHORS_JSON),
      // One author as a single slug, as the README has people write it (the form's select saves a list).
      "content/articles/2026-01-12-tsiny-na-khlib.md": article({ title: "Ціни на хліб зросли", date: "2026-01-12 10:00", topic: "ekonomika", tags: "[ціни]", author: "petro-ivanenko" }, "Хліб подорожчав.\n"),
    });
    const built = await published(dir);
    expect(built.stderr).toBe("");
    expect(built.status).toBe(0);
    const port = await freePort();
    decap = await startDecapServer(dir, port);
    backendPort = port;
    // netlify.toml's headers, the admin's CSP with the local backend added to connect-src:
    // on Netlify the backend (git-gateway) is the site itself, 'self'.
    const rules = (await netlifyHeaderRules()).map((rule) =>
      rule.for === "/admin/*" && rule.values["Content-Security-Policy"]
        ? { ...rule, values: { ...rule.values, "Content-Security-Policy": rule.values["Content-Security-Policy"].replace("connect-src 'self'", `connect-src 'self' http://localhost:${port}`) } }
        : rule,
    );
    const server = await serveSite(built.output, "/", rules);
    closeServer = () => server.close();
    adminUrl = `${server.url.replace("127.0.0.1", "localhost")}admin/`;
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await closeServer?.();
    decap?.kill();
  });

  async function openAdmin(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "uk-UA", timezoneId: "Europe/Kyiv" });
    // The page asks the local backend on the port this test gave it (8081 in the config).
    await context.route("**/admin/config.yml", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace("http://localhost:8081/api/v1", `http://localhost:${backendPort}/api/v1`) });
    });
    const page = await context.newPage();
    page.on("console", (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy: ${event.violatedDirective} ${event.blockedURI}`)));
    await page.goto(adminUrl);
    await page.getByRole("button", { name: "Увійти" }).click();
    await page.getByText("Статті", { exact: true }).first().waitFor();
    return page;
  }

  async function publish(page: Page): Promise<void> {
    await page.getByRole("button", { name: "Опублікувати" }).click();
    await page.getByRole("menuitem", { name: "Опублікувати", exact: true }).click();
  }

  /** Waits until `check` holds (the local backend writes the file a moment after the click). */
  async function until<T>(check: () => T | undefined, what: string): Promise<T> {
    for (let tries = 0; tries < 100; tries++) {
      const value = check();
      if (value) return value;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it("creates an article through the UI: the file is one strichka builds, with the title, topic, author and URL", async () => {
    const page = await openAdmin();
    await page.goto(`${adminUrl}#/collections/articles/new`);
    const title = "Мер Києва: «Відкриємо міст» до п'ятниці";
    await page.getByLabel("Заголовок", { exact: true }).fill(title);
    await page.locator("[id^=topic-field]").click();
    await page.getByText("Культура", { exact: true }).click();
    await page.locator("[id^=author-field]").click();
    await page.getByText("Олена Коваль", { exact: true }).click();
    await page.getByLabel("Теги (необов’язково)").fill("Київ, мости");
    await page.locator("[contenteditable=true]").first().click();
    await page.keyboard.type("Міст через Дніпро відкриють для руху в п'ятницю.");
    // The preview is the article page's: headline, topic, «Відео дня» (the latest before the day).
    const preview = page.frameLocator("iframe").first();
    await expect(preview.locator("h1").textContent()).resolves.toBe(title);
    await expect(preview.locator(".topic-link").textContent()).resolves.toBe("Культура");
    await expect(preview.locator(".video-of-the-day h2").textContent()).resolves.toBe("Відео дня");
    await expect(preview.locator(".byline").textContent()).resolves.toBe("Автор: Олена Коваль");
    await page.screenshot({ path: join(dir, "editing.png") });
    await publish(page);

    const articles = join(dir, "content/articles");
    const file = await until(() => readdirSync(articles).find((name) => name.endsWith(`-${slugify(title)}.md`)), "the new article's file");
    expect(file).toMatch(/^\d{4}-\d{2}-\d{2}-mer-kyieva-vidkryiemo-mist-do-piatnytsi\.md$/);
    const text = readFileSync(join(articles, file), "utf8");
    expect(text).toMatch(/^---\n/);
    expect(text).toContain("topic: kultura");
    expect(text).toMatch(/\ndate: \d{4}-\d{2}-\d{2} \d{2}:\d{2}\n/);
    expect(text).toContain("Міст через Дніпро відкриють для руху в п'ятницю.");
    const front = load(text.slice(4, text.indexOf("\n---\n", 4))) as Record<string, unknown>;
    expect(front.author).toEqual(["olena-koval"]);
    // Fields left empty are not in the file (an unchecked «Наживо», no corrections).
    for (const name of ["live", "liveUntil", "corrections", "updated"]) expect(front, name).not.toHaveProperty(name);

    const built = await published(dir);
    expect(built.stderr).toBe("");
    expect(built.status).toBe(0);
    // The URL's day is the article's date's (Kyiv wall-clock time), not the file name's: Decap
    // names the file by the UTC day, another day between 22:00 and midnight UTC (failed so in CI).
    const day = /\ndate: (\d{4})-(\d{2})-(\d{2}) /.exec(text)!.slice(1);
    const html = readHtml(join(built.output, `novyny/${day[0]}/${day[1]}/${day[2]}/mer-kyieva-vidkryiemo-mist-do-piatnytsi.html`));
    expect(html.querySelector("h1")!.textContent).toBe("Мер Києва: «Відкриємо міст» до п’ятниці");
    expect(html.querySelector(".topic-link")!.textContent).toBe("Культура");
    expect([...html.querySelectorAll(".tags a")].map((a) => a.textContent)).toEqual(["Київ", "мости"]);
    expect(html.querySelector(".byline")!.textContent).toBe("Автор: Олена Коваль");
    expect(html.querySelector(".byline a")!.getAttribute("href")).toMatch(/avtory\/olena-koval\/(?:index\.html)?$/);
    await page.context().close();
  }, 120_000);

  it("edits an existing article's headline and adds a correction through the UI: same file, same URL, the new headline, the correction", async () => {
    const page = await openAdmin();
    await page.goto(`${adminUrl}#/collections/articles/entries/2026-01-12-tsiny-na-khlib`);
    const field = page.getByLabel("Заголовок", { exact: true });
    await expect(field.inputValue()).resolves.toBe("Ціни на хліб зросли");
    // The single slug is shown as the one chosen author, in the form and the preview.
    await page.getByText("Петро Іваненко", { exact: true }).waitFor();
    await expect(page.frameLocator("iframe").first().locator(".byline").textContent()).resolves.toBe("Автор: Петро Іваненко");
    await field.fill("Ціни на хліб зросли на 5 відсотків");
    // A correction: its time is now's (the field's default), its text the editor's.
    await page.getByRole("button", { name: "Додати виправлення" }).click();
    await page.getByLabel("Що виправлено", { exact: true }).fill("Уточнено, на скільки зросли ціни.");
    await publish(page);
    const file = join(dir, "content/articles/2026-01-12-tsiny-na-khlib.md");
    await until(() => readFileSync(file, "utf8").includes("на 5 відсотків") || undefined, "the edited file");
    expect(readdirSync(join(dir, "content/articles")).filter((name) => name.includes("tsiny-na-khlib"))).toEqual(["2026-01-12-tsiny-na-khlib.md"]);
    const text = readFileSync(file, "utf8");
    expect(text).toContain("date: 2026-01-12 10:00");
    expect(text).not.toContain("slug:");
    // Kept as written: the author was not changed.
    expect(text).toContain("author: petro-ivanenko\n");
    const front = load(text.slice(4, text.indexOf("\n---\n", 4))) as { corrections?: { date: unknown; text: unknown }[] };
    expect(front.corrections).toEqual([{ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), text: "Уточнено, на скільки зросли ціни." }]);
    await page.screenshot({ path: join(dir, "list.png") });
    await page.context().close();

    const built = await published(dir);
    expect(built.stderr).toBe("");
    expect(built.status).toBe(0);
    const html = readHtml(join(built.output, "novyny/2026/01/12/tsiny-na-khlib.html"));
    expect(html.querySelector("h1")!.textContent).toBe("Ціни на хліб зросли на 5 відсотків");
    expect(html.querySelector(".corrections li")!.textContent).toContain("Уточнено, на скільки зросли ціни.");
  }, 120_000);

  it("reads _data/topics.json as its list and, adding a topic, writes it back as the JSON list strichka reads", async () => {
    const page = await openAdmin();
    // The collection's new-entry button, in Ukrainian (Decap's own is «＋ статтю», a glyph many fonts lack).
    await page.getByText("Створити статтю", { exact: true }).waitFor();
    await page.goto(`${adminUrl}#/collections/data/entries/topics`);
    await page.getByText(`${TOPICS_JSON.length} теми`, { exact: true }).waitFor();
    await page.getByRole("button", { name: "Додати тему" }).click();
    // (The new topic is the list's last; the others show their fields too.)
    await expect(page.getByLabel("Назва", { exact: true }).first().inputValue()).resolves.toBe(TOPICS_JSON[0]!.title);
    await page.getByLabel("Назва", { exact: true }).last().fill("Спорт");
    await page.getByLabel("Адреса (slug)", { exact: true }).last().fill("sport");
    await page.getByLabel("Опис", { exact: true }).last().fill("Матчі й турніри.");
    await publish(page);
    const file = join(dir, "_data/topics.json");
    const topics = await until(() => {
      const text = readFileSync(file, "utf8");
      return text.includes("sport") ? (JSON.parse(text) as unknown) : undefined;
    }, "the topics written");
    expect(topics).toEqual([...TOPICS_JSON, { title: "Спорт", slug: "sport", description: "Матчі й турніри." }]);
    await page.context().close();
  }, 120_000);

  it("writes _data/authors.json through «Автори» on a site that has none: the JSON list strichka reads, without the fields left empty", async () => {
    rmSync(join(dir, "_data/authors.json"));
    const page = await openAdmin();
    // (Decap opens a file that is not there as an empty list.)
    await page.goto(`${adminUrl}#/collections/data/entries/authors`);
    await page.getByRole("button", { name: "Додати автора" }).click();
    await page.getByLabel("Ім'я", { exact: true }).fill("Марія Шевченко");
    await page.getByLabel("Адреса (slug)", { exact: true }).fill("mariia-shevchenko");
    // Written and then cleared: Decap keeps role: "", which the schema refuses.
    const role = page.getByLabel("Посада (необов’язково)", { exact: true });
    await role.fill("редакторка");
    await role.fill("");
    await publish(page);
    const file = join(dir, "_data/authors.json");
    const authors = await until(() => (existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as unknown) : undefined), "authors.json written");
    expect(authors).toEqual([{ name: "Марія Шевченко", slug: "mariia-shevchenko" }]);
    expect(authorsSchema.safeParse(authors).success).toBe(true);
    await page.context().close();
  }, 120_000);

  it("asks for the git-gateway login (Netlify) in Ukrainian", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "uk-UA" });
    // As on Netlify: no local backend.
    await context.route("**/admin/config.yml", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace(/^local_backend:\n(?: {2}.*\n)+/m, "") });
    });
    const page = await context.newPage();
    await page.goto(adminUrl);
    const email = page.locator('input[name="email"]');
    await email.waitFor();
    await expect(email.getAttribute("placeholder")).resolves.toBe("Електронна пошта");
    await expect(page.locator('input[name="password"]').getAttribute("placeholder")).resolves.toBe("Пароль");
    await expect(page.getByRole("button", { name: "Увійти" }).count()).resolves.toBe(1);
    await context.close();
  });

  it("needed nothing the admin's CSP refuses", () => {
    expect(violations).toEqual([]);
  });
});
