// Production HTML goes through html-minifier-terser, made cheap in two ways:
// - An article's body is markdown-it's output, already compact: the layout marks it, and
//   only the page around it is minified (the body is most of the bytes, and of the time).
// - Eleventy runs every page's transforms at once; unbounded, ten thousand minifier runs in
//   flight held over a gigabyte. One at a time costs no speed (it is all one thread).
import { minify, type Options } from "html-minifier-terser";

const BODY_START = "<!--strichka:body-->";
const BODY_END = "<!--/strichka:body-->";
const BODY_SLOT = "<!--strichka:slot-->";

export const MINIFY_OPTIONS: Options = {
  collapseWhitespace: true,
  removeComments: true,
  collapseBooleanAttributes: true,
  removeRedundantAttributes: true,
  // Keeps the slot where the body goes back in.
  ignoreCustomComments: [/^strichka:slot$/],
  // The default looks for <% %> and <? ?> in every page: a cost for nothing on our pages.
  ignoreCustomFragments: [],
};

/** Wraps HTML that must reach the page as it is (the layout calls this on the article body). */
export function keepAsIs(html: string): string {
  return `${BODY_START}${html}${BODY_END}`;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `work` after every earlier queued job has finished. */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const result = queue.then(work, work);
  queue = result.catch(() => undefined);
  return result;
}

export function minifyHtml(html: string): Promise<string> {
  return oneAtATime(async () => {
    const start = html.indexOf(BODY_START);
    const end = html.indexOf(BODY_END, start);
    if (start === -1 || end === -1) return minify(html, MINIFY_OPTIONS);
    const body = html.slice(start + BODY_START.length, end);
    const shell = `${html.slice(0, start)}${BODY_SLOT}${html.slice(end + BODY_END.length)}`;
    const minified = await minify(shell, MINIFY_OPTIONS);
    return minified.replace(BODY_SLOT, () => body.trim());
  });
}
