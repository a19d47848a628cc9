import { defineConfig } from "vitest/config";

// One vitest run over every TypeScript project; each project keeps its own vitest.config.ts
// (resolve conditions, timeouts). scripts/run-tests.mjs reads its JSON report for the CI summary.
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "conformance/vitest.config.ts", "examples/*/vitest.config.ts", "benchmarks/vitest.config.ts", "ecosystem/vitest.config.ts", "runtimes/vitest.config.ts"],
  },
});
