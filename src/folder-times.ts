// Which folders of a built site something changed since its build finished, without reading
// every folder: a folder's modification time changes whenever an entry is added to it,
// removed or renamed, so a folder whose time is the one recorded when the build finished
// holds exactly the entries it held then. `strichka build` records the times of a site's
// folders beside it (publish.ts) and, when it builds into that site again, reads only the
// folders whose time moved: at 100,000 articles, ~20,000 stats against reading all ~140,000
// entries of the site (seconds of the one-new-article build, most of it in the kernel).
//
// What this does not see, as the full walk before it did not either: a file whose bytes were
// changed in place. A record that does not match its manifest (edited, or of another build),
// and a folder that is gone, leave the whole site to the full walk.
import { lstatSync, statSync } from "node:fs";
import { sep } from "node:path";

/**
 * A folder whose recorded time is this close to the manifest's (written after the build's
 * last change to the folder) is read anyway: a file system keeps times to a clock tick (4 ms
 * on Linux, more elsewhere), so a file added by hand in the tick of the build's last write
 * there would not move the time. (Git treats "racily clean" files the same way.)
 */
const RACY_MS = 50;

/** The record: the manifest it was made with, and each folder's time. */
export interface FolderTimes {
  /** Bump when the record's meaning changes: an older one is ignored. */
  format: 1;
  /** The manifest's size and modification time when the record was made. */
  manifest: { size: number; mtimeMs: number };
  /** When the build's changes ended (the manifest's time when written): see RACY_MS. */
  madeAt: number;
  /** Folders relative to the site, "/"-separated ("" is the site itself). */
  folders: string[];
  /** Their modification times, in the same order. */
  times: number[];
}

/** Every folder that holds one of `files` (relative, "/"-separated), with the site itself (""). */
export function foldersOf(files: Iterable<string>): Set<string> {
  const folders = new Set<string>([""]);
  for (const file of files) {
    // (Parents of a known folder are known: stop there.)
    for (let slash = file.lastIndexOf("/"); slash > 0; slash = file.lastIndexOf("/", slash - 1)) {
      const folder = file.slice(0, slash);
      if (folders.has(folder)) break;
      folders.add(folder);
    }
  }
  return folders;
}

const pathIn = (site: string, folder: string) => (folder === "" ? site : site + sep + (sep === "/" ? folder : folder.split("/").join(sep)));

/** The times of the folders of `site` that hold `files`, with the manifest's (`manifestPath`) own; undefined when one cannot be read. */
export function recordFolderTimes(site: string, files: Iterable<string>, manifestPath: string): FolderTimes | undefined {
  const folders = [...foldersOf(files)];
  const times: number[] = [];
  for (const folder of folders) {
    const stats = lstatSync(pathIn(site, folder), { throwIfNoEntry: false });
    if (!stats?.isDirectory()) return undefined;
    times.push(stats.mtimeMs);
  }
  const manifest = statSync(manifestPath, { throwIfNoEntry: false });
  return manifest && { format: 1, manifest: { size: manifest.size, mtimeMs: manifest.mtimeMs }, madeAt: manifest.mtimeMs, folders, times };
}

/** The record in `text`, when it is one (anything else: undefined; it is only ever an optimisation). */
export function parseFolderTimes(text: string): FolderTimes | undefined {
  try {
    const record = JSON.parse(text) as Partial<FolderTimes> | null;
    const { folders, times, manifest } = record ?? {};
    if (record?.format !== 1 || typeof record.madeAt !== "number" || !Array.isArray(folders) || !Array.isArray(times) || folders.length !== times.length) return undefined;
    if (typeof manifest?.size !== "number" || typeof manifest.mtimeMs !== "number") return undefined;
    if (!folders.every((folder) => typeof folder === "string") || !times.every((time) => typeof time === "number")) return undefined;
    return record as FolderTimes;
  } catch {
    return undefined;
  }
}

/**
 * The recorded folders of `site` whose time moved since `record` was made, or that were
 * changed too close to its making to tell (sorted, parents before their folders), or undefined when the record cannot be used: made with another
 * manifest than the one at `manifestPath`, or a recorded folder is gone or no folder.
 */
export function changedFolders(site: string, record: FolderTimes, manifestPath: string): string[] | undefined {
  const manifest = statSync(manifestPath, { throwIfNoEntry: false });
  if (!manifest || manifest.size !== record.manifest.size || manifest.mtimeMs !== record.manifest.mtimeMs) return undefined;
  const changed: string[] = [];
  const racy = record.madeAt - RACY_MS;
  for (let index = 0; index < record.folders.length; index++) {
    const folder = record.folders[index]!;
    // (lstat: a folder replaced by a link to one is a change the full walk deals with.)
    const stats = lstatSync(pathIn(site, folder), { throwIfNoEntry: false });
    if (!stats?.isDirectory()) return undefined;
    if (stats.mtimeMs !== record.times[index] || stats.mtimeMs >= racy) changed.push(folder);
  }
  return changed.sort();
}
