/**
 * Stands in for `undici` in the edge build (tsup alias). The edge `EdgeAI` always passes a fetch function, so the
 * undici transport is never constructed; if it were, this says why instead of failing on a missing module.
 */
export class Agent {
  constructor() {
    throw new TypeError("@edge-ai/client edge build: undici is not available in this runtime; the client uses fetch (pass `fetch` if the global one is missing)");
  }
}
