// Article photos (#12): the front matter's `image:` checked with the content, made into
// AVIF, WebP and JPEG at a few widths once per version of each file, and shown as <picture>
// with its caption and credit, in link previews and JSON-LD. Real sites built by the real
// Eleventy, read with a real parser; the outputs' sizes read back with sharp.
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import eleventyImage from "@11ty/eleventy-img";
import { ensureOutputs, imageWidths, MIN_IMAGE_WIDTH, outputFiles, type ImageFile } from "../src/images.js";
import { runEleventy, strichkaFolders } from "./helpers/eleventy.js";
import strichka from "../src/index.js";
import { article, buildCommandInProcess, buildInProcess, fullBuildContents, listFiles, makeSite, siteContents, tempDir } from "./helpers/site.js";
import { atomSchemaErrors, htmlValidationErrors, parseHtml, readHtml, readXml } from "./helpers/html.js";

/** A photo-like JPEG (a gradient with some texture) of the given size. */
export async function photoJpeg(width: number, height: number, options: { orientation?: number } = {}): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      pixels[at] = (x * 255) / width;
      pixels[at + 1] = (y * 255) / height;
      pixels[at + 2] = 128 + 60 * Math.sin(x / 37) * Math.cos(y / 23);
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 70 });
  return (options.orientation ? image.withMetadata({ orientation: options.orientation }) : image).toBuffer();
}

const IMAGE = ["image:", "  src: vokzal/kyiv.jpg", "  alt: Люди на пероні Київського вокзалу", "  caption: Евакуаційний потяг прибуває до Києва", "  credit: УНІАН"].join("\n");

/** An article's text with `image` (front-matter lines) after the usual fields. */
function withImage(title: string, image: string, date = "2026-01-14 10:00"): string {
  return `---\ntitle: ${title}\ndate: ${date}\ntopic: kultura\n${image}\n---\nПерший абзац.\n\nДругий абзац.\n`;
}

/** Each URL of a srcset, resolved from the page's file as a browser does from file://. */
function srcsetFiles(site: string, page: string, srcset: string): { file: string; width: number }[] {
  return srcset.split(",").map((candidate) => {
    const [url, descriptor] = candidate.trim().split(/\s+/);
    return { file: resolve(dirname(join(site, page)), url!), width: Number(descriptor!.replace(/w$/, "")) };
  });
}

describe("imageWidths", () => {
  it("gives the widths eleventy-img makes of [400, 800, 1200, 1600], never wider than the photo", () => {
    for (let width = MIN_IMAGE_WIDTH; width <= 4000; width += 7) {
      expect(imageWidths(width), `${width} px`).toEqual(eleventyImage.getWidths(width, [400, 800, 1200, 1600], false, 1.25));
      expect(Math.max(...imageWidths(width))).toBeLessThanOrEqual(width);
    }
    expect(imageWidths(1000)).toEqual([400, 800]);
    expect(imageWidths(1100)).toEqual([400, 800, 1100]);
    expect(imageWidths(3000)).toEqual([400, 800, 1200, 1600]);
  });
});

