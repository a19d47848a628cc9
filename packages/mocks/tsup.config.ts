import { defineConfig } from "tsup";

// The library entries (ESM + CJS + types) and the emulator bin (ESM, keeps the shebang of src/cli.ts).
// @edge-ai/contract is source-only and private, so it is bundled rather than depended on; its types are inlined into
// the .d.ts through `paths` (tsup's resolver ignores `exports`). msw and vitest are optional peers, never bundled:
// only the /msw and /vitest entries load them.
export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      emulator: "src/emulator/index.ts",
      msw: "src/msw/index.ts",
      undici: "src/undici/index.ts",
      vitest: "src/vitest.ts",
    },
    format: ["esm", "cjs"],
    dts: { compilerOptions: { rootDir: "..", baseUrl: ".", paths: { "@edge-ai/contract": ["../contract/src/index.ts"] } } },
    sourcemap: true,
    clean: true,
    target: "node20",
    platform: "node",
    splitting: false,
    treeshake: true,
    noExternal: ["@edge-ai/contract"],
    external: ["msw", "msw/node", "vitest", "undici", "zod"],
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
