// Our own site: strichka's plugin, and where things are. Everything else is in src/.
import strichka from "./src/index.js";
import type { EleventyConfig } from "./src/eleventy-config.js";

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addPlugin(strichka, {
    timeZone: "Europe/Kyiv",
    videoAfterParagraph: 3,
    relatedCount: 5,
  });
}

export const config = {
  // The output folder is Eleventy's default, _site/ (set by `strichka build`, see src/cli.ts).
  dir: { input: "content", includes: "../_includes", data: "../_data" },
  templateFormats: ["md", "njk"],
  // Markdown pages are Markdown only: a "{{" in them is text, never a template tag.
  // (Articles never go through Eleventy's Markdown at all: see src/index.ts.)
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
};
