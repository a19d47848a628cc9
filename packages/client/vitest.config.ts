import { defineConfig } from "vitest/config";
import { sourceResolve } from "../../vitest.shared.js";

// Workspace packages resolve to their TypeScript sources (the "@edge-ai/source" export condition),
// so tests run against src/ without a build step.
export default defineConfig({
  ...sourceResolve(),
  test: {
    name: "client",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Type tests (*.test-d.ts) run through tsc in vitest's typecheck mode.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 15_000,
  },
});
