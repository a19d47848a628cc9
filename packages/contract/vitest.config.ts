import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources (the "@edge-ai/source" export condition).
// Type tests (*.test-d.ts) run through vitest's typecheck mode, so `vitest run` fails on a type mismatch
// between the zod schemas and the openapi-typescript types.
export default defineConfig({
  resolve: { conditions: ["@edge-ai/source"] },
  ssr: { resolve: { conditions: ["@edge-ai/source"] } },
  test: {
    name: "contract",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 20_000,
  },
});
