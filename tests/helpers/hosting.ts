// A static host on this machine: serves a built site under a sub-path with the headers of
// the repository's netlify.toml, as Netlify would.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { ROOT } from "./site.js";

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

/** Debian's Chromium (or CHROMIUM_PATH): the browser tests are skipped where it is missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Chromium, headless, with nothing of its own going to the network (this machine has none). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
