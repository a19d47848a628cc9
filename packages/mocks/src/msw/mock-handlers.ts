/**
 * msw handlers that answer from a {@link Mock}, so msw users get the same typed `mock.run(...)` overrides as the
 * undici interception.
 */
import { http, type HttpHandler } from "msw";
import { defaultMock, type Mock } from "../mock.js";
import { toFetchResponse, toMockRequest } from "./convert.js";

/**
 * One catch-all handler for the Workers AI API answered by `mock` (default: the process-wide one).
 * @example
 * const server = setupServer(...handlersFor(mock));
 */
export function handlersFor(mock: Mock = defaultMock()): HttpHandler[] {
  return [http.all("*/accounts/:account_id/ai/*", async ({ request }) => toFetchResponse(await mock.handle(await toMockRequest(request))))];
}
