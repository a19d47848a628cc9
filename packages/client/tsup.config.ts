import { defineConfig } from "tsup";

// ESM + CJS + .d.ts. @edge-ai/contract is private and source-only, so its code is bundled in and its types are
// inlined into the .d.ts; the published package then depends only on undici and zod.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  // tsup's own resolver ignores `exports` (the contract has no `types` field), so point TypeScript at the
  // contract's source with `paths`; rollup-plugin-dts then inlines it like any local module.
  dts: { compilerOptions: { rootDir: "..", baseUrl: ".", paths: { "@edge-ai/contract": ["../contract/src/index.ts"] } } },
  noExternal: ["@edge-ai/contract"],
  external: ["undici", "zod"],
  target: "node20",
  platform: "node",
  sourcemap: true,
  clean: true,
  splitting: false,
  treeshake: true,
});
