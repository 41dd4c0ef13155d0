// Eleventy 3 ships no TypeScript declarations; this is the part of its programmatic API we call.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { configPath?: string; quietMode?: boolean; runMode?: "build" | "serve" | "watch" },
    );
    write(): Promise<unknown>;
  }
}
