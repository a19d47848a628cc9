import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources (the "@edge-ai/source" export condition), so the suites
// exercise src/ of the client and the mocks without a build step. Sizes come from env vars (see src/sizes.ts):
// CI defaults are small; scripts/soak-long.sh raises them.
export default defineConfig({
  resolve: { conditions: ["@edge-ai/source"] },
  ssr: { resolve: { conditions: ["@edge-ai/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
