import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources (the "@edge-ai/source" export condition), so the demo
// runs against packages/client/src and packages/mocks/src without a build step.
export default defineConfig({
  resolve: { conditions: ["@edge-ai/source"] },
  ssr: { resolve: { conditions: ["@edge-ai/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 90_000,
  },
});
