import { defineConfig } from "vitest/config";
import { sourceResolve } from "../../vitest.shared.js";

// Workspace packages resolve to their TypeScript sources (the "@edge-ai/source" export condition).
// Type tests (*.test-d.ts) run through vitest's typecheck mode, so `vitest run` fails on a type mismatch
// between the zod schemas and the openapi-typescript types.
export default defineConfig({
  ...sourceResolve(),
  test: {
    name: "contract",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 20_000,
  },
});
