// Every word a reader sees that is not content: in one place, so a newsroom can reword any
// of them (plugin option `locale`) without touching a template.
import type { PluralForms } from "./plural.js";

export const UKRAINIAN = {
  skipToContent: "Перейти до змісту",
  topicsNavigation: "Теми",
  sectionsNavigation: "Розділи",
  home: "Стрічка новин",
  archive: "Архів",
  archiveHeading: "Архів новин",
  allTopics: "Усі теми",
  allTags: "Усі теги",
  /** The tags index of a site with many tags: the most used ones, then the alphabet. */
  popularTags: "Найуживаніші теги",
  tagsByLetter: "Теги за абеткою",
  /** A letter's page of tags: «Теги на літеру «А»». */
  tagsOnLetter: "Теги на літеру",
  /** The page of tags that start with a digit or a sign. */
  tagsOther: "Теги, що починаються з цифри чи знака",
  allNewsFeed: "усі новини",
  moreInArchive: "Усі новини в архіві →",
  emptyList: "Тут поки немає новин.",
  page: "сторінка",
  pages: "Сторінки",
  olderPage: "← Старіші",
  newerPage: "Новіші →",
  /** The link to a list's first page, its newest news, among the page numbers. */
  newestPage: "Найновіші",
  tag: "Тег:",
  topicFeed: "Atom-стрічка теми",
  /** The byline: «Автор: Олена Коваль», «Автори: Олена Коваль і Петро Іваненко» (joined by the platform's Ukrainian list rules). */
  author: "Автор:",
  authors: "Автори:",
  /** The authors index, and the footer's link to it. */
  allAuthors: "Автори",
  authorFeed: "Atom-стрічка автора",
  draft: "Чернетка: у збірці для публікації її не буде",
  /** An article dated after the build's time: its label in the preview, and the production build's note «Заплановано: 2 статті (найближча — 15 січня, 09:00)». */
  scheduled: "Заплановано",
  /** The preview's note on a scheduled article's page, before its time: «Заплановано на 15 січня 2027, 09:00: до цього часу на сайті її не буде». */
  scheduledOn: "Заплановано на",
  scheduledUntil: "до цього часу на сайті її не буде",
  scheduledNext: "найближча",
  updated: "Оновлено:",
  /** The breaking news banner's label (_data/breaking.json), and its landmark's name. */
  breaking: "Терміново",
  /** A live blog's label while it is on («Наживо · оновлюється»), and after its end («Трансляцію завершено 14 січня 2026, 23:00»). */
  live: "Наживо",
  liveUpdating: "оновлюється",
  liveEnded: "Трансляцію завершено",
  /** The list of corrections at the end of an article. */
  corrections: "Виправлення",
  source: "Джерело:",
  /** Before a photo's credit under it: «Фото: УНІАН». */
  photoCredit: "Фото:",
  topic: "Тема:",
  tags: "Теги",
  related: "Вас також можуть зацікавити новини:",
  videoOfTheDay: "Відео дня",
  watchOnYouTube: "Дивитися на YouTube",
  readingTime: "читання",
  notFoundTitle: "Сторінку не знайдено",
  notFoundText: "Такої сторінки немає: можливо, адресу набрано з помилкою або новину перенесено.",
  notFoundHome: "Перейти до стрічки новин",
  notFoundOr: "або пошукати в",
  notFoundArchive: "архіві",
  /** The search page (and the masthead's link to it). */
  search: "Пошук",
  searchLabel: "Що шукаємо?",
  searchButton: "Знайти",
  /** «Знайдено 12 новин» (with newsForms). */
  searchFound: "Знайдено",
  searchNothing: "Нічого не знайдено.",
  searchHint: "Спробуйте інші слова, коротший запит або перегляньте архів.",
  searchMoreResults: "Показати ще",
  searchMore: "Шукати в старіших новинах",
  searchLoading: "Шукаємо…",
  /** Without JavaScript: «… шукайте новини в архіві або в темах.» */
  searchNeedsJavaScript: "Пошук працює з увімкненим JavaScript. Без нього шукайте новини в",
  searchOr: "або в",
  searchTopics: "темах",
  /** The service worker's page for what was never opened online. */
  offlineTitle: "Немає з’єднання з мережею",
  offlineText: "Цю сторінку ще не збережено для читання без мережі. Стрічку новин і сторінки, які ви вже відкривали, можна читати й без неї.",
  /** The page at an article's old address (aliases), which sends the reader on to it. */
  movedTitle: "Новину перенесено",
  movedText: "Ця новина тепер за новою адресою:",
  newsForms: ["новина", "новини", "новин"] as PluralForms,
  minuteForms: ["хвилина", "хвилини", "хвилин"] as PluralForms,
  articleForms: ["стаття", "статті", "статей"] as PluralForms,
};

export type LocaleText = typeof UKRAINIAN;

/** The default texts with a site's rewording; an unknown key or a wrong kind of value is an error. */
export function resolveLocale(overrides: Record<string, unknown> = {}): LocaleText {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const standard = (UKRAINIAN as Record<string, unknown>)[key];
    if (standard === undefined) {
      problems.push(`"${key}" is not one of the texts (${Object.keys(UKRAINIAN).join(", ")})`);
    } else if (Array.isArray(standard) ? !(Array.isArray(value) && value.length === 3 && value.every((form) => typeof form === "string")) : typeof value !== "string") {
      problems.push(`"${key}" must be ${Array.isArray(standard) ? 'three forms, e.g. ["новина", "новини", "новин"]' : "text"}`);
    }
  }
  if (problems.length > 0) throw new TypeError(`strichka plugin option locale: ${problems.join("; ")}`);
  return { ...UKRAINIAN, ...(overrides as Partial<LocaleText>) };
}
