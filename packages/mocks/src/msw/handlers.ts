/**
 * The default msw handler set and factories for isolated ones. Each set owns a MockState, so
 * batch jobs and fault-key counters do not leak between test files that create their own.
 */
import type { HttpHandler } from "msw";
import { createOperationHandlers } from "../generated/handlers.js";
import { MockState, type MockOptions } from "../mock-state.js";

/**
 * A fresh handler set (rate limits off unless asked: tests should not hit 300/min by accident).
 * @example
 * const server = setupServer(...createHandlers({ tokens: ["test-token"] }));
 */
export function createHandlers(options: MockOptions = {}): HttpHandler[] {
  return createOperationHandlers(new MockState({ rateLimits: false, ...options }));
}

/** The ready-made handlers: every contract operation, any bearer token accepted. */
export const handlers: HttpHandler[] = createHandlers();
