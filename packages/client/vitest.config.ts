import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources (the "@edge-ai/source" export condition),
// so tests run against src/ without a build step.
export default defineConfig({
  resolve: { conditions: ["@edge-ai/source"] },
  ssr: { resolve: { conditions: ["@edge-ai/source"] } },
  test: {
    name: "client",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 15_000,
  },
});
