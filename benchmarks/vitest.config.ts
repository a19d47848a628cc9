import { defineConfig } from "vitest/config";
import { sourceResolve } from "../vitest.shared.js";

// Workspace packages resolve to their TypeScript sources (the "@edge-ai/source" export condition), so the
// smoke test drives the emulator and the client from src/ without a build step.
export default defineConfig({
  ...sourceResolve(),
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
