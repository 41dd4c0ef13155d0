// The newsroom's authors (_data/authors.json, optional): read and checked once per build.
// Articles keep their authors' slugs; the model gives each article the one shared Author
// object of each slug (a copy per article would cost memory at a million articles).
import { existsSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describeValue, type ContentProblem } from "../errors.js";
import { typographText } from "../typography.js";
import type { UrlScheme } from "../urls.js";
import { readDataFile } from "./files.js";
import type { Author } from "./model.js";
import { authorsSchema } from "./schema.js";

export const AUTHORS_FILE = "authors.json";

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

export interface Authors {
  /** In the order of authors.json. */
  bySlug: Map<string, Author>;
  /** The file to name in problems with an article's `author`. */
  file: string;
}

/**
 * The authors by slug: none when there is no authors.json (every article is the newsroom's),
 * undefined when the file has problems (reported here; articles' authors are then not
 * checked against it, else every article would be reported for one mistake there).
 */
export function readAuthors(dataDir: string, inputDir: string, root: string, urls: UrlScheme, problems: ContentProblem[]): Authors | undefined {
  const path = join(dataDir, AUTHORS_FILE);
  const file = relative(root, path);
  if (!existsSync(path)) return { bySlug: new Map(), file };
  const list = readDataFile(dataDir, AUTHORS_FILE, authorsSchema, root, problems);
  if (!list) return undefined;
  const bySlug = new Map<string, Author>();
  let valid = true;
  list.forEach((author, index) => {
    if (bySlug.has(author.slug)) {
      problems.push({ file, field: `[${index}].slug`, message: `${describeValue(author.slug)} is used by another author too; give each author their own slug` });
      valid = false;
    }
    // Published as it is (copied with content/images/): a missing file would be a broken image on the author's page.
    if (author.photo !== undefined && !isFile(join(inputDir, author.photo))) {
      const folder = relative(root, inputDir) || ".";
      problems.push({ file, field: `[${index}].photo`, message: `${describeValue(author.photo)} is not a file in ${folder}/; put the photo at ${join(folder, author.photo)} or correct the path` });
    }
    bySlug.set(author.slug, {
      ...author,
      name: typographText(author.name),
      ...(author.role !== undefined && { role: typographText(author.role) }),
      ...(author.bio !== undefined && { bio: typographText(author.bio) }),
      url: urls.author(author.slug),
      feedUrl: urls.authorFeed(author.slug),
    });
  });
  return valid ? { bySlug, file } : undefined;
}
