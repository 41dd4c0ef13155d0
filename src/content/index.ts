// The content model: every article's front matter and the _data files, validated by one
// zod schema each (schema.ts), read and checked across files (load.ts), and the indexes
// built once per build (model.ts). Templates read it as the `strichka` global data.
export { readArticleBody } from "./article-file.js";
export { ArticleCache } from "./cache.js";
export { loadNewsSite, type LoadOptions } from "./load.js";
export { LIST_ITEM_FIELDS, NewsSite, type Article, type ArticleLink, type Author, type Listing, type PagesToWrite, type Tag, type TagSummary, type Topic } from "./model.js";
export { articleSchema, siteSchema, topicsSchema, videosSchema, type ArticleFrontMatter, type SiteSettings } from "./schema.js";
