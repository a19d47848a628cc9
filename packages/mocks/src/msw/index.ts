/**
 * @edge-ai/mocks/msw: msw handlers for every contract operation, fault scenarios and typed overrides, for code that
 * calls global fetch (msw patches it). msw is a peer dependency: install `msw@^2.10` next to this package.
 *
 * @example
 * import { setupMockServer, scenarios, ok } from "@edge-ai/mocks/msw";
 * const server = setupMockServer();
 * server.listen({ onUnhandledRequest: "error" });
 * server.use(...scenarios.override("runLlama31_8bInstructFast", () => ok({ response: "Hi" }), { once: true }));
 */
export { handlers, createHandlers } from "./handlers.js";
export { handlersFor } from "./mock-handlers.js";
export { scenarios, type ScenarioOptions } from "./scenarios.js";
export { setupMockServer } from "./setup-server.js";
export { toFetchResponse } from "./convert.js";
export { operations, type OperationId } from "../generated/handlers.js";
export { ok, error, stream, image, type Answer } from "../answers.js";
export { createMock, defaultMock, Mock, type MockCall, type RunResolver, type RequestResolver, type ModelInput, type ModelResult } from "../mock.js";
