/**
 * @edge-ai/mocks: the Workers AI contract answered locally — msw handlers for tests, and a
 * node:http emulator on 127.0.0.1 for everything else. Both run one shared behaviour.
 *
 * @example
 * import { startEmulator } from "@edge-ai/mocks";
 * const emulator = await startEmulator({ port: 0, quiet: true });
 * // point any client at emulator.url (http://127.0.0.1:PORT/client/v4)
 * await emulator.close();
 */

// Emulator
export { startEmulator, type EmulatorOptions, type RunningEmulator } from "./emulator/server.js";

// msw
export { handlers, createHandlers } from "./msw/handlers.js";
export { scenarios, type ScenarioOptions } from "./msw/scenarios.js";
export { createUndiciBridge } from "./msw/undici-bridge.js";
export { setupMockServer } from "./msw/setup-server.js";
export { operations, type OperationId } from "./generated/handlers.js";

// Shared behaviour (for custom adapters)
export { dispatch } from "./dispatch.js";
export { MockState, type MockOptions } from "./mock-state.js";
export type { MockRequest, MockResponse, SseEvents, MockTransport } from "./mock-response.js";
export { FAULT_STEP_NAMES, parseFaultSteps, type FaultStep } from "./faults.js";
