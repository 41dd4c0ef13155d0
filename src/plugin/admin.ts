// The editors' desk (src/admin/): Decap CMS at admin/, with its config.yml made from the
// content model at every build. Nothing of it is linked from, or loaded by, reader pages;
// it is in no sitemap, feed, search index or the service worker's list (those are made from
// the content model and the assets, not from Eleventy's pages).
import { relative, resolve, sep } from "node:path";
import { cmsConfigYaml } from "../admin/config.js";
import { ADMIN_DIR, adminPage, adminScript, decapFiles, slugModule } from "../admin/page.js";
import type { NewsSite } from "../content/index.js";
import type { EleventyConfig } from "../eleventy-config.js";
import type { SiteBuild } from "./build.js";
import { IMAGES_DIR } from "./folders.js";

/** A folder of the site from the project's root (where Decap's backends read and write), with forward slashes. */
function fromRoot(folder: string): string {
  return relative(process.cwd(), resolve(folder)).split(sep).join("/") || ".";
}

export function useAdmin(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  // A shard's run renders article and list pages only; the coordinating build writes these.
  if (!build.options.admin || build.shardFile) return;
  const { folder, files } = decapFiles();
  for (const file of files) eleventyConfig.addPassthroughCopy({ [`${folder}/${file}`]: `${ADMIN_DIR}/${file}` });
  const page = { eleventyExcludeFromCollections: true };
  eleventyConfig.addTemplate("strichka-admin-page.11ty.js", {
    data: { ...page, permalink: `/${ADMIN_DIR}/index.html` },
    render: ({ strichka }: { strichka: NewsSite }) => adminPage(strichka.site.title),
  });
  eleventyConfig.addTemplate("strichka-admin-config.11ty.js", {
    data: { ...page, permalink: `/${ADMIN_DIR}/config.yml` },
    render: ({ strichka }: { strichka: NewsSite }) => {
      const { input, data } = eleventyConfig.directories;
      return cmsConfigYaml({
        articlesFolder: fromRoot(build.articlesPath),
        dataFolder: fromRoot(data),
        imagesFolder: fromRoot(resolve(input, IMAGES_DIR)),
        topics: strichka.topics,
        authors: strichka.authors,
        timeZone: build.options.timeZone,
        siteUrl: strichka.site.url,
        videoAfterParagraph: build.options.videoAfterParagraph,
      });
    },
  });
  eleventyConfig.addTemplate("strichka-admin-script.11ty.js", {
    data: { ...page, permalink: `/${ADMIN_DIR}/strichka-admin.js` },
    render: ({ strichka }: { strichka: NewsSite }) =>
      adminScript({
        stylesheet: `..${build.publishedUrl(build.urls.stylesheet)}`,
        topics: strichka.topics.map(({ slug, title }) => ({ slug, title })),
        authors: strichka.authors.map(({ slug, name }) => ({ slug, name })),
        videos: strichka.videos.map(({ date, title }) => ({ date, title })),
        videoAfterParagraph: build.options.videoAfterParagraph,
        text: { topic: build.text.topic, source: build.text.source, updated: build.text.updated, videoOfTheDay: build.text.videoOfTheDay, draft: build.text.draft, author: build.text.author, authors: build.text.authors },
      }),
  });
  eleventyConfig.addTemplate("strichka-admin-slug.11ty.js", {
    data: { ...page, permalink: `/${ADMIN_DIR}/slug.js` },
    render: () => slugModule(),
  });
}
