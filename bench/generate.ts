// Synthetic Ukrainian news for the benchmark: N articles in strichka's content model
// (topics, tags, videos of the day), deterministic for a given N and seed.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { slugify } from "../src/slug.js";

const WORDS = `уряд парламент міністр громада область місто село школа лікарня енергетика світло тепло газ
вода дорога міст залізниця аеропорт порт зерно експорт імпорт бюджет податок гривня долар банк кредит
ціна зарплата пенсія робота бізнес підприємство завод ферма урожай погода зима весна літо осінь
переговори делегація посол партнери союзники санкції оборона волонтери відновлення ремонт будівництво
культура театр музей книжка фестиваль концерт виставка кіно спорт команда матч перемога чемпіонат
наука університет студенти дослідження технології цифровізація зв'язок інтернет безпека поліція суд
закон реформа програма проєкт грант фонд допомога підтримка родини діти молодь ветерани медицина
вакцина лікарі аптека дослідники експерти аналітики прогноз звіт рішення заява зустріч візит угода`.split(/\s+/);
const VERBS = ["оголосив", "схвалив", "запустив", "відновив", "обговорили", "підписали", "представили", "збільшили", "скоротили", "відкрили", "завершили", "готують"];
const CITIES = ["Київ", "Львів", "Харків", "Одеса", "Дніпро", "Запоріжжя", "Вінниця", "Полтава", "Чернігів", "Суми", "Житомир", "Ужгород", "Луцьк", "Рівне", "Тернопіль", "Івано-Франківськ", "Чернівці", "Хмельницький", "Черкаси", "Кропивницький", "Миколаїв", "Херсон"];

/** mulberry32: a tiny seeded PRNG, so the same N gives the same site. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedSite {
  articles: number;
  topics: number;
  tags: number;
  videos: number;
  /** The date of the newest article, as written in its front matter ("2026-01-31 21:40:00"). */
  newest: string;
  /**
   * One more article like the generated ones (a topic, 3–5 tags, the same kind of text), for
   * `date`; the same for a given N and seed. Returns the file's text.
   */
  another(date: string): string;
}

/**
 * The "HH:MM" of an ISO Kyiv wall-clock time, an hour later when it falls in the hour the
 * spring clock change skips (03:00–03:59 on March's last Sunday), which strichka rightly
 * refuses as a time that does not exist.
 */
function skipSpringGap(local: string): string {
  const day = new Date(`${local.slice(0, 10)}T12:00:00Z`);
  const lastSundayOfMarch = day.getUTCMonth() === 2 && day.getUTCDay() === 0 && day.getUTCDate() > 24;
  return lastSundayOfMarch && local.slice(11, 13) === "03" ? `04${local.slice(13, 16)}` : local.slice(11, 16);
}

/** Writes `_data/` and `content/articles/` of a synthetic site into `dir`. */
export function generateSite(dir: string, count: number, seed = 2026): GeneratedSite {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const sentence = (words: number) => {
    const parts = Array.from({ length: words }, () => pick(WORDS));
    parts.splice(2, 0, pick(VERBS));
    const text = parts.join(" ");
    return `${text[0]!.toUpperCase()}${text.slice(1)}`;
  };

  const topics = Array.from({ length: 40 }, (_, index) => {
    const title = `${sentence(2)} ${index + 1}`;
    return { slug: slugify(title), title, description: `${sentence(8)}.` };
  });
  const tagNames = new Map<string, string>();
  while (tagNames.size < 300) {
    const name = rand() < 0.3 ? pick(CITIES) + (tagNames.size > 20 ? ` ${pick(WORDS)}` : "") : `${pick(WORDS)} ${pick(WORDS)}`;
    const slug = slugify(name);
    if (![...tagNames.keys()].includes(slug)) tagNames.set(slug, name);
  }
  const tags = [...tagNames.values()];

  // Two years back from the end of January 2026, newest last.
  const end = Date.UTC(2026, 0, 31, 20, 0);
  const span = 2 * 365 * 24 * 3600 * 1000;
  const stamps = Array.from({ length: count }, () => end - Math.floor(rand() * span)).sort((a, b) => a - b);

  const videos = new Map<string, { date: string; title: string; youtube: string }>();
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (let day = end - span; day <= end; day += 3 * 24 * 3600 * 1000) {
    const date = new Date(day).toISOString().slice(0, 10);
    videos.set(date, { date, title: sentence(5), youtube: Array.from({ length: 11 }, () => pick([...alphabet])).join("") });
  }

  mkdirSync(join(dir, "_data"), { recursive: true });
  mkdirSync(join(dir, "content/articles"), { recursive: true });
  writeFileSync(join(dir, "_data/site.json"), JSON.stringify({ title: "Бенчмарк", description: "Синтетичні новини.", url: "https://bench.example.ua", language: "uk", author: "Редакція" }));
  writeFileSync(join(dir, "_data/topics.json"), JSON.stringify(topics));
  writeFileSync(join(dir, "_data/videos.json"), JSON.stringify([...videos.values()]));

  const used = new Set<string>();
  /** An article's file text; its title unique among the articles of its day (so is its URL). */
  const article = (date: string) => {
    let title = sentence(7);
    while (used.has(`${date.slice(0, 10)}/${slugify(title)}`)) title = sentence(7);
    used.add(`${date.slice(0, 10)}/${slugify(title)}`);
    const articleTags = [...new Set(Array.from({ length: 3 + Math.floor(rand() * 3) }, () => pick(tags)))];
    const paragraphs = Array.from({ length: 6 }, () => Array.from({ length: 4 }, () => `${sentence(8)}.`).join(" "));
    paragraphs.splice(4, 0, `## ${sentence(4)}`);
    const front = [
      "---",
      `title: "${title}"`,
      `lede: "${sentence(12)}."`,
      `date: ${date}`,
      `topic: ${pick(topics).slug}`,
      `tags: [${articleTags.map((tag) => `"${tag}"`).join(", ")}]`,
      `source: ${pick(["Укрінформ", "Reuters", "Суспільне", "Bloomberg"])}`,
      "---",
    ].join("\n");
    return `${front}\n${paragraphs.join("\n\n")}\n`;
  };
  let newest = "";
  stamps.forEach((stamp, index) => {
    // Kyiv wall-clock time, as editors write it (UTC+2 is close enough for synthetic data).
    const local = new Date(stamp + 2 * 3600 * 1000).toISOString();
    // With seconds, so that bare Eleventy (YAML 1.1 timestamps) reads it too.
    newest = `${local.slice(0, 10)} ${skipSpringGap(local)}:00`;
    writeFileSync(join(dir, `content/articles/a${String(index + 1).padStart(6, "0")}.md`), article(newest));
  });
  return { articles: count, topics: topics.length, tags: tags.length, videos: videos.size, newest, another: article };
}
