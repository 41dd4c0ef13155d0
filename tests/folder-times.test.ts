// The record of a built site's folders' times, which spares a build a read of every folder
// of the site it builds into (src/folder-times.ts; used by publish.ts, tested end to end in
// publishing.test.ts).
import { mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { changedFolders, foldersOf, parseFolderTimes, recordFolderTimes } from "../src/folder-times.js";
import { tempDir } from "./helpers/site.js";

const FILES = ["index.html", "novyny/2026/01/14/a.html", "novyny/2026/01/14/b.html", "novyny/2026/01/15/c.html", "temy/x/index.html"];

/** A built site's folder with FILES, its manifest beside it, and the record made as a build makes it. */
function site() {
  const dir = tempDir("strichka-folder-times-");
  const folder = join(dir, "_site");
  for (const file of FILES) {
    mkdirSync(join(folder, file, ".."), { recursive: true });
    writeFileSync(join(folder, file), file);
  }
  const manifest = join(dir, "._site.files.json");
  writeFileSync(manifest, JSON.stringify(FILES));
  // Folder times a second in the past: a change made now moves them whatever the clock's grain.
  const past = new Date(Date.now() - 1000);
  for (const folder of foldersOf(FILES)) utimesSync(join(dir, "_site", folder), past, past);
  const record = recordFolderTimes(folder, FILES, manifest)!;
  return { dir, folder, manifest, record };
}

describe("folder times", () => {
  it("lists every folder that holds a file, the site itself as \"\"", () => {
    expect([...foldersOf(FILES)].sort()).toEqual(["", "novyny", "novyny/2026", "novyny/2026/01", "novyny/2026/01/14", "novyny/2026/01/15", "temy", "temy/x"]);
  });

  it("names no folder when nothing changed, and the folder where a file was added, deleted or renamed", () => {
    const { folder, manifest, record } = site();
    expect(changedFolders(folder, record, manifest)).toEqual([]);
    writeFileSync(join(folder, "novyny/2026/01/14/new.html"), "x");
    rmSync(join(folder, "temy/x/index.html"));
    expect(changedFolders(folder, record, manifest)).toEqual(["novyny/2026/01/14", "temy/x"]);
    // A file changed in place moves no folder's time (as the full walk, it is not looked for).
    writeFileSync(join(folder, "index.html"), "changed");
    expect(changedFolders(folder, record, manifest)).toEqual(["novyny/2026/01/14", "temy/x"]);
  });

  it("is of no use when the manifest is not the one it was made with, or a folder is gone or a link", () => {
    const gone = site();
    rmSync(join(gone.folder, "temy"), { recursive: true });
    expect(changedFolders(gone.folder, gone.record, gone.manifest)).toBeUndefined();

    const linked = site();
    rmSync(join(linked.folder, "temy/x"), { recursive: true });
    symlinkSync(tempDir(), join(linked.folder, "temy/x"));
    expect(changedFolders(linked.folder, linked.record, linked.manifest)).toBeUndefined();

    const edited = site();
    writeFileSync(edited.manifest, JSON.stringify([...FILES, "temy/x/y.html"]));
    expect(changedFolders(edited.folder, edited.record, edited.manifest)).toBeUndefined();
  });

  it("names a folder changed within a clock tick of the record's making, whose time may not have moved", () => {
    const { folder, manifest, record } = site();
    const now = new Date();
    utimesSync(join(folder, "temy"), now, now);
    const fresh = recordFolderTimes(folder, FILES, manifest)!;
    expect(changedFolders(folder, fresh, manifest)).toEqual(["temy"]);
    expect(changedFolders(folder, record, manifest)).toEqual(["temy"]);
  });

  it("reads back what it wrote, and nothing else", () => {
    const { record } = site();
    expect(parseFolderTimes(JSON.stringify(record))).toEqual(record);
    for (const text of ["", "null", "[]", JSON.stringify({ ...record, format: 2 }), JSON.stringify({ ...record, times: record.times.slice(1) }), JSON.stringify({ ...record, manifest: undefined }), JSON.stringify({ ...record, madeAt: "now" }), JSON.stringify({ ...record, folders: record.folders.map(() => 1) })]) {
      expect(parseFolderTimes(text), text).toBeUndefined();
    }
  });
});
