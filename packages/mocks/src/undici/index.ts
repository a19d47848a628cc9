/**
 * @edge-ai/mocks/undici: the mocks for undici-based code (the edge-ai client, undici.request, Node's fetch), with no
 * socket and without msw.
 *
 * @example
 * import { interceptUndici, mock, ok } from "@edge-ai/mocks/undici";
 * interceptUndici();                     // every undici Agent and the global dispatcher now answer from `mock`
 * mock.run("@cf/meta/llama-3.1-8b-instruct-fast", () => ok({ response: "Hi" }));
 */
export { createUndiciBridge } from "./bridge.js";
export { interceptUndici, type Interception, type InterceptOptions } from "./intercept.js";
export { ok, error, stream, image, type Answer } from "../answers.js";
export { createMock, defaultMock, Mock, type MockCall, type RunResolver, type RequestResolver, type ModelInput, type ModelResult } from "../mock.js";
import { defaultMock } from "../mock.js";

/** The process-wide mock (the one `@edge-ai/mocks/vitest` installs). */
export const mock = defaultMock();
