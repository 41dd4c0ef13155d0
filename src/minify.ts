// Production HTML goes through html-minifier-terser. Only options that are cheap and
// safe on every page: our CSS and JS live in their own files, so no inline minifiers.
import { minify, type Options } from "html-minifier-terser";

export const MINIFY_OPTIONS: Options = {
  collapseWhitespace: true,
  conservativeCollapse: false,
  removeComments: true,
  collapseBooleanAttributes: true,
  removeRedundantAttributes: true,
};

export function minifyHtml(html: string): Promise<string> {
  return minify(html, MINIFY_OPTIONS);
}