describe("an article's photo", () => {
  it("is a <figure> with <picture>: AVIF, WebP and JPEG at each width, its size, alt, caption and credit, fetched first", async () => {
    const dir = makeSite({
      "content/images/vokzal/kyiv.jpg": await photoJpeg(1700, 1000),
      "content/articles/potiah.md": withImage("Потяг прибув", IMAGE),
      "content/articles/bez-foto.md": article({ title: "Без фото", date: "2026-01-13 10:00", topic: "kultura" }),
    });
    const { error, output } = await buildInProcess(dir);
    expect(error).toBeUndefined();
    const page = "novyny/2026/01/14/potiah.html";
    const document = readHtml(join(output, page));
    const figure = document.querySelector(".article > figure.photo.lead-photo")!;
    expect(figure).not.toBeNull();
    const sources = [...figure.querySelectorAll("picture > source")];
    expect(sources.map((source) => source.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
    const img = figure.querySelector("picture > img")!;
    expect(img.getAttribute("alt")).toBe("Люди на пероні Київського вокзалу");
    expect(img.getAttribute("fetchpriority")).toBe("high");
    expect(img.hasAttribute("loading")).toBe(false);
    // The widest output's size: the aspect ratio the page keeps for the photo.
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["1600", String(Math.round((1600 * 1000) / 1700))]);
    expect(img.getAttribute("sizes")).toBe(sources[0]!.getAttribute("sizes"));
    expect(figure.querySelector("figcaption")!.textContent).toBe("Евакуаційний потяг прибуває до Києва Фото: УНІАН");
    expect(figure.querySelector("figcaption .photo-credit")!.textContent).toBe("Фото: УНІАН");

    // Every srcset candidate is a file of the site, found from the page's own file (file://),
    // of the format and width it claims, never wider than the original.
    const formats = { "image/avif": "heif", "image/webp": "webp", "image/jpeg": "jpeg" } as const;
    for (const [type, srcset] of [...sources.map((source) => [source.getAttribute("type")!, source.getAttribute("srcset")!]), ["image/jpeg", img.getAttribute("srcset")!]] as const) {
      const candidates = srcsetFiles(output, page, srcset);
      expect(candidates.map((candidate) => candidate.width)).toEqual([400, 800, 1200, 1600]);
      for (const candidate of candidates) {
        expect(candidate.file.startsWith(output)).toBe(true);
        const metadata = await sharp(candidate.file).metadata();
        expect([metadata.format, metadata.width, metadata.height]).toEqual([formats[type as keyof typeof formats], candidate.width, Math.round((candidate.width * 1000) / 1700)]);
      }
    }
    expect(img.getAttribute("src")).toMatch(/^\.\.\/\.\.\/\.\.\/\.\.\/static\/images\/[0-9a-f]{12}-800\.jpeg$/);
    expect(existsSync(resolve(dirname(join(output, page)), img.getAttribute("src")!))).toBe(true);

    // Link previews: the 1200 px JPEG, absolute.
    const meta = (property: string) => document.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute("content");
    expect(meta("og:image")).toMatch(/^https:\/\/test\.example\.ua\/static\/images\/[0-9a-f]{12}-1200\.jpeg$/);
    expect([meta("og:image:width"), meta("og:image:height"), meta("og:image:type")]).toEqual(["1200", String(Math.round((1200 * 1000) / 1700)), "image/jpeg"]);
    expect(meta("og:image:alt")).toBe("Люди на пероні Київського вокзалу");
    expect(meta("twitter:card")).toBe("summary_large_image");

    expect(await htmlValidationErrors(readFileSync(join(output, page), "utf8"), page)).toEqual([]);

    // An article without a photo has none of it.
    const plain = readHtml(join(output, "novyny/2026/01/13/bez-foto.html"));
    expect(plain.querySelector("figure, picture")).toBeNull();
    expect(plain.querySelector('meta[property="og:image"]')).toBeNull();
    expect(plain.querySelector('meta[name="twitter:card"]')!.getAttribute("content")).toBe("summary");
  });

  it("is never made wider than the original, and a decorative one has an empty alt and no og:image:alt", async () => {
    const dir = makeSite({
      "content/images/vuzke.jpg": await photoJpeg(1100, 600),
      "content/articles/vuzke.md": withImage("Вузьке фото", ["image:", "  src: vuzke.jpg", '  alt: ""'].join("\n")),
    });
    const { error, output } = await buildInProcess(dir);
    expect(error).toBeUndefined();
    const page = "novyny/2026/01/14/vuzke.html";
    const document = readHtml(join(output, page));
    const img = document.querySelector("figure.photo img")!;
    expect(img.getAttribute("alt")).toBe("");
    expect(srcsetFiles(output, page, img.getAttribute("srcset")!).map((candidate) => candidate.width)).toEqual([400, 800, 1100]);
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["1100", "600"]);
    expect(document.querySelector("figcaption")).toBeNull();
    // Narrower than 1200: the widest JPEG there is.
    expect(document.querySelector('meta[property="og:image"]')!.getAttribute("content")).toMatch(/-1100\.jpeg$/);
    expect(document.querySelector('meta[property="og:image:alt"]')).toBeNull();
    expect(listFiles(join(output, "static/images")).filter((file) => !/-(400|800|1100)\.(avif|webp|jpeg)$/.test(file))).toEqual([]);
  });

  it("turned by its EXIF orientation is as wide as it is shown", async () => {
    // Stored 1000×1400, orientation 6 (a quarter turn): shown 1400×1000.
    const dir = makeSite({
      "content/images/povernute.jpg": await photoJpeg(1000, 1400, { orientation: 6 }),
      "content/articles/povernute.md": withImage("Повернуте фото", ["image:", "  src: povernute.jpg", "  alt: Фото"].join("\n")),
    });
    const { error, output } = await buildInProcess(dir);
    expect(error).toBeUndefined();
    const page = "novyny/2026/01/14/povernute.html";
    const img = readHtml(join(output, page)).querySelector("figure.photo img")!;
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["1200", String(Math.round((1200 * 1000) / 1400))]);
    const widest = srcsetFiles(output, page, img.getAttribute("srcset")!).at(-1)!;
    const metadata = await sharp(widest.file).metadata();
    expect([metadata.width, metadata.height]).toEqual([1200, Math.round((1200 * 1000) / 1400)]);
  });
});

