import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@edge-ai/source"] },
  ssr: { resolve: { conditions: ["@edge-ai/source"] } },
  test: {
    name: "docs",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The browser test launches chromium and renders the whole contract: generous, but bounded.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
