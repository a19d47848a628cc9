import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";

// ESM + CJS + .d.ts. @edge-ai/contract is private and source-only, so its code is bundled in and its types are
// inlined into the .d.ts; the published package then depends only on undici, zod and eventsource-parser.
// tsup's own resolver ignores `exports` (the contract has no `types` field), so point TypeScript at the
// contract's source with `paths`; rollup-plugin-dts then inlines it like any local module.
const dts = { compilerOptions: { rootDir: "..", baseUrl: ".", paths: { "@edge-ai/contract": ["../contract/src/index.ts"], "@edge-ai/contract/catalog": ["../contract/src/catalog.ts"] } } };
const shim = (name: string): string => fileURLToPath(new URL(`./src/internal/edge/${name}.ts`, import.meta.url));

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts,
    noExternal: ["@edge-ai/contract"],
    external: ["undici", "zod", "eventsource-parser"],
    target: "node20",
    platform: "node",
    sourcemap: true,
    clean: true,
    // zod and the contract's schemas sit behind `import()` (decision 0340): splitting keeps them in a chunk of
    // their own that loads on the first validated call, not at import.
    splitting: true,
    treeshake: true,
  },
  {
    // The edge build (src/edge.ts): no undici, no `node:` import, no free `process` (docs/decisions/0280).
    entry: { edge: "src/edge.ts" },
    format: ["esm"],
    dts,
    // Listed so tsup does not mark them external; esbuild's alias below then swaps in the shims.
    noExternal: ["@edge-ai/contract", "undici"],
    external: ["zod"],
    target: "es2022",
    platform: "neutral",
    sourcemap: true,
    clean: false,
    splitting: false,
    treeshake: true,
    inject: [shim("process")],
    // tsup would otherwise resolve every `node:` import as external before the plugin below sees it.
    removeNodeProtocol: false,
    esbuildPlugins: [
      {
        // Node built-ins are external to esbuild's resolver, so node:util is swapped for its shim here.
        name: "edge-node-util",
        setup(build) {
          build.onResolve({ filter: /^(node:)?util$/ }, () => ({ path: shim("node-util") }));
        },
      },
    ],
    esbuildOptions(options) {
      options.alias = { undici: shim("undici") };
      options.conditions = ["@edge-ai/source", "import", "default"];
      options.mainFields = ["module", "main"];
    },
  },
]);