describe("an article's photo beyond its page", () => {
  it("is NewsArticle.image in JSON-LD, and in the feeds: Atom content and enclosure (still valid RFC 4287), RSS enclosure, JSON Feed image", async () => {
    const dir = makeSite({
      "content/images/vokzal/kyiv.jpg": await photoJpeg(1700, 1000),
      "content/articles/potiah.md": withImage("Потяг прибув", IMAGE.replace("УНІАН", "<УНІАН> & Co")),
      "content/articles/bez-foto.md": article({ title: "Без фото", date: "2026-01-13 10:00", topic: "kultura" }),
    });
    const { error, output } = await buildInProcess(dir);
    expect(error).toBeUndefined();
    const document = readHtml(join(output, "novyny/2026/01/14/potiah.html"));
    const og = document.querySelector('meta[property="og:image"]')!.getAttribute("content")!;
    const ogFile = join(output, new URL(og).pathname);
    const ogBytes = statSync(ogFile).size;
    const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!) as { image: unknown };
    expect(jsonLd.image).toEqual([{ "@type": "ImageObject", url: og, width: 1200, height: Math.round((1200 * 1000) / 1700), caption: "Евакуаційний потяг прибуває до Києва", creditText: "<УНІАН> & Co" }]);
    const plain = JSON.parse(readHtml(join(output, "novyny/2026/01/13/bez-foto.html")).querySelector('script[type="application/ld+json"]')!.textContent!) as { image?: unknown };
    expect(plain.image).toBeUndefined();

    const atomXml = readFileSync(join(output, "feed.xml"), "utf8");
    expect(await atomSchemaErrors(atomXml)).toEqual([]);
    const atom = readXml(atomXml);
    const [withPhoto, withoutPhoto] = [...atom.querySelectorAll("entry")];
    const enclosures = [...withPhoto!.querySelectorAll('link[rel="enclosure"]')];
    expect(enclosures.map((link) => [link.getAttribute("href"), link.getAttribute("type"), link.getAttribute("length")])).toEqual([[og, "image/jpeg", String(ogBytes)]]);
    expect(withoutPhoto!.querySelector('link[rel="enclosure"]')).toBeNull();
    // The entry's content starts with the photo, its caption and credit (escaped once).
    const content = parseHtml(withPhoto!.querySelector("content")!.textContent!);
    const img = content.querySelector("figure > img")!;
    expect([img.getAttribute("src"), img.getAttribute("alt")]).toEqual([og, "Люди на пероні Київського вокзалу"]);
    expect(content.querySelector("figure > figcaption")!.textContent).toBe("Евакуаційний потяг прибуває до Києва Фото: <УНІАН> & Co");

    const rss = readXml(readFileSync(join(output, "rss.xml"), "utf8"));
    const enclosure = rss.querySelector("item enclosure")!;
    expect([enclosure.getAttribute("url"), enclosure.getAttribute("type"), enclosure.getAttribute("length")]).toEqual([og, "image/jpeg", String(ogBytes)]);
    expect(rss.querySelectorAll("item enclosure")).toHaveLength(1);

    const json = JSON.parse(readFileSync(join(output, "feed.json"), "utf8")) as { items: { image?: string }[] };
    expect(json.items.map((item) => item.image)).toEqual([og, undefined]);
  });
});

describe("photos in an article's text", () => {
  it("of content/images/ are <picture> (lazy, relative srcset from the page's folder), at any width; a drawing (SVG) stays an <img>", async () => {
    const body = ["Перший абзац.", "", "![Графік «курсу»](/images/grafik.png)", "", "![Мала](/images/mala%20foto.jpg \"Назва\")", "", "![Схема](/images/kurs.svg)", ""].join("\n");
    const png = await sharp(await photoJpeg(900, 500)).png().toBuffer();
    const dir = makeSite({
      "content/images/grafik.png": png,
      "content/images/mala foto.jpg": await photoJpeg(300, 200),
      "content/images/kurs.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"></svg>',
      "content/articles/tekst.md": article({ title: "Фото в тексті", date: "2026-01-14 10:00", topic: "kultura" }, body),
    });
    const { error, output } = await buildInProcess(dir);
    expect(error).toBeUndefined();
    const page = "novyny/2026/01/14/tekst.html";
    const document = readHtml(join(output, page));
    const pictures = [...document.querySelectorAll(".article-body picture")];
    expect(pictures).toHaveLength(2);
    const [chart, small] = pictures.map((picture) => picture.querySelector("img")!);
    expect([chart!.getAttribute("alt"), chart!.getAttribute("loading"), chart!.getAttribute("width"), chart!.getAttribute("height")]).toEqual(["Графік «курсу»", "lazy", "800", String(Math.round((800 * 500) / 900))]);
    expect([small!.getAttribute("alt"), small!.getAttribute("title"), small!.getAttribute("width"), small!.getAttribute("height")]).toEqual(["Мала", "Назва", "300", "200"]);
    for (const picture of pictures) {
      for (const element of picture.querySelectorAll("source, img")) {
        for (const candidate of srcsetFiles(output, page, element.getAttribute("srcset")!)) expect(existsSync(candidate.file), candidate.file).toBe(true);
      }
    }
    expect(await htmlValidationErrors(readFileSync(join(output, page), "utf8"), page)).toEqual([]);
    expect(small!.getAttribute("srcset")).toMatch(/^\.\.\/\.\.\/\.\.\/\.\.\/static\/images\/[0-9a-f]{12}-300\.jpeg 300w$/);
    const svg = document.querySelector('.article-body img[src$="kurs.svg"]')!;
    expect([svg.parentElement!.tagName, svg.getAttribute("src"), svg.getAttribute("loading")]).toEqual(["P", "../../../../images/kurs.svg", "lazy"]);
  });

  it("that are not there, or are not images, stay the plain <img> they always were", async () => {
    const dir = makeSite({
      "content/images/zlamane.jpg": "не фото",
      "content/articles/tekst.md": article({ title: "Фото в тексті", date: "2026-01-14 10:00", topic: "kultura" }, "Абзац.\n\n![Немає](/images/nemaie.jpg)\n\n![Зламане](/images/zlamane.jpg)\n"),
    });
    const { error, output } = await buildInProcess(dir);
    expect(error).toBeUndefined();
    const document = readHtml(join(output, "novyny/2026/01/14/tekst.html"));
    expect(document.querySelector(".article-body picture")).toBeNull();
    expect([...document.querySelectorAll(".article-body img")].map((img) => [img.getAttribute("src"), img.getAttribute("loading")])).toEqual([
      ["../../../../images/nemaie.jpg", "lazy"],
      ["../../../../images/zlamane.jpg", "lazy"],
    ]);
  });
});

