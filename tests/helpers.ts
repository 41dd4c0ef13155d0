// Shared by the integration tests: real sites in temp folders, built by the real
// `strichka build` (real Eleventy) in a child process, read back with a real HTML parser.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { parseHTML } from "linkedom";

export const ROOT = resolve(import.meta.dirname, "..");

export function tempDir(prefix = "strichka-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const SITE_JSON = {
  title: "Тестова стрічка",
  description: "Сайт для тестів.",
  url: "https://test.example.ua",
  language: "uk",
  author: "Редакція",
};

export const TOPICS_JSON = [
  { slug: "ekonomika", title: "Економіка", description: "Гроші." },
  { slug: "kultura", title: "Культура", description: "Книжки." },
];

/**
 * A small site in a temp folder: our templates and assets, the given _data and articles.
 * `files` maps paths inside the site to contents (strings or Buffers); JSON data defaults
 * to SITE_JSON, TOPICS_JSON and no videos.
 */
export function makeSite(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  cpSync(join(ROOT, "_includes"), join(dir, "_includes"), { recursive: true });
  // All of our pages and assets, none of our articles (like a site that copied them).
  cpSync(join(ROOT, "content"), join(dir, "content"), {
    recursive: true,
    filter: (source) => !(source.includes(`${join("content", "articles")}`) && source.endsWith(".md")),
  });
  const all: Record<string, string | Buffer> = {
    "_data/site.json": JSON.stringify(SITE_JSON),
    "_data/topics.json": JSON.stringify(TOPICS_JSON),
    "_data/videos.json": "[]",
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** An article file's text from its front-matter lines and body. */
export function article(front: Record<string, string>, body = "Текст новини.\n"): string {
  return `---\n${Object.entries(front).map(([key, value]) => `${key}: ${value}`).join("\n")}\n---\n${body}`;
}

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/** Runs `strichka build` exactly as `npm run build` does, with the site folder as working directory. */
export function build(siteDir: string, output = join(siteDir, "_site"), config = join(ROOT, "eleventy.config.ts")): BuildResult {
  const result = spawnSync(
    join(ROOT, "node_modules/.bin/tsx"),
    [join(ROOT, "src/cli.ts"), "build", `--config=${config}`, `--output=${output}`],
    { cwd: siteDir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output };
}

/** HTML read with a real parser. */
export function parseHtml(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function readHtml(path: string): Document {
  return parseHtml(readFileSync(path, "utf8"));
}

/** Every file below `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

/**
 * Every href/src of every HTML page that points inside the site, resolved as a browser
 * does from file:// (relative to the page's own file), and whether that file exists.
 * The 404 page is the one exception: hosts serve it at any URL, so its links start at the
 * site root, and are resolved from there.
 */
export function brokenInternalLinks(siteDir: string): string[] {
  const broken: string[] = [];
  for (const file of listFiles(siteDir).filter((path) => path.endsWith(".html"))) {
    const document = readHtml(join(siteDir, file));
    for (const element of document.querySelectorAll("[href], [src]")) {
      const url = element.getAttribute("href") ?? element.getAttribute("src") ?? "";
      if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(url)) continue;
      const path = decodeURIComponent(url.split(/[?#]/)[0]!);
      const rootRelative = url.startsWith("/");
      const target = rootRelative ? join(siteDir, path) : resolve(dirname(join(siteDir, file)), path);
      const ok = (!rootRelative || file === "404.html") && target.startsWith(siteDir) && existsSync(target) && statSync(target).isFile();
      if (!ok) broken.push(`${file} → ${url}`);
    }
  }
  return broken;
}

const ATOM_SCHEMA = readFileSync(join(ROOT, "tests/schemas/atom.rng"), "utf8");

/** Validates an Atom document against RFC 4287's RELAX NG grammar; returns the errors. */
export async function atomSchemaErrors(xml: string, fileName = "feed.xml"): Promise<string[]> {
  const { validateXML } = await import("xmllint-wasm");
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [{ fileName: "atom.rng", contents: ATOM_SCHEMA }],
    extension: "relaxng",
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

/**
 * An XML document read with linkedom's XML mode, for its CSS selectors. linkedom does not
 * decode entities in XML attribute values: read those with strictXml.
 */
export function readXml(xml: string): Document {
  return new (parseHTML("<!doctype html><html></html>").DOMParser)().parseFromString(xml, "text/xml") as unknown as Document;
}

export interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

/** Netlify's path patterns: `*` is anything (slashes included), `:name` one path segment. */
export function matchesNetlifyPath(pattern: string, path: string): boolean {
  const regex = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/:[A-Za-z]+/g, "[^/]+");
  return new RegExp(`^${regex}$`).test(path);
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  /** Base URL of the site, ending in the sub-path, e.g. http://127.0.0.1:4321/news/ */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `siteDir` under `basePath` on 127.0.0.1 as a static host does: a folder URL gives
 * its index.html, a missing file the 404 page with status 404, and the headers of
 * netlify.toml's rules that match (paths relative to the site's root).
 */
export async function serveSite(siteDir: string, basePath = "/news/", rules: HeaderRule[] = []): Promise<StaticServer> {
  const { createServer } = await import("node:http");
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const sitePath = pathname.startsWith(basePath) ? `/${pathname.slice(basePath.length)}` : null;
    let file = sitePath === null ? null : join(siteDir, sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath);
    let status = 200;
    if (!file || !file.startsWith(siteDir) || !existsSync(file) || !statSync(file).isFile()) {
      file = join(siteDir, "404.html");
      status = 404;
    }
    const headers: Record<string, string> = { "Content-Type": CONTENT_TYPES[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream" };
    for (const rule of rules) if (sitePath !== null && matchesNetlifyPath(rule.for, sitePath)) Object.assign(headers, rule.values);
    response.writeHead(status, headers);
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}${basePath}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** The [[headers]] rules of the repository's netlify.toml. */
export async function netlifyHeaderRules(): Promise<HeaderRule[]> {
  const { parse } = await import("smol-toml");
  const config = parse(readFileSync(join(ROOT, "netlify.toml"), "utf8")) as { headers?: HeaderRule[] };
  return config.headers ?? [];
}

/**
 * html-validate's recommended rules, less three that are style, not validity: the lower-case
 * <!doctype html> (minifier output, valid HTML), the 70-character <title> (news headlines
 * are long, and the title is the headline) and trailing white space (where a minified
 * layout meets markdown-it's line breaks).
 */
export async function htmlValidationErrors(html: string, file: string): Promise<string[]> {
  const { HtmlValidate } = await import("html-validate");
  const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "doctype-style": "off", "long-title": "off", "no-trailing-whitespace": "off" } });
  const report = await validator.validateString(html, file);
  return report.results.flatMap((result) => result.messages.map((message) => `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`));
}

/** An XML document read by @xmldom/xmldom, a strict, spec-following XML parser (no CSS selectors). */
export async function strictXml(xml: string): Promise<Document> {
  const { DOMParser } = await import("@xmldom/xmldom");
  return new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
}
