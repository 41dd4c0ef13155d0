// `strichka init` and `strichka new`: the files of a new site, and of a new article.
import { DateTime } from "luxon";
import { DEFAULT_TIME_ZONE } from "./dates.js";
import { slugify } from "./slug.js";

/** A new site: its files by path, for `strichka init <folder>`. */
export function siteFiles(name: string, strichkaVersion: string): Record<string, string> {
  const today = DateTime.now().setZone(DEFAULT_TIME_ZONE);
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    "package.json": json({
      name: slugify(name) || "news-site",
      private: true,
      type: "module",
      scripts: { build: "strichka build", start: "eleventy --serve" },
      dependencies: { strichka: `^${strichkaVersion}`, "@11ty/eleventy": "^3.1.8" },
      engines: { node: ">=20" },
    }),
    "eleventy.config.js": `import strichka from "strichka";\n\nexport default function (eleventyConfig) {\n  eleventyConfig.addPlugin(strichka);\n}\n\nexport const config = { dir: { input: "content", includes: "../_includes", data: "../_data" }, markdownTemplateEngine: false };\n`,
    "_data/site.json": json({ title: name, description: "Новини громади щодня.", url: "https://example.netlify.app", language: "uk", timezone: DEFAULT_TIME_ZONE, author: `Редакція «${name}»` }),
    "_data/topics.json": json([
      { slug: "hromada", title: "Громада", description: "Життя міста і сіл навколо." },
      { slug: "ekonomika", title: "Економіка", description: "Ціни, робота, бізнес." },
    ]),
    "_data/videos.json": json([{ date: today.toISODate(), title: "Відео дня: огляд новин", youtube: "M7lc1UVf-VE" }]),
    [`content/articles/${today.toISODate()}-vidkryly-novyi-mist.md`]: `---\ntitle: 'У місті відкрили новий міст через річку'\nlede: Рух транспортом відновили після двох років ремонту.\ndate: ${today.set({ hour: 9, minute: 30 }).toFormat("yyyy-MM-dd HH:mm")}\ntopic: hromada\ntags: [ремонт, транспорт]\nsource: Міська рада\n---\nМіст відкрили для руху вранці. Роботи тривали два роки.\n\nРемонт профінансували з міського бюджету та кредиту європейського банку.\n\nМешканці кажуть, що дорога до центру тепер займає вдвічі менше часу.\n`,
    [`content/articles/${today.toISODate()}-tsiny-na-rynku.md`]: `---\ntitle: 'Ціни на ринку: що подешевшало цього тижня'\nlede: Овочі дешевшають, м'ясо — дорожчає.\ndate: ${today.set({ hour: 12, minute: 0 }).toFormat("yyyy-MM-dd HH:mm")}\ntopic: ekonomika\ntags: [ціни, ринок]\n---\nНа центральному ринку подешевшали картопля й капуста.\n\nЦіни на м'ясо натомість зросли на п'ять відсотків.\n`,
    "netlify.toml": `[build]\n  command = "npm run build"\n  publish = "_site"\n\n[build.environment]\n  NODE_VERSION = "20"\n`,
    "README.md": `# ${name}\n\n\`\`\`sh\nnpm install && npm run build   # builds the site into _site/\nnpm start                      # preview with live reload\n\`\`\`\n\nArticles are Markdown files in \`content/articles/\`; \`npx strichka new "Заголовок" --topic hromada\` starts one.\nTopics, the video of the day and the site's name are in \`_data/\`. Made with strichka.\n`,
    // _site/ and what `strichka build` keeps beside it (see publish.ts).
    ".gitignore": "node_modules/\n_site/\n._site.*\n",
  };
}

/** A new article's file name and text, for `strichka new "Заголовок" --topic <slug>`. */
export function articleFile(title: string, topic: string, now: DateTime = DateTime.now()): { name: string; text: string } {
  const published = now.setZone(DEFAULT_TIME_ZONE).startOf("minute");
  const slug = slugify(title);
  if (!slug) throw new Error(`"${title}" has no letters or digits to make a file name from`);
  const yamlTitle = `'${title.replace(/'/g, "''")}'`;
  return {
    name: `${published.toISODate()}-${slug}.md`,
    text: `---\ntitle: ${yamlTitle}\n# lede: одне речення під заголовком\ndate: ${published.toISO({ suppressMilliseconds: true })}\ntopic: ${topic}\ntags: []\n# source: Укрінформ\n---\nТекст новини.\n`,
  };
}
