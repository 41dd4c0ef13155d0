// Raw HTML in articles. Policy: trusted newsroom authors may write plain structural HTML
// (figures, tables, details, a styled span…), nothing that runs, loads or restyles: no
// <script>, <style>, <iframe>, forms or event-handler attributes, no javascript: or data:
// URLs. Anything else fails the build with the file and line — it is never silently
// stripped, so what the editor sees in Markdown is what is published. (The site's CSP
// would block inline scripts anyway; this keeps them out of feeds and archives too.)
import { Parser } from "htmlparser2";

const ELEMENTS = new Set(
  "a abbr b bdi bdo blockquote br caption cite code col colgroup data dd del details dfn div dl dt em figcaption figure h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q s samp section small source span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr".split(" "),
);

const GLOBAL_ATTRIBUTES = new Set(["class", "id", "lang", "title", "dir", "translate"]);
const ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  a: new Set(["href", "rel", "hreflang"]),
  img: new Set(["src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"]),
  source: new Set(["srcset", "sizes", "media", "type", "width", "height"]),
  blockquote: new Set(["cite"]),
  q: new Set(["cite"]),
  del: new Set(["cite", "datetime"]),
  ins: new Set(["cite", "datetime"]),
  time: new Set(["datetime"]),
  data: new Set(["value"]),
  td: new Set(["colspan", "rowspan", "headers"]),
  th: new Set(["colspan", "rowspan", "headers", "scope", "abbr"]),
  col: new Set(["span"]),
  colgroup: new Set(["span"]),
  ol: new Set(["start", "reversed", "type"]),
  li: new Set(["value"]),
  details: new Set(["open"]),
};

/** Links: web, mail and phone addresses and the site's own pages; never javascript:, data: or the like. */
const LINK_ATTRIBUTES = new Set(["href", "cite"]);
const SAFE_LINK = /^(?:https?:|mailto:|tel:|[^a-z]|[a-z0-9+.-]*(?:[/?#]|$))/i;
/** Images load without asking the reader: only from the site itself, never another host. */
const RESOURCE_ATTRIBUTES = new Set(["src", "srcset"]);

/** Whether an image URL stays on the site (relative or root-relative, not //host). */
export function isSiteResource(url: string): boolean {
  const cleaned = url.trim().replace(/[\u0000-\u0020]/g, "");
  return !cleaned.startsWith("//") && SAFE_LINK.test(cleaned) && !/^[a-z][a-z0-9+.-]*:/i.test(cleaned);
}

/** What is wrong with a fragment of raw HTML, as plain sentences; empty when it is allowed. */
export function rawHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!ELEMENTS.has(name)) {
          problems.push(`<${name}> is not allowed in articles (it could run code, load other sites or break the page); use Markdown or plain HTML such as <figure>, <table>, <details>`);
          return;
        }
        for (const [attribute, value] of Object.entries(attributes)) {
          if (!GLOBAL_ATTRIBUTES.has(attribute) && !ATTRIBUTES[name]?.has(attribute)) {
            problems.push(`attribute ${attribute} on <${name}> is not allowed${attribute.startsWith("on") ? " (event handlers run code)" : ""}; remove it`);
          } else if (LINK_ATTRIBUTES.has(attribute) && !SAFE_LINK.test(value.trim().replace(/[\u0000-\u0020]/g, ""))) {
            problems.push(`${attribute} "${value}" on <${name}> is not allowed; links go to http(s), mailto: or tel: addresses or pages of the site`);
          } else if (RESOURCE_ATTRIBUTES.has(attribute) && !value.split(",").every((candidate) => isSiteResource(candidate.trim().split(/\s+/)[0] ?? ""))) {
            problems.push(`${attribute} "${value}" on <${name}> is not allowed; images are stored with the site (e.g. /images/photo.jpg), so that no other site sees the reader`);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}
