import { defineConfig } from "vitest/config";
import { sourceResolve } from "../../vitest.shared.js";

// Workspace packages resolve to their TypeScript sources (the "@edge-ai/source" export condition), so the suites
// exercise src/ of the client and the mocks without a build step. Sizes come from env vars (see src/sizes.ts):
// CI defaults are small; scripts/soak-long.sh raises them.
export default defineConfig({
  ...sourceResolve(),
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