describe("list thumbnails (plugin option listThumbnails)", () => {
  it("are off by default, and on show the 400 px AVIF and JPEG beside each article that has a photo, lazily", async () => {
    const files = {
      "content/images/a.jpg": await photoJpeg(1000, 700),
      "content/articles/z-foto.md": withImage("З фото", ["image:", "  src: a.jpg", "  alt: Фото"].join("\n")),
      "content/articles/bez-foto.md": article({ title: "Без фото", date: "2026-01-13 10:00", topic: "kultura" }),
    };
    const off = await buildInProcess(makeSite(files));
    expect(off.error).toBeUndefined();
    expect(readHtml(join(off.output, "index.html")).querySelector(".news-thumbnail, .news-list picture")).toBeNull();

    const dir = makeSite(files);
    const { error } = await runEleventy(dir, "_site", (config) => {
      strichkaFolders(config);
      config.addPlugin(strichka, { listThumbnails: true });
    }, { input: "content" });
    expect(error).toBeUndefined();
    for (const page of ["index.html", "arkhiv/index.html", "temy/kultura/index.html"]) {
      const items = [...readHtml(join(dir, "_site", page)).querySelectorAll(".news-item")];
      expect(items.map((item) => item.classList.contains("has-thumbnail")), page).toEqual([true, false]);
      const thumbnail = items[0]!.querySelector("picture.news-thumbnail")!;
      expect(thumbnail.querySelector("source")!.getAttribute("type")).toBe("image/avif");
      const img = thumbnail.querySelector("img")!;
      expect([img.getAttribute("alt"), img.getAttribute("loading"), img.getAttribute("width"), img.getAttribute("height")]).toEqual(["", "lazy", "400", "280"]);
      for (const url of [img.getAttribute("src")!, thumbnail.querySelector("source")!.getAttribute("srcset")!]) {
        expect(existsSync(resolve(dirname(join(dir, "_site", page)), url)), `${page}: ${url}`).toBe(true);
      }
    }
    expect(await htmlValidationErrors(readFileSync(join(dir, "_site/index.html"), "utf8"), "index.html")).toEqual([]);
  });
});

