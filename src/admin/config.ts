// The editors' desk (Decap CMS at admin/): its config.yml, made from strichka's content
// model (the zod schemas of src/content/schema.ts) and the site's data, so that what the
// editor is asked for is what the build accepts. Required fields are those the schemas
// reject when missing, and the patterns are the schemas' own regular expressions (read from
// zod's checks), not copies of them.
import { dump } from "js-yaml";
import type { z } from "zod";
import { articleSchema, authorsSchema, DAY, topicsSchema, videosSchema } from "../content/schema.js";

/** Where the site's files are, from the repository's root (the folder Decap's backends write in), and what it has. */
export interface CmsSite {
  /** The articles' folder, e.g. "content/articles". */
  articlesFolder: string;
  /** The _data folder, e.g. "_data". */
  dataFolder: string;
  /** The photos' folder (article photos' src is a path inside it), e.g. "content/images". */
  imagesFolder: string;
  /** The topics of _data/topics.json, in its order. */
  topics: readonly { slug: string; title: string }[];
  /** The authors of _data/authors.json, in its order (none: no «Автор» field; every article is the newsroom's). */
  authors?: readonly { slug: string; name: string }[];
  /** The zone zone-less dates are read in (the plugin's timeZone). */
  timeZone: string;
  /** The site's address (site.json's url), for «Переглянути на сайті». */
  siteUrl?: string;
  /** The port decap-server listens on for `npm run cms` (its default, 8081). */
  localBackendPort?: number;
  /** The plugin's videoAfterParagraph (3 when not given), for the text's hint. */
  videoAfterParagraph?: number;
}

/** A Decap field, as config.yml has it. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  pattern?: [string, string];
  [setting: string]: unknown;
}

/** The collection names the admin script (page.ts) registers its preview and hooks for. */
export const ARTICLES_COLLECTION = "articles";
export const DATA_COLLECTION = "data";
/** The format of _data's lists (topics.json, videos.json are JSON arrays, which Decap cannot edit as they are): see page.ts. */
export const LIST_FORMAT = "strichka-json-list";
/** The date as strichka reads a zone-less one (dates.ts): the site's wall-clock time. */
export const DATE_FORMAT = "YYYY-MM-DD HH:mm";

type Shape = Record<string, z.ZodType>;

/** Whether a field of a zod object must be there: the schema refuses it missing. */
function isRequired(schema: z.ZodType): boolean {
  return !schema.safeParse(undefined).success;
}

interface ZodCheck {
  _zod: { def: { check: string; format?: string; pattern?: RegExp; maximum?: number } };
}

/** The checks of a zod string schema (zod's def, which zod's JSON Schema conversion reads too), unwrapping .optional(). */
function checksOf(schema: z.ZodType): ZodCheck[] {
  const inner = schema as unknown as { _zod: { def: { checks?: ZodCheck[] } }; unwrap?: () => z.ZodType };
  return inner._zod.def.checks ?? (inner.unwrap ? checksOf(inner.unwrap()) : []);
}

/** The regular expression a zod string schema checks. */
function patternOf(schema: z.ZodType): RegExp {
  const pattern = checksOf(schema).find((check) => check._zod.def.format === "regex")?._zod.def.pattern;
  if (!pattern) throw new Error("the schema has no pattern");
  return pattern;
}

/** The largest length a zod string schema allows. */
function maximumOf(schema: z.ZodType): number | undefined {
  return checksOf(schema).find((check) => check._zod.def.check === "max_length")?._zod.def.maximum;
}

/** The fields of a zod object, unwrapping .optional() and a list's items. */
function shapeOf(schema: z.ZodType): Shape {
  const inner = schema as unknown as { shape?: Shape; unwrap?: () => z.ZodType; element?: z.ZodType };
  if (inner.shape) return inner.shape;
  if (inner.element) return shapeOf(inner.element);
  if (inner.unwrap) return shapeOf(inner.unwrap());
  throw new Error("not an object schema");
}

/** The schemas whose required fields and patterns the config repeats (for the generator and its test). */
export function cmsSchemas(timeZone: string) {
  const article = shapeOf(articleSchema([], timeZone));
  return {
    article,
    image: shapeOf(article.image!),
    correction: shapeOf(article.corrections!),
    topic: shapeOf(topicsSchema.element),
    author: shapeOf(authorsSchema.element),
    video: shapeOf(videosSchema.element),
  };
}

