import { describe, expect, it } from "vitest";
import strichka from "../src/index.js";
import type { EleventyConfig } from "../src/eleventy-config.js";

// The options are checked before the plugin touches Eleventy's configuration.
const untouched = new Proxy({}, { get: () => { throw new Error("the configuration was used"); } }) as EleventyConfig;

describe("plugin options", () => {
  it.each([
    [{ timeZone: "Europe/Kiyv" }, 'timeZone "Europe/Kiyv" is not an IANA time zone'],
    [{ relatedCount: -1 }, "relatedCount must be a whole number ≥ 0, not -1"],
    [{ pageSize: 0 }, "pageSize must be a whole number ≥ 1, not 0"],
    [{ relatedCont: 5 }, '"relatedCont" is not an option (the options are timeZone, videoAfterParagraph, relatedCount'],
  ])("refuses %j, saying why", (options, message) => {
    expect(() => strichka(untouched, options as never)).toThrow(message);
  });
});
