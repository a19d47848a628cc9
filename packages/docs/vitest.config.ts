import { defineConfig } from "vitest/config";
import { sourceResolve } from "../../vitest.shared.js";

export default defineConfig({
  ...sourceResolve(),
  test: {
    name: "docs",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The browser test launches chromium and renders the whole contract: generous, but bounded.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
