// Synthetic Ukrainian news for the benchmark: N articles in strichka's content model
// (topics, tags, videos of the day), deterministic for a given N and seed. Article files go
// into a folder per month (content/articles/2025/03/a0001234.md, numbered in date order): a
// million files in one folder is slow to list, and newsrooms file theirs the same way.
// Generation streams: one article's text at a time is in memory, never all of them.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
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

export const DEFAULT_SEED = 2026;

/**
 * What generated data depends on besides N and the seed: this file and the slugs (titles are
 * kept unique per day by slug). A data set made by another version is generated again.
 */
export const GENERATOR_VERSION = createHash("sha256")
  .update(readFileSync(import.meta.filename))
  .update(readFileSync(resolve(import.meta.dirname, "../src/slug.ts")))
  .digest("hex")
  .slice(0, 16);

/** Written last into a generated data set's folder: its presence means the set is complete. */
const MARKER = "generated.json";

interface Marker {
  generator: string;
  articles: number;
  seed: number;
  newest: string;
  /** Slugs of the titles of the newest day's articles (see `another`). */
  newestDay: string[];
  /** Bytes of article text written (the files' sizes, not the space they take on disk). */
  bytes: number;
  generationMs: number;
}

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
  /** Whether the articles were already on disk (a data set from an earlier run, see openSite). */
  reused: boolean;
  /** The file of the article numbered `index` (1 = the oldest), relative to the site: "content/articles/2024/02/a0000001.md". */
  file(index: number): string;
  /**
   * One more article like the generated ones (a topic, 3–5 tags, the same kind of text), for
   * `date` on or after the newest article's day, its title unique on that day; the same
   * sequence for a given N and seed, whether the set was just generated or reused. Returns
   * the file's text.
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

type Topic = { slug: string; title: string; description: string };

/** Sentences and article texts drawn from `rand`. */
function writer(rand: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  /** `words` words with a verb after the second, capitalised (a loop: a million articles draw 300 million words). */
  const sentence = (words: number) => {
    let text = "";
    for (let index = 0; index < words; index++) text += index === 0 ? pick(WORDS) : ` ${pick(WORDS)}`;
    const verb = pick(VERBS);
    const second = text.indexOf(" ", text.indexOf(" ") + 1);
    text = second === -1 ? `${text} ${verb}` : `${text.slice(0, second)} ${verb}${text.slice(second)}`;
    return `${text[0]!.toUpperCase()}${text.slice(1)}`;
  };
  /** An article's file text, its title's slug not in `used` (the day's, which it joins): so is its URL unique. */
  const article = (date: string, used: Set<string>, topics: readonly Topic[], tags: readonly string[]) => {
    let title = sentence(7);
    let slug = slugify(title);
    while (used.has(slug)) slug = slugify((title = sentence(7)));
    used.add(slug);
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
  return { pick, sentence, article };
}

/**
 * Everything but the articles' texts, drawn first from the seed's stream: topics, tags, the
 * articles' times (sorted, 8 bytes each) and the videos. The same whether the articles are
 * then written or found on disk; `rand` goes on to the texts.
 */
function skeleton(count: number, seed: number) {
  const rand = random(seed);
  const { pick, sentence } = writer(rand);
  const topics: Topic[] = Array.from({ length: 40 }, (_, index) => {
    const title = `${sentence(2)} ${index + 1}`;
    return { slug: slugify(title), title, description: `${sentence(8)}.` };
  });
  const tagNames = new Map<string, string>();
  while (tagNames.size < 300) {
    const name = rand() < 0.3 ? pick(CITIES) + (tagNames.size > 20 ? ` ${pick(WORDS)}` : "") : `${pick(WORDS)} ${pick(WORDS)}`;
    const slug = slugify(name);
    if (!tagNames.has(slug)) tagNames.set(slug, name);
  }
  const tags = [...tagNames.values()];

  // Two years back from the end of January 2026, newest last.
  const end = Date.UTC(2026, 0, 31, 20, 0);
  const span = 2 * 365 * 24 * 3600 * 1000;
  const stamps = new Float64Array(count);
  for (let index = 0; index < count; index++) stamps[index] = end - Math.floor(rand() * span);
  stamps.sort();

  const videos = new Map<string, { date: string; title: string; youtube: string }>();
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (let day = end - span; day <= end; day += 3 * 24 * 3600 * 1000) {
    const date = new Date(day).toISOString().slice(0, 10);
    videos.set(date, { date, title: sentence(5), youtube: Array.from({ length: 11 }, () => pick([...alphabet])).join("") });
  }

  /** Article `index`'s (1-based) front-matter date: Kyiv wall-clock time, with seconds, so that bare Eleventy (YAML 1.1 timestamps) reads it too. */
  const date = (index: number) => {
    // UTC+2 is close enough for synthetic data.
    const local = new Date(stamps[index - 1]! + 2 * 3600 * 1000).toISOString();
    return `${local.slice(0, 10)} ${skipSpringGap(local)}:00`;
  };
  const file = (index: number) => {
    const day = date(index);
    return `content/articles/${day.slice(0, 4)}/${day.slice(5, 7)}/a${String(index).padStart(7, "0")}.md`;
  };
  return { rand, topics, tags, videos, date, file };
}

export interface GenerateOptions {
  seed?: number;
  /** Called after every 100,000th article written, with the number written so far. */
  progress?: (written: number) => void;
}

/** Writes `_data/` and `content/articles/` of a synthetic site into `dir`, then its marker (see openSite). */
export function generateSite(dir: string, count: number, { seed = DEFAULT_SEED, progress }: GenerateOptions = {}): GeneratedSite {
  const started = performance.now();
  const { rand, topics, tags, videos, date, file } = skeleton(count, seed);
  const { article } = writer(rand);

  mkdirSync(join(dir, "_data"), { recursive: true });
  mkdirSync(join(dir, "content/articles"), { recursive: true });
  writeFileSync(join(dir, "_data/site.json"), JSON.stringify({ title: "Бенчмарк", description: "Синтетичні новини.", url: "https://bench.example.ua", language: "uk", author: "Редакція" }));
  writeFileSync(join(dir, "_data/topics.json"), JSON.stringify(topics));
  writeFileSync(join(dir, "_data/videos.json"), JSON.stringify([...videos.values()]));

  // Articles are in date order, so the titles of one day at a time are enough to keep them unique.
  let day = "";
  let used = new Set<string>();
  let folder = "";
  let bytes = 0;
  let newest = "";
  for (let index = 1; index <= count; index++) {
    newest = date(index);
    if (newest.slice(0, 10) !== day) {
      day = newest.slice(0, 10);
      used = new Set();
    }
    const path = join(dir, file(index));
    const parent = dirname(path);
    if (parent !== folder) mkdirSync((folder = parent), { recursive: true });
    const text = article(newest, used, topics, tags);
    bytes += Buffer.byteLength(text);
    writeFileSync(path, text);
    if (index % 100_000 === 0) progress?.(index);
  }
  const marker: Marker = { generator: GENERATOR_VERSION, articles: count, seed, newest, newestDay: [...used], bytes, generationMs: Math.round(performance.now() - started) };
  writeFileSync(join(dir, MARKER), `${JSON.stringify(marker)}\n`);
  return generatedSite(count, seed, marker, false);
}

/** The GeneratedSite of a complete data set described by `marker`. */
function generatedSite(count: number, seed: number, marker: Marker, reused: boolean): GeneratedSite {
  const { topics, tags, videos, file } = skeleton(count, seed);
  // Its own stream, so that new articles are the same whether the set was generated or reused.
  const { article } = writer(random(seed ^ 0x5eed_a11c));
  const usedByDay = new Map([[marker.newest.slice(0, 10), new Set(marker.newestDay)]]);
  return {
    articles: count,
    topics: topics.length,
    tags: tags.length,
    videos: videos.size,
    newest: marker.newest,
    reused,
    file,
    another(date) {
      const day = date.slice(0, 10);
      const used = usedByDay.get(day) ?? new Set();
      usedByDay.set(day, used);
      return article(date, used, topics, tags);
    },
  };
}

export interface OpenedSite {
  site: GeneratedSite;
  /** The data set's folder: `_data/`, `content/articles/`. */
  dir: string;
  /** Time spent generating now (0 when reused), and what the set's generation took when it was made. */
  ms: number;
  generationMs: number;
  /** Bytes of article text (file sizes). */
  bytes: number;
}

/**
 * The data set for `count` articles in `dataDir/<count>/`: reused when its marker says it is
 * complete and made by this generator with this seed, else generated there (what an
 * incomplete or outdated set left is removed first). `dataDir` must lie outside the
 * repository: a million generated files must never be committed or watched.
 */
export function openSite(dataDir: string, count: number, { seed = DEFAULT_SEED, log = console.log }: { seed?: number; log?: (line: string) => void } = {}): OpenedSite {
  const dir = join(resolve(dataDir), String(count));
  const repository = resolve(import.meta.dirname, "..");
  const within = (path: string, folder: string) => {
    const rest = relative(folder, path);
    return rest === "" || (!rest.startsWith("..") && !isAbsolute(rest));
  };
  const refuse = () => new Error(`--data=${dataDir}: the generated articles must lie outside the repository (${repository})`);
  // Before the folder is made, and again through links once it exists.
  if (within(dir, repository) || within(dir, realpathSync(repository))) throw refuse();
  mkdirSync(dir, { recursive: true });
  if (within(realpathSync(dir), realpathSync(repository))) throw refuse();
  let marker: Marker | undefined;
  try {
    marker = JSON.parse(readFileSync(join(dir, MARKER), "utf8")) as Marker;
  } catch {
    marker = undefined;
  }
  if (marker && marker.generator === GENERATOR_VERSION && marker.articles === count && marker.seed === seed) {
    log(`Reusing ${count} generated articles in ${dir} (seed ${seed}, generator ${GENERATOR_VERSION})`);
    return { site: generatedSite(count, seed, marker, true), dir, ms: 0, generationMs: marker.generationMs, bytes: marker.bytes };
  }
  if (existsSync(join(dir, "content")) || existsSync(join(dir, "_data"))) {
    log(`${dir} holds ${marker ? `a set made by another generator or seed (${marker.generator}, seed ${marker.seed})` : "an incomplete set"}: removing it …`);
    for (const name of [MARKER, "_data", "content"]) rmSync(join(dir, name), { recursive: true, force: true });
  }
  log(`Generating ${count} articles in ${dir} …`);
  const started = performance.now();
  const generated = generateSite(dir, count, {
    seed,
    progress: (written) => log(`  ${written.toLocaleString("en")} of ${count.toLocaleString("en")} articles (${((performance.now() - started) / 1000).toFixed(0)} s)`),
  });
  const ms = performance.now() - started;
  const written = JSON.parse(readFileSync(join(dir, MARKER), "utf8")) as Marker;
  return { site: generated, dir, ms, generationMs: ms, bytes: written.bytes };
}
