// The baseline: bare Eleventy on the same Markdown, default settings (tags as written,
// Markdown through Liquid first), one Nunjucks layout, a home page and the full list
// paginated by 20. No minifier, no feeds.
export const config = {
  dir: { input: "content", includes: "_includes" },
};