/** A pattern as Decap takes it: the regular expression's source and what to write instead. */
function pattern(regex: RegExp, message: string): [string, string] {
  return [regex.source, message];
}

/** The «за київським часом» of hints, or the zone's name for another. */
function zoneWords(timeZone: string): string {
  return timeZone === "Europe/Kyiv" || timeZone === "Europe/Kiev" ? "за київським часом" : `час зони ${timeZone}`;
}

/** Where «Відео дня» goes in the text, as the site puts it (video.ts: after the n-th top-level paragraph, else at the end). */
export function videoPlaceHint(afterParagraph: number): string {
  if (afterParagraph < 1) return "«Відео дня» стане в кінці тексту.";
  const ordinals = ["першого", "другого", "третього", "четвертого", "п'ятого", "шостого", "сьомого", "восьмого", "дев'ятого", "десятого"];
  return `«Відео дня» стане після ${ordinals[afterParagraph - 1] ?? `${afterParagraph}-го`} абзацу (у коротших — у кінці).`;
}

/** «Обов'язково, якщо є фото.» for a photo's field the schema requires. */
function neededWithPhoto(shape: Shape, name: string): string {
  return isRequired(shape[name]!) ? "Обов'язково, якщо є фото. " : "";
}

/**
 * The whole config.yml, as an object (cmsConfigYaml writes it).
 * (Long: the collections and their fields in the order Decap shows them, each field one entry.)
 */
