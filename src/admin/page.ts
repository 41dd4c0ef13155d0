// The editors' desk's own files at admin/: the page, the script that fits Decap CMS to
// strichka (file names by our KMU-55 slug, _data's JSON lists, a preview like the article
// page), and which of decap-cms's files the site publishes (from the npm package, no CDN).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ARTICLES_COLLECTION, LIST_FORMAT } from "./config.js";

/** Where the editors' desk is published, from the site's root. */
export const ADMIN_DIR = "admin";

/**
 * decap-cms's files the page loads: the bundle, the chunks it loads on demand (CodeMirror's
 * modes for code blocks) and the WebAssembly it encodes pasted images with. Not the source
 * maps (25 MB each) nor `cms.js`, another name for the same bundle.
 */
export function decapFiles(folder = existsSync(VENDORED_DECAP) ? VENDORED_DECAP : installedDecapFolder()): { folder: string; files: string[] } {
  const files = readdirSync(folder).filter((file) => /^(?:\d+\.)?decap-cms\.js$/.test(file) || /^[0-9a-f]+\.wasm$/.test(file));
  return { folder, files: files.sort() };
}

/**
 * Where the npm package keeps decap-cms's files (copied there by `npm pack`, see vendor.ts):
 * decap-cms is a devDependency, so that a site installing strichka gets these ~6 MB, not the
 * 645 packages (react, webpack…: ~450 MB, measured) decap-cms depends on to be built from source.
 */
export const VENDORED_DECAP = join(dirname(fileURLToPath(import.meta.url)), "..", "decap-cms");

/** decap-cms's prebuilt files in node_modules (strichka's own checkout). */
export function installedDecapFolder(): string {
  return dirname(createRequire(import.meta.url).resolve("decap-cms/dist/decap-cms.js"));
}

