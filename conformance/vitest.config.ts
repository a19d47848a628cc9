import { defineConfig } from "vitest/config";
import { sourceResolve } from "../vitest.shared.js";

// Workspace packages resolve to their TypeScript sources (the "@edge-ai/source" export condition), so the suite
// runs the client and the emulator from src/ without a build step. Retry scenarios wait for real Retry-After
// delays (1 s at most each), hence the longer per-test timeout.
export default defineConfig({
  ...sourceResolve(),
  test: {
    name: "conformance",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