export function cmsConfig(site: CmsSite): Record<string, unknown> {
  const schemas = cmsSchemas(site.timeZone);
  const required = (shape: Shape, name: string) => isRequired(shape[name]!);
  const field = (shape: Shape, name: string, settings: { label: string; widget: string; [setting: string]: unknown }): CmsField => {
    if (!(name in shape)) throw new Error(`${name} is not a field of the schema`);
    return { name, ...settings, required: required(shape, name) };
  };
  const { article, image, correction, topic, video, author } = schemas;
  const zone = zoneWords(site.timeZone);
  const dateField = (name: string, label: string, hint: string): CmsField =>
    field(article, name, { label, widget: "datetime", format: DATE_FORMAT, date_format: "YYYY-MM-DD", time_format: "HH:mm", picker_utc: false, hint });

  const articleFields: CmsField[] = [
    field(article, "title", { label: "Заголовок", widget: "string", hint: "Заголовок можна виправляти й після публікації: адреса статті від нього не залежить." }),
    field(article, "lede", { label: "Лід", widget: "string", hint: "Одне речення під заголовком." }),
    { ...dateField("date", "Дата й час публікації", `${zone[0]!.toUpperCase()}${zone.slice(1)}. Дата в майбутньому — стаття вийде тоді (заплановано).`), default: "{{now}}" },
    field(article, "topic", {
      label: "Тема",
      widget: "select",
      options: site.topics.map(({ slug, title }) => ({ label: title, value: slug })),
      hint: "Теми — у розділі «Дані сайту» → «Теми».",
    }),
    // A select of _data/authors.json's authors (as «Тема» is of the topics), not a relation
    // widget to an «Автори» collection: the options are the authors this build read and
    // checked, so the editor cannot pick a slug the build would refuse, and the form needs no
    // reading of authors.json through the backend (a relation to a file collection's list
    // would, through our JSON-list format). A new author is offered after the next build, as a
    // new topic is. `multiple` saves a list, one-item too, which the schema accepts; the admin
    // script shows a single slug (author: olena-koval, as the README has it) as one chosen item
    // and leaves an emptied choice out of the file. None: the newsroom's, as the build has it.
    ...(site.authors && site.authors.length > 0
      ? [
          field(article, "author", {
            label: "Автор",
            widget: "select",
            multiple: true,
            options: site.authors.map(({ slug, name }) => ({ label: name, value: slug })),
            hint: "Кількох авторів підпис покаже в тому порядку, в якому їх вибрано. Порожнє — стаття від редакції. Автори — у розділі «Дані сайту» → «Автори».",
          }),
        ]
      : []),
    field(article, "tags", { label: "Теги", widget: "list", allow_add: true, hint: "Кожен тег окремо: Київ, енергетика, США." }),
    field(article, "source", { label: "Джерело", widget: "string", hint: "Наприклад, Укрінформ або Bloomberg." }),
    field(article, "image", {
      label: "Фото під заголовком",
      widget: "object",
      collapsed: true,
      // Decap checks an object's required fields even when the object itself is left out, so
      // they are optional here and their hints say when they are needed; the admin script
      // leaves an image without a file out of the article, and the build refuses one without alt.
      fields: [
        { ...field(image, "src", { label: "Файл", widget: "image", choose_url: false, media_folder: `/${site.imagesFolder}`, public_folder: "", hint: `${neededWithPhoto(image, "src")}JPEG, PNG, WebP або AVIF, від 600 px завширшки (краще від 1600 px).` }), required: false },
        { ...field(image, "alt", { label: "Опис для тих, хто не бачить фото", widget: "string", hint: `${neededWithPhoto(image, "alt")}Що на фото: «Люди на пероні Київського вокзалу взимку».` }), required: false },
        field(image, "caption", { label: "Підпис", widget: "string" }),
        field(image, "credit", { label: "Автор фото", widget: "string", hint: "Під фото буде «Фото: …», наприклад УНІАН." }),
      ],
    }),
    dateField("updated", "Оновлено", `Час останнього оновлення ${zone}; не раніше за дату публікації. Порожнє — не оновлювалася.`),
    field(article, "live", {
      label: "Наживо",
      widget: "boolean",
      hint: "Хроніка: текст — це оновлення, кожне починається підзаголовком «## 14:05» (час у день статті; після півночі — «## 2026-01-15 00:45»), після часу можна дописати заголовок. Хоча б одне оновлення обов'язкове.",
    }),
    dateField("liveUntil", "Наживо до", `Лише разом із «Наживо»: коли хроніка закінчиться, ${zone}; не раніше за дату публікації. До того на сторінці мітка «Наживо», після — «Трансляцію завершено». Порожнє — наживо, доки не вимкнете.`),
    field(article, "corrections", {
      label: "Виправлення",
      label_singular: "виправлення",
      widget: "list",
      // None in a new article (Decap would start the list with one correction, its date's default filled in).
      default: [],
      collapsed: true,
      summary: "{{fields.date}} — {{fields.text}}",
      hint: "Якщо в опублікованій статті була помилка: виправте текст і додайте запис. Наприкінці статті буде блок «Виправлення»; найпізніше стане часом оновлення статті.",
      fields: [
        { ...field(correction, "date", { label: "Коли виправлено", widget: "datetime", format: DATE_FORMAT, date_format: "YYYY-MM-DD", time_format: "HH:mm", picker_utc: false, hint: `${zone[0]!.toUpperCase()}${zone.slice(1)}; не раніше за дату публікації.` }), default: "{{now}}" },
        field(correction, "text", { label: "Що виправлено", widget: "text", hint: "Що було неправильно і як правильно: «У першій версії інфляцію помилково вказано як 11,4%; правильно — 10,4%»." }),
      ],
    }),
    field(article, "draft", { label: "Чернетка", widget: "boolean", default: false, hint: "Чернетку збірка не публікує; її видно лише в попередньому перегляді (npm start)." }),
    field(article, "slug", {
      label: "Адреса (slug)",
      widget: "string",
      pattern: pattern(patternOf(article.slug!), "Лише малі латинські літери, цифри й дефіси, наприклад perehovory-u-zhenevi"),
      hint: `Останнє слово адреси статті, до ${maximumOf(article.slug!) ?? 80} знаків. Порожнє — зробиться із заголовка (латиницею за правописом КМУ) під час першого збереження. В опублікованій статті не змінюйте: старе посилання зламається.`,
    }),
    { name: "body", label: "Текст", widget: "markdown", required: true, hint: videoPlaceHint(site.videoAfterParagraph ?? 3) },
  ];

  const topicFields: CmsField[] = [
    field(topic, "title", { label: "Назва", widget: "string" }),
    field(topic, "slug", { label: "Адреса (slug)", widget: "string", pattern: pattern(patternOf(topic.slug!), "Лише малі латинські літери, цифри й дефіси, наприклад ekonomika"), hint: "Сторінка теми: /temy/<slug>/. Не змінюйте в темі, що вже має статті: вони посилаються на цей slug." }),
    field(topic, "description", { label: "Опис", widget: "string", hint: "Одне речення про тему." }),
  ];
  const authorFields: CmsField[] = [
    field(author, "name", { label: "Ім'я", widget: "string", hint: "Як у підписі під заголовком: Олена Коваль." }),
    field(author, "slug", { label: "Адреса (slug)", widget: "string", pattern: pattern(patternOf(author.slug!), "Лише малі латинські літери, цифри й дефіси, наприклад olena-koval"), hint: "Сторінка автора: /avtory/<slug>/. Не змінюйте в автора, що вже має статті: вони посилаються на цей slug." }),
    field(author, "role", { label: "Посада", widget: "string", hint: "Наприклад, кореспондентка з питань економіки." }),
    field(author, "bio", { label: "Про автора", widget: "text", hint: "Кілька речень для сторінки автора." }),
    field(author, "photo", { label: "Фото", widget: "image", choose_url: false, pattern: pattern(patternOf(author.photo!), "Фото з сайту, наприклад /images/olena-koval.jpg"), hint: `Необов'язково: фото з ${site.imagesFolder}/ для сторінки автора, наприклад /images/olena-koval.jpg.` }),
  ];
  const videoFields: CmsField[] = [
    field(video, "date", { label: "День", widget: "datetime", format: "YYYY-MM-DD", date_format: "YYYY-MM-DD", time_format: false, picker_utc: false, pattern: pattern(DAY, "День у вигляді 2026-01-14"), hint: "Статті цього дня (і пізніші, доки немає новішого відео) покажуть це відео." }),
    field(video, "title", { label: "Назва", widget: "string" }),
    field(video, "youtube", { label: "YouTube id", widget: "string", pattern: pattern(patternOf(video.youtube!), "11 знаків після watch?v= в адресі відео на YouTube"), hint: "З адреси https://www.youtube.com/watch?v=M7lc1UVf-VE — M7lc1UVf-VE." }),
    field(video, "poster", { label: "Заставка", widget: "string", hint: "Необов'язково: фото з сайту, наприклад /images/zastavka.jpg." }),
  ];

  return {
    locale: "uk",
    backend: { name: "git-gateway", branch: "main", squash_merges: true },
    // `npm run cms`: decap-server writes the files of this folder (used only at localhost).
    local_backend: { url: `http://localhost:${site.localBackendPort ?? 8081}/api/v1` },
    media_folder: site.imagesFolder,
    public_folder: "/images",
    ...(site.siteUrl ? { site_url: site.siteUrl, display_url: site.siteUrl } : {}),
    // The file name is made once, at creation (admin script: from the title by KMU-55); later edits to the title never rename it.
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      {
        name: ARTICLES_COLLECTION,
        label: "Статті",
        label_singular: "статтю",
        description: "Новини сайту. Нова стаття — кнопка вгорі праворуч; «Опублікувати» записує її у файли сайту, а збірка публікує (крім чернеток).",
        folder: site.articlesFolder,
        create: true,
        extension: "md",
        format: "frontmatter",
        slug: "{{year}}-{{month}}-{{day}}-{{fields.slug}}",
        identifier_field: "title",
        summary: "{{title}} — {{date}}",
        // Newest first, as on the site (Decap would list the files in the order the backend gives them).
        sortable_fields: [{ field: "date", default_sort: "desc" }, "title"],
        view_filters: [{ label: "Чернетки", field: "draft", pattern: true }],
        fields: articleFields,
      },
      {
        name: DATA_COLLECTION,
        label: "Дані сайту",
        // The collection's, not each file's: Decap reads `format` of a collection only (a
        // file's own is ignored: the lists were read as plain JSON, a form with no items).
        format: LIST_FORMAT,
        files: [
          {
            name: "topics",
            label: "Теми",
            file: `${site.dataFolder}/topics.json`,
            fields: [{ name: "items", label: "Теми", label_singular: "тему", widget: "list", summary: "{{fields.title}} ({{fields.slug}})", fields: topicFields }],
          },
          {
            name: "authors",
            label: "Автори",
            file: `${site.dataFolder}/authors.json`,
            fields: [{ name: "items", label: "Автори", label_singular: "автора", widget: "list", summary: "{{fields.name}} ({{fields.slug}})", fields: authorFields }],
          },
          {
            name: "videos",
            label: "Відео дня",
            file: `${site.dataFolder}/videos.json`,
            fields: [{ name: "items", label: "Відео", label_singular: "відео", widget: "list", summary: "{{fields.date}} — {{fields.title}}", fields: videoFields }],
          },
        ],
      },
    ],
  };
}

/** config.yml's text. */
export function cmsConfigYaml(site: CmsSite): string {
  return `# Made by strichka from its content model and _data/ at every build: edit those, not this file.\n${dump(cmsConfig(site), { lineWidth: -1, noRefs: true })}`;
}
