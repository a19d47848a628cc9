import { defineConfig } from "vitest/config";
import { sourceResolve } from "../../vitest.shared.js";

// Workspace packages resolve to their TypeScript sources (the "@edge-ai/source" export condition), so the demo
// runs against packages/client/src and packages/mocks/src without a build step.
export default defineConfig({
  ...sourceResolve(),
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 90_000,
  },
});
