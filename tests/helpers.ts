// What the integration tests share, by topic in tests/helpers/: building sites (site.ts),
// reading and validating what they wrote (html.ts), serving them as a host does (hosting.ts).
export * from "./helpers/site.js";
export * from "./helpers/html.js";
export * from "./helpers/hosting.js";
// tests/helpers/eleventy.ts (Eleventy run in process with a config function) is imported by the tests of the plugin's wiring.
