import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The web app's pure modules (no DOM) are tested here too.
    include: ["src/**/*.test.ts", "web/src/**/*.test.ts"],
    environment: "node",
    globalSetup: ["src/test-support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
