import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources (the "@edge-ai/source" export condition), so the suite
// runs the client and the emulator from src/ without a build step. Retry scenarios wait for real Retry-After
// delays (1 s at most each), hence the longer per-test timeout.
export default defineConfig({
  resolve: { conditions: ["@edge-ai/source"] },
  ssr: { resolve: { conditions: ["@edge-ai/source"] } },
  test: {
    name: "conformance",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
