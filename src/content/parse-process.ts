// A child process of `strichka build` that reads and parses article files for it (see
// parse-files.ts): the first message gives what a parse depends on, each next one a batch
// of files; it answers each batch with their results, and ends when the build disconnects.
import { parseContext, readOne, type FromChild, type ToChild } from "./parse-files.js";
import type { ParseContext } from "./article-file.js";

let context: ParseContext | undefined;

process.on("message", (message: ToChild) => {
  if ("settings" in message) context = parseContext(message.settings);
  else process.send!({ results: message.jobs.map((job) => readOne(job, context!) ?? null) } satisfies FromChild);
});
