// @ts-check
// Shared vitest settings for the workspace projects (packages/*, conformance, benchmarks, examples/*).
// Plain JavaScript with a .d.ts beside it: each project's tsconfig sets rootDir "." and type-checks its
// vitest.config.ts, and a declaration file outside rootDir is allowed where a .ts source is not.

/** The export condition under which workspace packages point at src/index.ts (docs/ARCHITECTURE.md). */
export const sourceCondition = "@edge-ai/source";

/**
 * Spread into a project's defineConfig: resolves workspace packages to their TypeScript sources, for both the
 * client and the SSR (node) module graphs, so tests run against src/ without a build step. A function, so each
 * project gets arrays of its own that vite may extend without touching another project's.
 * @example export default defineConfig({ ...sourceResolve(), test: { name: "client" } });
 */
export function sourceResolve() {
  return {
    resolve: { conditions: [sourceCondition] },
    ssr: { resolve: { conditions: [sourceCondition] } },
  };
}
