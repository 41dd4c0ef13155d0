// Every Markdown file in this folder is an article. Its URL, related news and video of
// the day come from strichka's content model (the `strichka` global data), built once
// per build; a draft has no article there in production, so it gets no page at all.
export default {
  layout: "article.njk",
  videoSlot: true,
  eleventyComputed: {
    article: (data) => data.strichka.articleAt(data.page.inputPath),
    permalink: (data) => data.strichka.articleAt(data.page.inputPath)?.url ?? false,
    eleventyExcludeFromCollections: (data) => !data.strichka.articleAt(data.page.inputPath),
  },
};
