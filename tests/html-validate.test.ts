// Every page of the sample site, production build (minified), through html-validate.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listFiles, sampleSite } from "./helpers/site.js";
import { htmlValidationErrors } from "./helpers/html.js";

let site: string;
beforeAll(() => {
  const result = sampleSite();
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  site = result.output;
});

describe("valid HTML", () => {
  it("every page passes html-validate with zero errors", async () => {
    const pages = listFiles(site).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(70);
    const errors: string[] = [];
    for (const file of pages) errors.push(...(await htmlValidationErrors(readFileSync(join(site, file), "utf8"), file)));
    expect(errors).toEqual([]);
  });

  it("the validator does catch a broken page", async () => {
    expect(await htmlValidationErrors("<!doctype html><html lang=uk><head><title>x</title></head><body><p><div>x</p></body></html>", "bad.html")).not.toEqual([]);
  });
});
