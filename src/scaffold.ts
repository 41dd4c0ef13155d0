// `strichka init` and `strichka new`: the files of a new site, and of a new article.
import { DateTime } from "luxon";
import { DEFAULT_TIME_ZONE } from "./dates.js";
import { slugify } from "./slug.js";

/** The local backend of the editors' desk (`npm run cms`), the version strichka is tested with. */
const DECAP_SERVER_VERSION = "^3.11.3";

/** A new site: its files by path, for `strichka init <folder>`. */
export function siteFiles(name: string, strichkaVersion: string): Record<string, string> {
  // The examples are yesterday's news: never in the future, and older than the first
  // article the newsroom writes (whose related news they then are).
  const yesterday = DateTime.now().setZone(DEFAULT_TIME_ZONE).minus({ days: 1 });
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    "package.json": json({
      name: slugify(name) || "news-site",
      private: true,
      type: "module",
      // cms: the editors' desk at http://localhost:8080/admin/ (decap-server is for the newsroom's machines, not the build).
      scripts: { build: "strichka build", start: "eleventy --serve --output=_preview", cms: "strichka cms" },
      dependencies: { strichka: `^${strichkaVersion}`, "@11ty/eleventy": "^3.1.8" },
      devDependencies: { "decap-server": DECAP_SERVER_VERSION },
      engines: { node: ">=20" },
    }),
    "eleventy.config.js": `import strichka from "strichka";\n\nexport default function (eleventyConfig) {\n  eleventyConfig.addPlugin(strichka);\n}\n\nexport const config = { dir: { input: "content", includes: "../_includes", data: "../_data" }, markdownTemplateEngine: false };\n`,
    "_data/site.json": json({ title: name, description: "Новини громади щодня.", url: "https://example.netlify.app", language: "uk", timezone: DEFAULT_TIME_ZONE, author: `Редакція «${name}»` }),
    "_data/topics.json": json([
      { slug: "hromada", title: "Громада", description: "Життя міста і сіл навколо." },
      { slug: "ekonomika", title: "Економіка", description: "Ціни, робота, бізнес." },
    ]),
    "_data/videos.json": json([{ date: yesterday.toISODate(), title: "Відео дня: огляд новин", youtube: "M7lc1UVf-VE" }]),
    [`content/articles/${yesterday.toISODate()}-vidkryly-novyi-mist.md`]: `---\ntitle: 'У місті відкрили новий міст через річку'\nlede: Рух транспортом відновили після двох років ремонту.\ndate: ${yesterday.set({ hour: 9, minute: 30 }).toFormat("yyyy-MM-dd HH:mm")}\ntopic: hromada\ntags: [ремонт, транспорт]\nsource: Міська рада\n---\nМіст відкрили для руху вранці. Роботи тривали два роки.\n\nРемонт профінансували з міського бюджету та кредиту європейського банку.\n\nМешканці кажуть, що дорога до центру тепер займає вдвічі менше часу.\n`,
    [`content/articles/${yesterday.toISODate()}-tsiny-na-rynku.md`]: `---\ntitle: 'Ціни на ринку: що подешевшало цього тижня'\nlede: Овочі дешевшають, м'ясо — дорожчає.\ndate: ${yesterday.set({ hour: 12, minute: 0 }).toFormat("yyyy-MM-dd HH:mm")}\ntopic: ekonomika\ntags: [ціни, ринок]\n---\nНа центральному ринку подешевшали картопля й капуста.\n\nЦіни на м'ясо натомість зросли на п'ять відсотків.\n`,
    "netlify.toml":
      `[build]\n  command = "npm run build"\n  publish = "_site"\n\n[build.environment]\n  NODE_VERSION = "22"\n\n` +
      "# strichka's build state between deploys: with it, `npm run build` renders only the pages\n" +
      "# that changed since the last deploy (see strichka's README, \"On Netlify\").\n" +
      `[[plugins]]\n  package = "/node_modules/strichka/netlify/plugins/strichka-build-state"\n`,
    "README.md": `# ${name}\n\n\`\`\`sh\nnpm install && npm run build   # builds the site into _site/\nnpm start                      # preview with live reload\nnpm run cms                    # the editors' desk: http://localhost:8080/admin/\n\`\`\`\n\nArticles are Markdown files in \`content/articles/\`; \`npx strichka new "Заголовок" --topic hromada\` starts one, or write it at admin/ (Decap CMS; on Netlify, see strichka's README, «Редакція»).\nTopics, the video of the day and the site's name are in \`_data/\`. Made with strichka.\n`,
    // _site/ and what `strichka build` keeps beside it (see publish.ts).
    ".gitignore": "node_modules/\n_site/\n._site.*\n_preview/\n",
  };
}

/**
 * A title `strichka new` cannot make an article of. The message is for the editor as it
 * is (the CLI prints it, no stack trace): what is wrong and what to write instead.
 */
export class TitleError extends Error {
  override readonly name = "TitleError";
}

/**
 * Characters YAML does not allow in a document (js-yaml refuses the file), line breaks
 * aside (they have their own message): C0 and C1 controls but the tab, U+FFFE, U+FFFF and
 * halves of a surrogate pair.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Throws a TitleError when `title` cannot be an article's headline. */
export function checkTitle(title: string): void {
  if (title.trim() === "") throw new TitleError("The title is empty; write the headline in quotes, e.g. strichka new \"У місті відкрили міст\" --topic hromada");
  if (/[\n\r\u2028\u2029\u0085]/.test(title)) throw new TitleError("The title is one line; write it without line breaks");
  const control = CONTROL_CHARACTER.exec(title);
  if (control) throw new TitleError(`The title has an invisible control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}); delete it`);
  if (!slugify(title)) throw new TitleError(`The title ${JSON.stringify(title)} has no letters or digits to make a file name from; write a headline with words`);
}

/**
 * A new article's file name and text, for `strichka new "Заголовок" --topic <slug>`. The
 * name is the day and the title's slug (at most MAX_SLUG_LENGTH characters, see slug.ts);
 * the title is written as a single-quoted YAML scalar, which reads back exactly as given.
 * Throws a TitleError for a title that cannot be a headline (see checkTitle).
 */
export function articleFile(title: string, topic: string, now: DateTime = DateTime.now()): { name: string; text: string } {
  checkTitle(title);
  const published = now.setZone(DEFAULT_TIME_ZONE).startOf("minute");
  // In single quotes only the quote itself needs escaping (doubled): # : -- " \ stay text.
  const yamlTitle = `'${title.replace(/'/g, "''")}'`;
  return {
    name: `${published.toISODate()}-${slugify(title)}.md`,
    text: `---\ntitle: ${yamlTitle}\n# lede: одне речення під заголовком\ndate: ${published.toISO({ suppressMilliseconds: true })}\ntopic: ${topic}\ntags: []\n# source: Укрінформ\n---\nТекст новини.\n`,
  };
}
