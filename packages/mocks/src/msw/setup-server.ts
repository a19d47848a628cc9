/**
 * msw's node server with the contract handlers, for code that calls global fetch (or node:http).
 */
import type { RequestHandler } from "msw";
import { setupServer } from "msw/node";
import { handlers as defaultHandlers } from "./handlers.js";

/**
 * An msw server answering every contract operation; your own handlers take precedence.
 * @example
 * const server = setupMockServer();
 * server.listen({ onUnhandledRequest: "error" });
 * server.use(...scenarios.rateLimited({ once: true }));
 */
export function setupMockServer(...overrides: RequestHandler[]): ReturnType<typeof setupServer> {
  return setupServer(...overrides, ...defaultHandlers);
}
