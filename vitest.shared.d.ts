/** The export condition under which workspace packages point at src/index.ts (docs/ARCHITECTURE.md). */
export declare const sourceCondition: "@edge-ai/source";

/**
 * Spread into a project's defineConfig: resolves workspace packages to their TypeScript sources, for both the
 * client and the SSR (node) module graphs, so tests run against src/ without a build step. A function, so each
 * project gets arrays of its own that vite may extend without touching another project's.
 * @example export default defineConfig({ ...sourceResolve(), test: { name: "client" } });
 */
export declare function sourceResolve(): {
  resolve: { conditions: string[] };
  ssr: { resolve: { conditions: string[] } };
};