/** admin/index.html: no index for search engines, nothing but our script (which loads Decap's). */
export function adminPage(siteTitle: string): string {
  const title = `Редакція — ${siteTitle}`.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="uk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="same-origin">
<title>${title}</title>
<script type="module" src="strichka-admin.js"></script>
</head>
<body>
<noscript>Редакторський кабінет працює лише з JavaScript.</noscript>
</body>
</html>
`;
}

/**
 * Decap's Ukrainian (decap-cms-locales' uk) lacks some of its English phrases, and Decap shows
 * the English one for each: these fill the gaps (tests/admin.test.ts checks that none is left
 * for the decap-cms installed). The new-entry button's «＋» (U+FF0B) is a glyph many fonts
 * lack, and «Створити статтю» is what the README tells editors to press.
 */
export const UKRAINIAN_PHRASES = {
  auth: { loginWithForgejo: "Увійти через Forgejo" },
  collection: {
    collectionTop: { newButton: "Створити %{collectionLabel}", viewAsList: "Показати списком", viewAsGrid: "Показати плиткою" },
    entries: { unpublishedHeader: "Неопубліковані записи" },
    groups: { other: "Інше", negateLabel: "Не %{label}" },
    defaultFields: { author: { label: "Автор" }, updatedOn: { label: "Оновлено" } },
  },
  editor: {
    editorControl: { field: { widgetLabel: "Поле «%{widgetLabel}»" } },
    editor: { onUnpublishing: "Зняти цей запис з публікації?" },
    editorInterface: { toggleNotes: "Показати або сховати нотатки" },
    editorNotesPane: {
      title: "Нотатки",
      emptyState: "Нотаток ще немає. Додайте першу нижче.",
      addNote: "Додати нотатку",
      addPlaceholder: "Нотатка…",
      editPlaceholder: "Змініть нотатку…",
      save: "Зберегти",
      cancel: "Скасувати",
      edit: "Змінити",
      delete: "Видалити",
      resolve: "Позначити вирішеною",
      unresolve: "Позначити невирішеною",
      confirmDelete: "Видалити цю нотатку?",
      shortcut: "Порада: Ctrl+Enter додає нотатку",
    },
    editorToolbar: {
      statusInfoTooltipDraft: "Запис — чернетка. Щоб передати його на перевірку, поставте статус «На перевірці».",
      statusInfoTooltipInReview: "Запис на перевірці, більше нічого робити не треба. Змінювати його можна й далі.",
    },
    editorWidgets: {
      markdown: { strikethrough: "Закреслений", toggleMode: { rich: "Перейти до візуального редактора", markdown: "Перейти до Markdown" } },
      datetime: { setToNow: "Поставити в «%{fieldLabel}» поточний час" },
      object: { expand: "Розгорнути", collapse: "Згорнути" },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: "Закрити" } },
  ui: {
    settingsDropdown: { account: "Меню облікового запису" },
    toast: {
      noteAdded: "Нотатку додано",
      onFailToAddNote: "Не вдалося додати нотатку: %{details}",
      noteUpdated: "Нотатку змінено",
      onFailToUpdateNote: "Не вдалося змінити нотатку: %{details}",
      noteDeleted: "Нотатку видалено",
      onFailToDeleteNote: "Не вдалося видалити нотатку: %{details}",
      noteResolved: "Нотатку позначено вирішеною",
      noteReopened: "Нотатку відкрито знову",
      onFailToToggleNote: "Не вдалося змінити стан нотатки: %{details}",
    },
  },
};

/** Placeholders Decap writes in English whatever the locale (git-gateway's login form, decap-cms-ui-auth): ours instead. */
export const UKRAINIAN_PLACEHOLDERS: Record<string, string> = { Email: "Електронна пошта", Password: "Пароль" };

/** What the admin script needs of the site: for the preview. */
export interface AdminScriptData {
  /** The site's stylesheet, relative to admin/ (the fingerprinted one in production). */
  stylesheet: string;
  topics: readonly { slug: string; title: string }[];
  /** _data/authors.json's, for the byline. */
  authors: readonly { slug: string; name: string }[];
  videos: readonly { date: string; title: string }[];
  videoAfterParagraph: number;
  text: { topic: string; source: string; updated: string; videoOfTheDay: string; draft: string; author: string; authors: string };
}

/**
 * admin/strichka-admin.js. Decap starts only once this has registered what strichka needs
 * (CMS_MANUAL_INIT): the format of _data's lists must be known before config.yml is read.
 * (Long: one browser script, written out as it is served, read top to bottom.)
 */
export function adminScript(data: AdminScriptData): string {
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return `// Made by strichka (src/admin/page.ts): Decap CMS fitted to strichka's articles.
import { slugify } from "./slug.js";

const SITE = ${json};
const ARTICLES = ${JSON.stringify(ARTICLES_COLLECTION)};
const PHRASES = ${JSON.stringify(UKRAINIAN_PHRASES)};
const PLACEHOLDERS = ${JSON.stringify(UKRAINIAN_PLACEHOLDERS)};

window.CMS_MANUAL_INIT = true;
const decap = document.createElement("script");
decap.src = "decap-cms.js";
decap.onload = start;
document.head.append(decap);

function start() {
  const CMS = window.CMS;
  const h = window.h;

  // Decap's Ukrainian with its gaps filled (Decap would show those phrases in English).
  CMS.registerLocale("uk", merged(CMS.getLocale("uk") ?? {}, PHRASES));
  // The login form's placeholders are English in Decap's code, not phrases: put in as it draws them.
  const translate = () => {
    for (const input of document.querySelectorAll("input[placeholder]")) {
      const ours = PLACEHOLDERS[input.getAttribute("placeholder")];
      if (ours) input.setAttribute("placeholder", ours);
    }
  };
  new MutationObserver(translate).observe(document.documentElement, { childList: true, subtree: true });

  // _data/topics.json and videos.json are JSON lists; Decap edits an object's fields, so the
  // list is the field "items" while edited, and written back as the list it was.
  // An item's fields left empty are left out (strichka refuses an author's bio: "").
  CMS.registerCustomFormat(${JSON.stringify(LIST_FORMAT)}, "json", {
    fromFile: (text) => ({ items: JSON.parse(text) }),
    toFile: (data) => JSON.stringify((data.items ?? []).map(withoutEmpty), null, 2) + "\\n",
  });

  // Decap's select with \`multiple\` shows nothing for a single value, which strichka takes
  // too (author: olena-koval): it is shown as a list of one. Only shown: the file keeps what it
  // had until the editor changes the choice, and the choice is then saved as a list.
  const select = CMS.getWidget("select");
  CMS.registerWidget("select", window.createClass({
    isValid() { return this.inner?.isValid ? this.inner.isValid() : { error: false }; },
    render() {
      const value = this.props.value;
      const one = this.props.field.get("multiple") && typeof value === "string";
      return h(select.control, { ...this.props, value: one ? [value] : value, ref: (node) => { this.inner = node; } });
    },
  }), select.preview, select.schema);

  // Before a save: a new article gets its slug (and so its file name and URL) from its title
  // once, by strichka's own transliteration; fields left empty are left out of the file
  // (strichka refuses updated: "" or a photo without its file).
  CMS.registerEventListener({
    name: "preSave",
    handler: ({ entry }) => {
      if (entry.get("collection") !== ARTICLES) return undefined;
      let data = entry.get("data");
      if (entry.get("newRecord") && !data.get("slug")) data = data.set("slug", slugify(String(data.get("title") ?? "")));
      const empty = (value) => value === undefined || value === null || value === "" || (typeof value === "object" && typeof value.size === "number" && value.size === 0);
      for (const key of [...data.keys()]) {
        const value = data.get(key);
        if (key === "body") continue;
        if ((key === "draft" || key === "live") && value === false) data = data.delete(key);
        else if (key === "image" && value && typeof value.get === "function") {
          const image = value.filter((part) => !empty(part));
          data = image.get("src") ? data.set(key, image) : data.delete(key);
        } else if (empty(value)) data = data.delete(key);
      }
      return data;
    },
  });

  CMS.registerPreviewStyle(new URL(SITE.stylesheet, location.href).href);
  CMS.registerPreviewTemplate(ARTICLES, ArticlePreview());
  CMS.init();
}

/** A data list's item without its empty fields. */
function withoutEmpty(item) {
  if (!item || typeof item !== "object" || Array.isArray(item)) return item;
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined && value !== null && value !== ""));
}

