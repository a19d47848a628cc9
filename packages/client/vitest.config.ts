import { defineConfig } from "vitest/config";
import { sourceResolve } from "../../vitest.shared.js";

// Workspace packages resolve to their TypeScript sources (the "@edge-ai/source" export condition),
// so tests run against src/ without a build step.
export default defineConfig({
  ...sourceResolve(),
  test: {
    name: "client",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 15_000,
  },
});
