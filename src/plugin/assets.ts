// Files published as they are: the CSS, JS and images the pages use, the images articles
// show, and the files of the site's root (content/public/). In production the CSS and JS
// are published fingerprinted (see ../assets.ts); the preview serves them under their own
// names, so that editing the CSS reloads it.
import { join } from "node:path";
import type { Asset } from "../assets.js";
import type { EleventyConfig } from "../eleventy-config.js";
import { SITE_REDIRECTS, siteRedirects } from "../public-files.js";
import type { SiteBuild } from "./build.js";
import { ASSETS_DIR, assetsFolder, IMAGES_DIR, PUBLIC_DIR } from "./folders.js";

export function useAssets(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  const { input } = eleventyConfig.directories;
  if (build.shardFile) {
    // A shard's run (see shards.ts) renders article and list pages only: the coordinating
    // build copies the files, the site's own passthrough copies included.
    for (const key of Object.keys(eleventyConfig.passthroughCopies)) delete eleventyConfig.passthroughCopies[key];
    eleventyConfig.ignores.add(join(input, "**"));
  } else {
    eleventyConfig.addPassthroughCopy({ [assetsFolder(input)]: ASSETS_DIR });
    // Article images: content/images/x.jpg is /images/x.jpg, but for photos published only as
    // their outputs (/static/images/…, see images.ts): no one fetches those originals.
    eleventyConfig.addPassthroughCopy({ [join(input, IMAGES_DIR)]: IMAGES_DIR }, { filter: (path: string) => build.publishesOriginal(path) });
    // Files for the site's root as they are (CNAME, ads.txt, a search engine's verification
    // page, .well-known/): content/public/x is /x. Never templates, even a .md or .njk there.
    // Not where strichka writes a file itself (public-files.ts): `_redirects` is merged into
    // ours, anything else there fails the build.
    eleventyConfig.addPassthroughCopy({ [join(input, PUBLIC_DIR)]: "/" }, { filter: (path) => path !== SITE_REDIRECTS });
    // (A site's files that would clash with strichka's: SiteBuild.begin stops the build with publicFileProblems.)
    eleventyConfig.addGlobalData("strichkaSiteRedirects", () => siteRedirects(input));
  }
  eleventyConfig.ignores.add(join(input, PUBLIC_DIR, "**"));
  // "/assets/style.css" | assetUrl: where this build publishes it.
  eleventyConfig.addFilter("assetUrl", (url: string) => build.publishedUrl(url));
  // The fingerprinted copies are pages of a template of their own, so that Eleventy writes
  // them, and reports them among the build's files, like any other page.
  eleventyConfig.addGlobalData("strichkaAssets", () => build.assets);
  eleventyConfig.addTemplate("strichka-assets.11ty.js", {
    data: {
      pagination: { data: "strichkaAssets", size: 1, alias: "asset" },
      permalink: ({ asset }: { asset: Asset }) => asset.publishedUrl,
      eleventyExcludeFromCollections: true,
    },
    render: ({ asset }: { asset: Asset }) => asset.content,
  });
}
