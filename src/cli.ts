#!/usr/bin/env node
// The strichka command (see commands.ts): `strichka build`, `strichka init`, `strichka new`.
import { runCommand } from "./commands.js";

process.exitCode = await runCommand(process.argv.slice(2));
