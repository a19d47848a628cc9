/**
 * @edge-ai/mocks: the Workers AI contract answered locally. This core entry loads neither msw nor vitest; the
 * adapters live in subpaths: `@edge-ai/mocks/undici` (in-process, for undici-based clients), `/msw` (handlers for
 * global fetch), `/emulator` (a node:http server), `/vitest` (the one-line test setup).
 *
 * @example
 * import { mock, ok } from "@edge-ai/mocks";
 * mock.run("@cf/meta/llama-3.1-8b-instruct-fast", (input) => ok({ response: `you said ${input.prompt ?? "…"}` }));
 */
import { defaultMock } from "./mock.js";

// Overrides and answers
export { ok, error, stream, image, isAnswer, type Answer } from "./answers.js";
export { createMock, defaultMock, Mock, type CreateMockOptions, type MockCall, type RunResolver, type RequestResolver, type ModelInput, type ModelResult } from "./mock.js";
/** The process-wide mock: what `@edge-ai/mocks/vitest` and `createUndiciBridge()` answer from. */
export const mock = defaultMock();

// Adapters without msw (also in their subpaths)
export { startEmulator, type EmulatorOptions, type RunningEmulator } from "./emulator/server.js";
export { createUndiciBridge } from "./undici/bridge.js";
export { interceptUndici, type Interception, type InterceptOptions } from "./undici/intercept.js";

// Shared behaviour (for custom adapters)
export { dispatch } from "./dispatch.js";
export { MockState, type MockOptions } from "./mock-state.js";
export type { MockRequest, MockResponse, SseEvents, MockTransport } from "./mock-response.js";
export { FAULT_STEP_NAMES, parseFaultSteps, type FaultStep } from "./faults.js";
