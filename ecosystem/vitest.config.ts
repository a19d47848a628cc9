import { defineConfig } from "vitest/config";
import { sourceResolve } from "../vitest.shared.js";

// The emulator runs from its TypeScript sources (the "@edge-ai/source" condition); the clients under test are this
// package's own pinned dependencies.
export default defineConfig({
  ...sourceResolve(),
  test: {
    name: "ecosystem",
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