/** base with the phrases of extra added, objects merged at every level. */
function merged(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    out[key] = value && typeof value === "object" && base[key] && typeof base[key] === "object" ? merged(base[key], value) : value;
  }
  return out;
}

/** The day of a front-matter date as written ("2026-01-14 23:40" → "2026-01-14"). */
function dayOf(value) {
  return typeof value === "string" ? value.slice(0, 10) : "";
}

/** «14 січня 2026, 23:40» from the wall-clock time the editor wrote. */
function newsDateTime(value) {
  const match = /^(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2}))?/.exec(typeof value === "string" ? value : "");
  if (!match) return "";
  const [, y, m, d, hh, mm] = match;
  const day = new Intl.DateTimeFormat("uk", { day: "numeric", month: "long", timeZone: "UTC" }).format(Date.UTC(+y, +m - 1, +d));
  return hh ? day + " " + y + ", " + hh + ":" + mm : day + " " + y;
}

/** The video an article of that day shows: its day's, else the latest before it. */
function videoFor(day) {
  let best;
  for (const video of SITE.videos) if (video.date <= day && (!best || video.date > best.date)) best = video;
  return best;
}

function ArticlePreview() {
  const h = window.h;
  return window.createClass({
    componentDidMount() { this.placeVideo(); },
    componentDidUpdate() { this.placeVideo(); },
    // «Відео дня» after the configured paragraph, as placeVideo does on the site: the body's
    // HTML is Decap's to render, so the block is put in after it.
    placeVideo() {
      const body = this.body;
      if (!body) return;
      body.querySelectorAll(".video-of-the-day").forEach((node) => node.remove());
      const video = videoFor(dayOf(this.props.entry.getIn(["data", "date"])));
      if (!video) return;
      const section = document.createElement("section");
      section.className = "video-of-the-day";
      const heading = document.createElement("h2");
      heading.textContent = SITE.text.videoOfTheDay;
      const title = document.createElement("p");
      title.className = "video-title";
      title.textContent = video.title;
      section.append(heading, title);
      const paragraphs = [...body.querySelectorAll("p")].filter((p) => !p.closest(".video-of-the-day"));
      const parent = paragraphs[0]?.parentElement;
      const top = paragraphs.filter((p) => p.parentElement === parent);
      const after = top[SITE.videoAfterParagraph - 1];
      // (0, or a shorter text: at the end, as on the site.)
      if (after && SITE.videoAfterParagraph > 0) after.after(section);
      else (parent ?? body).append(section);
    },
    render() {
      const entry = this.props.entry;
      const get = (name) => entry.getIn(["data", name]);
      const topic = SITE.topics.find((t) => t.slug === get("topic"));
      const tags = (get("tags")?.toJS?.() ?? []).filter(Boolean);
      // The byline as the article page has it: «Автори: Петро Іваненко і Олена Коваль» (a single slug or a list).
      const chosen = get("author");
      const authors = (typeof chosen === "string" ? [chosen] : chosen?.toJS?.() ?? []).map((slug) => SITE.authors.find((a) => a.slug === slug)).filter(Boolean);
      const byline = authors.length
        ? h("p", { className: "byline" }, (authors.length === 1 ? SITE.text.author : SITE.text.authors) + " ", new Intl.ListFormat("uk", { type: "conjunction" }).formatToParts(authors.map((a) => a.name)).map((part, index) => (part.type === "element" ? h("a", { key: index }, part.value) : part.value)))
        : null;
      const meta = [
        h("li", { key: "date" }, h("time", null, newsDateTime(get("date")))),
        get("updated") ? h("li", { key: "updated" }, SITE.text.updated + " ", h("time", null, newsDateTime(get("updated")))) : null,
        get("source") ? h("li", { key: "source" }, SITE.text.source + " ", h("span", { className: "source" }, get("source"))) : null,
        topic ? h("li", { key: "topic" }, SITE.text.topic + " ", h("a", { className: "topic-link" }, topic.title)) : null,
      ];
      return h("main", { id: "main", className: "wrap" },
        h("article", { className: "article" },
          h("header", { className: "article-header" },
            get("draft") ? h("p", { className: "draft-badge" }, SITE.text.draft) : null,
            h("h1", null, get("title") ?? ""),
            get("lede") ? h("p", { className: "lede" }, get("lede")) : null,
            byline,
            h("ul", { className: "article-meta" }, meta)),
          h("div", { className: "article-body", ref: (node) => { this.body = node; } }, this.props.widgetFor("body")),
          tags.length ? h("footer", { className: "article-tags" }, h("ul", { className: "tags" }, tags.map((tag) => h("li", { key: tag }, h("a", null, tag))))) : null));
    },
  });
}
`;
}

/**
 * admin/slug.js: strichka's slug.ts as the browser runs it, so that the editors' desk names
 * files exactly as `strichka new` does. The package has it compiled (dist/slug.js); run from
 * this repository's TypeScript (tsx), it is compiled here with esbuild, which tsx runs on.
 */
export function slugModule(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".js")) return readFileSync(join(dirname(here), "..", "slug.js"), "utf8");
  // (esbuild is CommonJS: required, it compiles synchronously, as a template's render needs.)
  const esbuild = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
  const source = readFileSync(join(dirname(here), "..", "slug.ts"), "utf8");
  return esbuild.transformSync(source, { loader: "ts", format: "esm", target: "es2020" }).code;
}
