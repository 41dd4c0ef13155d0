import { describe, expect, it } from "vitest";
import { lineOfKey, parseYaml, splitFrontMatter } from "../src/front-matter.js";

describe("front matter", () => {
  it("keeps dates as the text the editor wrote", () => {
    expect(parseYaml("date: 2026-01-14 23:40:00\nday: 2026-01-14")).toEqual({ date: "2026-01-14 23:40:00", day: "2026-01-14" });
  });

  it("splits like gray-matter, with a BOM and CRLF line endings", () => {
    const split = splitFrontMatter("\uFEFF---\r\ntitle: Так\r\n---\r\nТекст\r\n");
    expect(split.yaml).toBe("title: Так\n");
    expect(split.body).toBe("Текст\n");
    expect(splitFrontMatter("Просто текст").yaml).toBeNull();
  });

  it("finds the line of a field for error messages", () => {
    const { yaml, yamlLine } = splitFrontMatter("---\ntitle: A\ndate: x\n---\n");
    expect(lineOfKey(yaml!, "date", yamlLine)).toBe(3);
    expect(lineOfKey(yaml!, "topic", yamlLine)).toBeUndefined();
  });

  it("refuses front matter that is not a set of fields", () => {
    expect(() => parseYaml("- a\n- b")).toThrow(/key: value/);
    expect(parseYaml("")).toEqual({});
  });
});
