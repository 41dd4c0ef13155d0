import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Integration tests run real Eleventy builds in child processes.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
