// `npm pack` (prepack, after tsc): decap-cms's prebuilt files copied into dist/decap-cms/,
// where the installed package finds them (page.ts, VENDORED_DECAP).
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { decapFiles, installedDecapFolder, VENDORED_DECAP } from "./page.js";

const { folder, files } = decapFiles(installedDecapFolder());
rmSync(VENDORED_DECAP, { recursive: true, force: true });
mkdirSync(VENDORED_DECAP, { recursive: true });
for (const file of files) copyFileSync(join(folder, file), join(VENDORED_DECAP, file));
