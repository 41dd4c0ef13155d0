// Content errors: an editor's mistake, reported as file, line, field and what to write
// instead. The build collects all of them and fails once, with no stack trace.

export interface ContentProblem {
  /** Path relative to the project root, as the editor knows the file. */
  file: string;
  line?: number;
  /** The front-matter field or data key, e.g. "date" or "tags[1]". */
  field?: string;
  /** What is wrong and what to do, in plain words. */
  message: string;
}

export function formatProblem({ file, line, field, message }: ContentProblem): string {
  return `${file}${line ? `:${line}` : ""}: ${field ? `${field} ` : ""}${message}`;
}

export class ContentError extends Error {
  override readonly name = "ContentError";
  /** Tells Eleventy's error printer to show the message only: the stack means nothing to an editor. */
  readonly skipOriginalStack = true;
  constructor(readonly problems: readonly ContentProblem[]) {
    const count = problems.length;
    super(
      `${count} ${count === 1 ? "problem" : "problems"} in the content; nothing was published:\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join("\n"),
    );
  }
}

/**
 * An article file changed between the start of the build (which read it for the lists and
 * indexes) and the rendering of its page: the build stops, since its pages would disagree.
 * Not a ContentError: pages have been written by then (see commands.ts).
 */
export class ChangedDuringBuildError extends Error {
  override readonly name = "ChangedDuringBuildError";
  readonly skipOriginalStack = true;
  constructor(file: string) {
    super(`${file} changed while the site was being built; nothing was published. Build again.`);
  }
}

/** Finds a ContentError however deep Eleventy has wrapped it (`originalError`, `cause`). */
export function findContentError(error: unknown): ContentError | undefined {
  return findError(error, "ContentError") as ContentError | undefined;
}

/** Finds an error by name however deep Eleventy has wrapped it (`originalError`, `cause`). */
export function findError(error: unknown, name: string): Error | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    if ((current as Error).name === name) return current as Error;
    const wrapper = current as { originalError?: unknown; cause?: unknown };
    current = wrapper.originalError ?? wrapper.cause;
  }
  return undefined;
}

/** A value quoted the way the editor wrote it: strings in quotes, everything else as JSON. */
export function describeValue(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value === undefined) return "nothing";
  return JSON.stringify(value) ?? String(value);
}
