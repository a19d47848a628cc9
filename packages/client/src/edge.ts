/**
 * @edge-ai/client for runtimes without undici or `node:` modules: Cloudflare Workers (workerd), Deno, Bun, Vercel
 * and Netlify edge functions, browsers. The same API, types and errors as the Node build; requests go through the
 * runtime's own `fetch` (the client's fetch transport: timeouts, retries, streams and token hygiene included).
 * The package's `exports` pick this build under the `workerd`, `worker`, `deno`, `bun`, `browser` and `edge-light`
 * conditions; tsup builds it with `node:util` and `undici` replaced by the shims in src/internal/edge/.
 *
 * @example
 * import { EdgeAI } from "@edge-ai/client";
 * export default { async fetch(req: Request, env: { AI: Ai }) {
 *   const ai = EdgeAI.fromBinding(env.AI);
 *   return Response.json(await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" }));
 * } };
 */
import { EdgeAI as BaseEdgeAI, type ClientOptions as BaseClientOptions } from "./client.js";
import type { FetchLike } from "./transport.js";

export * from "./index.js";

/** Options of `new EdgeAI(...)` on the edge: as on Node, without the undici `dispatcher`; `fetch` defaults to the global one. */
export type ClientOptions = Omit<BaseClientOptions, "dispatcher">;

/** The global fetch, looked up per call so a runtime or test that replaces it later is seen. */
const globalFetch: FetchLike = (url, init) => globalThis.fetch(url, init);

/** The Workers AI client on the runtime's own fetch. */
export class EdgeAI extends BaseEdgeAI {
  constructor(options: ClientOptions) {
    super({ ...options, fetch: options?.fetch ?? globalFetch });
  }
}
