import { defineConfig } from "tsup";

// The library (ESM + CJS + types) and the emulator bin (ESM, keeps the shebang of src/cli.ts).
// @edge-ai/contract is source-only and private, so it is bundled rather than depended on.
export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    platform: "node",
    splitting: false,
    treeshake: true,
    noExternal: ["@edge-ai/contract"],
  },
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    platform: "node",
    splitting: false,
    noExternal: ["@edge-ai/contract"],
  },
]);
