// Every Markdown file in this folder is an article. Its URL, related news and video of
// the day come from strichka's content model, which the plugin hands to each article with
// its front matter (`article`, `permalink`): see src/index.ts.
export default {
  layout: "article.njk",
  videoSlot: true,
};
