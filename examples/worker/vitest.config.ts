import { defineConfig } from "vitest/config";
import { sourceResolve } from "../../vitest.shared.js";

export default defineConfig({
  ...sourceResolve(),
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
