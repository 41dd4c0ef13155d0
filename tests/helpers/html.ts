// Reading what a build wrote with real parsers and validators: HTML (linkedom,
// html-validate), XML (linkedom's XML mode, @xmldom/xmldom) and Atom (RFC 4287's RELAX NG
// grammar, through xmllint), and the site's internal links as a browser resolves them.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { ConfigData, HtmlValidate, ResolvedConfig } from "html-validate";
import { parseHTML } from "linkedom";
import { listFiles, ROOT } from "./site.js";

/** HTML read with a real parser. */
/** A page at an article's old address (aliases), which sends the reader on: nothing links to it. */
export function isRedirectPage(path: string): boolean {
  return readFileSync(path, "utf8").includes('http-equiv="refresh"');
}

export function parseHtml(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function readHtml(path: string): Document {
  return parseHtml(readFileSync(path, "utf8"));
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

/** An XML document read by @xmldom/xmldom, a strict, spec-following XML parser (no CSS selectors). */
export async function strictXml(xml: string): Promise<Document> {
  const { DOMParser } = await import("@xmldom/xmldom");
  return new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
}

let validator: HtmlValidate | undefined;

/**
 * html-validate's recommended rules, less three that are style, not validity: the lower-case
 * <!doctype html> (minifier output, valid HTML), the 70-character <title> (news headlines
 * are long, and the title is the headline) and trailing white space (where a minified
 * layout meets markdown-it's line breaks). One validator for all pages: making one costs
 * more than validating a page.
 */
export async function htmlValidationErrors(html: string, file: string): Promise<string[]> {
  if (!validator) {
    const { HtmlValidate, StaticConfigLoader } = await import("html-validate");
    // The configuration resolved once: html-validate's own loader resolves it anew (presets,
    // the HTML5 element table) for every page it validates, which was most of its time.
    class ResolvedOnce extends StaticConfigLoader {
      private resolved: ResolvedConfig | Promise<ResolvedConfig> | undefined;
      override getConfigFor(handle: string, configOverride?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
        if (configOverride) return super.getConfigFor(handle, configOverride);
        return (this.resolved ??= super.getConfigFor(handle));
      }
    }
    validator = new HtmlValidate(new ResolvedOnce({ extends: ["html-validate:recommended"], rules: { "doctype-style": "off", "long-title": "off", "no-trailing-whitespace": "off" } }));
  }
  const report = await validator.validateString(html, file);
  return report.results.flatMap((result) => result.messages.map((message) => `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`));
}