describe("the poster of «Відео дня»", () => {
  it("in content/images/ is made like a photo: <picture> in the video block, lazy, from the page's folder", async () => {
    const dir = makeSite({
      "content/images/video/poster.jpg": await photoJpeg(1280, 720),
      "_data/videos.json": JSON.stringify([{ date: "2026-01-10", title: "Відео", youtube: "dQw4w9WgXcQ", poster: "/images/video/poster.jpg" }]),
      "content/articles/novyna.md": article({ title: "Новина", date: "2026-01-14 10:00", topic: "kultura" }, "Абзац.\n"),
    });
    const { error, output } = await buildInProcess(dir);
    expect(error).toBeUndefined();
    const page = "novyny/2026/01/14/novyna.html";
    const block = readHtml(join(output, page)).querySelector(".video-of-the-day .video-preview")!;
    expect([...block.querySelectorAll("picture > source")].map((source) => source.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
    const img = block.querySelector("picture > img")!;
    expect([img.getAttribute("alt"), img.getAttribute("loading"), img.getAttribute("width"), img.getAttribute("height")]).toEqual(["", "lazy", "1200", "675"]);
    for (const candidate of srcsetFiles(output, page, img.getAttribute("srcset")!)) expect(existsSync(candidate.file), candidate.file).toBe(true);
  });

  it("that is not there fails the build, naming the video", async () => {
    const dir = makeSite({
      "_data/videos.json": JSON.stringify([{ date: "2026-01-10", title: "Відео", youtube: "dQw4w9WgXcQ", poster: "/images/nemaie.jpg" }]),
      "content/articles/novyna.md": article({ title: "Новина", date: "2026-01-14 10:00", topic: "kultura" }),
    });
    const { contentError } = await buildInProcess(dir);
    expect(contentError?.message).toContain('_data/videos.json: poster of the video of 2026-01-10: "nemaie.jpg" is not in content/images/');
  });
});

describe("an article's photo that cannot be shown", () => {
  it("fails the build with each file and field, all at once, and says what to do", async () => {
    const dir = makeSite({
      "content/images/vuzke.jpg": await photoJpeg(500, 400),
      "content/images/ne-foto.jpg": "це текст, не фото",
      "content/images/malyunok.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"></svg>',
      "content/images/dobre.jpg": await photoJpeg(800, 600),
      "content/articles/nemaie.md": withImage("Немає файлу", ["image:", "  src: nemaie.jpg", "  alt: Фото"].join("\n")),
      "content/articles/bez-alt.md": withImage("Без alt", ["image:", "  src: dobre.jpg"].join("\n")),
      "content/articles/vuzke.md": withImage("Вузьке", ["image:", "  src: vuzke.jpg", "  alt: Фото"].join("\n")),
      "content/articles/ne-foto.md": withImage("Не фото", ["image:", "  src: ne-foto.jpg", "  alt: Фото"].join("\n")),
      "content/articles/svg.md": withImage("Малюнок", ["image:", "  src: malyunok.svg", "  alt: Малюнок"].join("\n")),
      "content/articles/shliakh.md": withImage("Шлях", ["image:", "  src: /images/dobre.jpg", "  alt: Фото"].join("\n")),
      "content/articles/vyhid.md": withImage("Вихід", ["image:", "  src: ../secret.jpg", "  alt: Фото"].join("\n")),
      "content/articles/pole.md": withImage("Поле", ["image:", "  src: dobre.jpg", "  alt: Фото", "  autor: Я"].join("\n")),
      "content/articles/riadok.md": withImage("Рядок", "image: dobre.jpg"),
      "content/articles/papka.md": withImage("Папка", ["image:", "  src: vokzal", "  alt: Фото"].join("\n")),
      "content/images/vokzal/x.txt": "x",
    });
    const { contentError } = await buildInProcess(dir);
    expect(contentError).toBeDefined();
    const said = contentError!.message;
    for (const expected of [
      'content/articles/nemaie.md: image.src "nemaie.jpg" is not in content/images/; put the photo there, or correct the file\'s name',
      "content/articles/bez-alt.md:5: image.alt is missing; describe the photo for readers who cannot see it",
      'content/articles/vuzke.md: image.src "vuzke.jpg" is 500 px wide; a photo needs at least 600 px',
      'content/articles/ne-foto.md: image.src "ne-foto.jpg" in content/images/ is not an image; use a JPEG, PNG, WebP or AVIF photo',
      'content/articles/svg.md: image.src "malyunok.svg" is an SVG drawing, not a photo; use a JPEG, PNG, WebP or AVIF photo',
      'content/articles/shliakh.md:5: image.src "/images/dobre.jpg" starts with /images/; write the file\'s path inside content/images/, e.g. src: kyiv-vokzal.jpg (without /images/)',
      'content/articles/vyhid.md:5: image.src "../secret.jpg" is not a path inside content/images/',
      'content/articles/pole.md:5: image "autor" is not a field of a photo; use src, alt, caption and credit',
      'content/articles/riadok.md:5: image "dobre.jpg" is not a photo\'s fields; write it on lines of its own under image:',
      'content/articles/papka.md: image.src "vokzal" is a folder in content/images/',
    ]) {
      expect(said).toContain(expected);
    }
  });
});

describe("a photo that is damaged or cut short", () => {
  it("fails the build with each file and field and what to do, no stack trace; the next build reports it with the content's other problems, until the file is replaced", async () => {
    const good = await photoJpeg(1200, 800);
    // A JPEG's headers (image-size reads its size there), then what is not a JPEG's data.
    const scan = good.indexOf(Buffer.from([0xff, 0xda]));
    const dir = makeSite({
      "content/images/obrizane.jpg": good.subarray(0, Math.floor(good.length * 0.6)),
      "content/images/v-teksti.jpg": (await photoJpeg(900, 600)).subarray(0, 5000),
      "content/images/poster.jpg": Buffer.concat([good.subarray(0, scan + 20), Buffer.from("це не дані JPEG ".repeat(400))]),
      "content/images/dobre.jpg": good,
      "_data/videos.json": JSON.stringify([{ date: "2026-01-10", title: "Відео", youtube: "dQw4w9WgXcQ", poster: "/images/poster.jpg" }]),
      "content/articles/obrizane.md": withImage("Обрізане", ["image:", "  src: obrizane.jpg", "  alt: Фото"].join("\n")),
      "content/articles/tekst.md": article({ title: "Текст", date: "2026-01-13 10:00", topic: "kultura" }, "Абзац.\n\n![Фото](/images/v-teksti.jpg)\n"),
      "content/articles/dobre.md": withImage("Добре", ["image:", "  src: dobre.jpg", "  alt: Фото"].join("\n"), "2026-01-12 10:00"),
    });
    const damaged = [
      'content/articles/obrizane.md: image.src "obrizane.jpg" in content/images/ is damaged or cut short (',
      'content/articles/tekst.md:8: image "v-teksti.jpg" in content/images/ is damaged or cut short (',
      '_data/videos.json: poster of the video of 2026-01-10: "poster.jpg" in content/images/ is damaged or cut short (',
    ];
    const first = await buildCommandInProcess(dir);
    expect(first.status).not.toBe(0);
    for (const expected of damaged) expect(first.stderr).toContain(expected);
    expect(first.stderr).toContain("export it again from the original photo and replace the file");
    expect(first.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(dir, "_site/index.html"))).toBe(false);

    // Known now: reported when the content is checked, with its other problems (a missing alt).
    writeFileSync(join(dir, "content/articles/bez-alt.md"), withImage("Без alt", ["image:", "  src: dobre.jpg"].join("\n"), "2026-01-11 10:00"));
    const second = await buildCommandInProcess(dir);
    expect(second.status).not.toBe(0);
    for (const expected of [...damaged, "content/articles/bez-alt.md:5: image.alt is missing"]) expect(second.stderr).toContain(expected);
    expect(second.stderr).not.toMatch(/^\s+at /m);

    // Replaced by whole photos: built.
    for (const name of ["obrizane.jpg", "v-teksti.jpg", "poster.jpg"]) writeFileSync(join(dir, "content/images", name), await photoJpeg(1000, 700));
    writeFileSync(join(dir, "content/articles/bez-alt.md"), withImage("Без alt", ["image:", "  src: dobre.jpg", "  alt: Фото"].join("\n"), "2026-01-11 10:00"));
    const third = await buildCommandInProcess(dir);
    expect(third.status, third.stderr).toBe(0);
    expect(readHtml(join(dir, "_site/novyny/2026/01/14/obrizane.html")).querySelector("figure.photo img")!.getAttribute("width")).toBe("800");
  });
});

describe("originals of photos", () => {
  it("are not published as they are, but where something links to them (a text, an author's photo, a stylesheet), nor do empty folders stay", async () => {
    const dir = makeSite({
      "content/images/vokzal/kyiv.jpg": await photoJpeg(1300, 900),
      "content/images/v-teksti.jpg": await photoJpeg(900, 600),
      "content/images/posylannia.jpg": await photoJpeg(900, 600),
      "content/images/avtory/olena.jpg": await photoJpeg(800, 800),
      "content/images/fon.jpg": await photoJpeg(800, 600),
      "content/images/kurs.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"></svg>',
      "_data/authors.json": JSON.stringify([{ slug: "olena", name: "Олена Коваль", photo: "/images/avtory/olena.jpg" }]),
      "content/assets/extra.css": ".hero { background: url(/images/fon.jpg); }",
      "content/articles/potiah.md": withImage("Потяг прибув", IMAGE),
      "content/articles/tekst.md": article({ title: "Фото в тексті", date: "2026-01-13 10:00", topic: "kultura" }, "Абзац.\n\n![Фото](/images/v-teksti.jpg)\n\n![Схема](/images/kurs.svg)\n"),
      "content/articles/oryhinal.md": withImage("Оригінал", ["image:", "  src: posylannia.jpg", "  alt: Фото"].join("\n"), "2026-01-12 10:00").replace("Другий абзац.", "[Фото в повному розмірі](/images/posylannia.jpg)."),
      "content/articles/avtorka.md": withImage("Авторка", ["image:", "  src: avtory/olena.jpg", "  alt: Олена", "author: olena"].join("\n"), "2026-01-11 10:00"),
      "content/articles/fon.md": withImage("Фон", ["image:", "  src: fon.jpg", "  alt: Фон"].join("\n"), "2026-01-10 10:00"),
    });
    expect((await buildCommandInProcess(dir)).status).toBe(0);
    const site = join(dir, "_site");
    // (The sample site's own files, which no article of this one shows, are published as they are.)
    const ours = new Set(["vokzal/kyiv.jpg", "v-teksti.jpg", "posylannia.jpg", "avtory/olena.jpg", "fon.jpg", "kurs.svg"]);
    const published = () => listFiles(join(site, "images")).filter((file) => ours.has(file)).sort();
    // kyiv.jpg and v-teksti.jpg are shown only as their outputs; the others are linked as they are.
    expect(published()).toEqual(["avtory/olena.jpg", "fon.jpg", "kurs.svg", "posylannia.jpg"]);
    expect(existsSync(join(site, "images/vokzal"))).toBe(false);
    const link = readHtml(join(site, "novyny/2026/01/12/oryhinal.html")).querySelector('.article-body a[href$="posylannia.jpg"]')!;
    expect(existsSync(resolve(dirname(join(site, "novyny/2026/01/12/oryhinal.html")), link.getAttribute("href")!))).toBe(true);

    // The link gone (an incremental build over the published site): so is the original.
    writeFileSync(join(dir, "content/articles/oryhinal.md"), withImage("Оригінал", ["image:", "  src: posylannia.jpg", "  alt: Фото"].join("\n"), "2026-01-12 10:00"));
    expect((await buildCommandInProcess(dir)).status).toBe(0);
    expect(published()).toEqual(["avtory/olena.jpg", "fon.jpg", "kurs.svg"]);
    expect(siteContents(site)).toEqual(await fullBuildContents(dir));
  });
});

describe("encoding photos", () => {
  it("runs eleventy-img's queue at two photos or more at once (every core of the machine), whatever it was set to", async () => {
    const folder = tempDir();
    const files = new Map<ImageFile, string>();
    for (const [index, width] of [700, 650, 620].entries()) {
      const source = join(folder, `${index}.jpg`);
      writeFileSync(source, await photoJpeg(width, 400));
      files.set({ id: `00000000000${index}`, width, height: 400 }, source);
    }
    eleventyImage.concurrency = 1;
    const made = await ensureOutputs(files, join(folder, "site"));
    expect(eleventyImage.concurrency).toBe(Math.max(2, availableParallelism()));
    expect(made.encoded).toBe(3);
    for (const file of files.keys()) for (const path of outputFiles(file)) expect(existsSync(join(folder, "site", path)), path).toBe(true);
    // Made: nothing to encode again.
    expect((await ensureOutputs(files, join(folder, "site"))).encoded).toBe(0);
  });
});

describe("photos between builds", () => {
  it("are made once: a second and third `strichka build` encode nothing, and a changed photo gets new files", async () => {
    const dir = makeSite({
      "content/images/vokzal/kyiv.jpg": await photoJpeg(1300, 900),
      "content/articles/potiah.md": withImage("Потяг прибув", IMAGE),
    });
    const site = join(dir, "_site");
    expect((await buildCommandInProcess(dir)).status).toBe(0);
    const made = new Map(listFiles(join(site, "static/images")).map((file) => [file, statSync(join(site, "static/images", file)).mtimeMs]));
    expect(made.size).toBe(3 * 3); // 400, 800 and 1200 (1300 is too close to 1200) in three formats
    // A line of the format, then a row a line.
    const [format, ...rows] = readFileSync(join(dir, "._site.images.json"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as unknown[]);
    expect(format).toEqual({ format: expect.stringMatching(/^images-/) });
    expect(rows.map((row) => row.slice(0, 1).concat(row.slice(4, 6)))).toEqual([["vokzal/kyiv.jpg", 1300, 900]]);

    // An edit to the article's text: its page is rendered again, its photo is not made again.
    writeFileSync(join(dir, "content/articles/potiah.md"), withImage("Потяг прибув до Києва", IMAGE));
    for (let build = 2; build <= 3; build++) {
      expect((await buildCommandInProcess(dir)).status).toBe(0);
      const now = new Map(listFiles(join(site, "static/images")).map((file) => [file, statSync(join(site, "static/images", file)).mtimeMs]));
      expect(now, `build ${build}`).toEqual(made);
    }
    expect(readHtml(join(site, "novyny/2026/01/14/potiah.html")).querySelector("h1")!.textContent).toBe("Потяг прибув до Києва");

    // New bytes under the same name: new files, the old ones gone from the site.
    writeFileSync(join(dir, "content/images/vokzal/kyiv.jpg"), await photoJpeg(1250, 880));
    expect((await buildCommandInProcess(dir)).status).toBe(0);
    const after = listFiles(join(site, "static/images"));
    expect(after).toHaveLength(9);
    expect(after.filter((file) => made.has(file))).toEqual([]);
    const img = readHtml(join(site, "novyny/2026/01/14/potiah.html")).querySelector("figure.photo img")!;
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["1200", String(Math.round((1200 * 880) / 1250))]);    // What the incremental builds left is byte for byte a full build's.
    expect(siteContents(site)).toEqual(await fullBuildContents(dir));
  });

  it("an incremental build processes only the new photo: the others are neither encoded nor read again (their time and size unchanged)", async () => {
    const dir = makeSite({
      "content/images/a.jpg": await photoJpeg(900, 600),
      "content/images/b.jpg": await photoJpeg(1000, 700),
      "content/articles/a.md": withImage("Перша", ["image:", "  src: a.jpg", "  alt: Фото"].join("\n"), "2026-01-12 10:00"),
      "content/articles/b.md": withImage("Друга", ["image:", "  src: b.jpg", "  alt: Фото"].join("\n"), "2026-01-13 10:00"),
    });
    const site = join(dir, "_site");
    expect((await buildCommandInProcess(dir)).status).toBe(0);
    const outputs = () => new Map(listFiles(join(site, "static/images")).map((file) => [file, statSync(join(site, "static/images", file)).mtimeMs]));
    const before = outputs();
    const srcOf = (page: string) => readHtml(join(site, page)).querySelector("figure.photo img")!.getAttribute("src");
    const aBefore = srcOf("novyny/2026/01/12/a.html");

    // a.jpg's bytes changed behind the build's back, its time (a whole second, as the state
    // is told too) and size as the state has them: read again, it would get new outputs (or
    // fail: its end is gone); a build that trusts them keeps the old ones.
    const path = join(dir, "content/images/a.jpg");
    const bytes = readFileSync(path);
    writeFileSync(path, Buffer.concat([bytes.subarray(0, bytes.length - 3), Buffer.from([0, 0, 0])]));
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    const state = join(dir, "._site.images.json");
    const lines = readFileSync(state, "utf8").trim().split("\n").map((line) => JSON.parse(line) as unknown[]);
    for (const row of lines) if (row[0] === "a.jpg") row[1] = 1_700_000_000_000;
    writeFileSync(state, lines.map((line) => `${JSON.stringify(line)}\n`).join(""));
    writeFileSync(join(dir, "content/images/c.jpg"), await photoJpeg(1100, 700));
    writeFileSync(join(dir, "content/articles/c.md"), withImage("Третя", ["image:", "  src: c.jpg", "  alt: Фото"].join("\n"), "2026-01-14 10:00"));
    const second = await buildCommandInProcess(dir);
    expect(second.status, second.stderr).toBe(0);

    const after = outputs();
    // a's and b's outputs untouched; c's made: 400, 800 and 1100 in three formats.
    for (const [file, mtimeMs] of before) expect(after.get(file), file).toBe(mtimeMs);
    expect([...after.keys()].filter((file) => !before.has(file))).toHaveLength(9);
    expect(srcOf("novyny/2026/01/12/a.html")).toBe(aBefore);
    expect(existsSync(join(site, "novyny/2026/01/14/c.html"))).toBe(true);
  });

  it("changed, when one file is both an article's photo and the video's poster, renders every page that shows the video (byte for byte a full build)", async () => {
    const dir = makeSite({
      "content/images/spilne.jpg": await photoJpeg(900, 600),
      "_data/videos.json": JSON.stringify([{ date: "2026-01-10", title: "Відео", youtube: "dQw4w9WgXcQ", poster: "/images/spilne.jpg" }]),
      "content/articles/z-foto.md": withImage("З фото", ["image:", "  src: spilne.jpg", "  alt: Фото"].join("\n")),
      "content/articles/bez-foto.md": article({ title: "Без фото", date: "2026-01-13 10:00", topic: "ekonomika" }),
    });
    expect((await buildCommandInProcess(dir)).status).toBe(0);
    writeFileSync(join(dir, "content/images/spilne.jpg"), await photoJpeg(1100, 600));
    expect((await buildCommandInProcess(dir)).status).toBe(0);
    const site = join(dir, "_site");
    const poster = readHtml(join(site, "novyny/2026/01/13/bez-foto.html")).querySelector(".video-preview img")!;
    expect(poster.getAttribute("width")).toBe("1100");
    expect(siteContents(site)).toEqual(await fullBuildContents(dir));
  });

  it("rendered in shards (child processes) are byte for byte the one-process build's", async () => {
    const photo = await photoJpeg(1000, 700);
    const dir = makeSite({
      "content/images/a.jpg": photo,
      "content/images/b.jpg": await photoJpeg(1300, 800),
      ...Object.fromEntries(
        Array.from({ length: 8 }, (_, index) => [
          `content/articles/n${index + 1}.md`,
          withImage(`Новина ${index + 1}`, ["image:", `  src: ${index % 2 ? "a" : "b"}.jpg`, "  alt: Фото", `  caption: Підпис ${index + 1}`].join("\n"), `2026-01-${String(index + 10).padStart(2, "0")} 10:00`),
        ]),
      ),
    });
    expect((await buildCommandInProcess(dir, "--shard-pages=4", "--processes=2")).status).toBe(0);
    const sharded = siteContents(join(dir, "_site"));
    expect([...sharded.keys()].filter((file) => file.startsWith("static/images/"))).toHaveLength(6 + 9);
    expect(sharded).toEqual(await fullBuildContents(dir));
  });
});
