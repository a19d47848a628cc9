/**
 * Replaces free references to `process` in the edge build (esbuild `inject`): workerd and browsers have no
 * `process` global, Deno and Bun do. Only `process.env` is read (the EDGE_AI_LOG default of the log level).
 */
const real = (globalThis as { process?: { env?: Record<string, string | undefined>; version?: string } }).process;
export const process = { env: real?.env ?? {}, version: real?.version ?? "" };
