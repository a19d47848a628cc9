import { defineConfig } from "vitest/config";
import { sourceResolve } from "../vitest.shared.js";

export default defineConfig({
  ...sourceResolve(),
  test: {
    include: ["test/**/*.test.ts"],
    // Each runtime starts a process (or workerd) and runs the whole check list; a cold start takes seconds.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
