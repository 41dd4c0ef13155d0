// Front matter, read the same way by Eleventy (as its YAML engine) and by our content
// model (which validates every file before anything is built).
import { CORE_SCHEMA, load } from "js-yaml";

/**
 * YAML 1.2 core schema: unlike the YAML 1.1 default it has no timestamp type, so
 * `date: 2026-01-14 23:40` stays the text the editor wrote instead of becoming a UTC
 * instant. The content model then reads it as Kyiv wall-clock time.
 */
export function parseYaml(text: string): Record<string, unknown> {
  // js-yaml 5 refuses an empty document; empty front matter is simply no fields.
  if (text.replace(/^\s*#.*$/gm, "").trim() === "") return {};
  const data = load(text, { schema: CORE_SCHEMA });
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new TypeError("front matter must be a list of fields (key: value), one per line");
  }
  return data as Record<string, unknown>;
}

export interface SplitSource {
  /** The YAML between the --- lines, or null when the file has no front matter. */
  yaml: string | null;
  body: string;
  /** 1-based line of the first YAML line in the file, for error messages. */
  yamlLine: number;
  /** 1-based line of the first body line in the file. */
  bodyLine: number;
}

/** Splits a Markdown source as gray-matter (Eleventy's reader) does: BOM and CRLF tolerated. */
export function splitFrontMatter(source: string): SplitSource {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.startsWith("---") || text.charAt(3) === "-") return { yaml: null, body: text, yamlLine: 1, bodyLine: 1 };
  const afterOpen = text.indexOf("\n");
  if (afterOpen === -1) return { yaml: "", body: "", yamlLine: 2, bodyLine: 2 };
  const close = text.indexOf("\n---", afterOpen);
  if (close === -1) return { yaml: text.slice(afterOpen + 1), body: "", yamlLine: 2, bodyLine: 2 };
  const bodyStart = text.indexOf("\n", close + 4);
  const yaml = text.slice(afterOpen + 1, close + 1);
  return {
    yaml,
    body: bodyStart === -1 ? "" : text.slice(bodyStart + 1),
    yamlLine: 2,
    bodyLine: 2 + yaml.split("\n").length,
  };
}

/** The file line where `key:` starts in the front matter, if it is written on a line of its own. */
export function lineOfKey(yaml: string, key: string, yamlLine: number): number | undefined {
  const lines = yaml.split("\n");
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? undefined : yamlLine + index;
}
