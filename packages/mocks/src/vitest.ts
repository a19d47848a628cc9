/**
 * @edge-ai/mocks/vitest: the one line for a vitest setup file. Importing it intercepts undici for the test process
 * (a default-constructed edge-ai client is answered by the process-wide `mock`), refuses unhandled requests instead
 * of sending them to the network, and gives every test a fresh mock (overrides, calls and state).
 *
 * Both hold with `isolate: false` too, where this module is evaluated once per worker: the interception stays until
 * the worker exits, and the mock resets itself when it sees a new test (by vitest's current test name and file).
 *
 * @example
 * // vitest.setup.ts (setupFiles: ["./vitest.setup.ts"])
 * import "@edge-ai/mocks/vitest";
 */
import { afterEach, expect } from "vitest";
import { defaultMock } from "./mock.js";
import { interceptUndici } from "./undici/intercept.js";

const mock = defaultMock();
interceptUndici(mock);
mock.scopeBy(() => {
  const state = expect.getState();
  return state.currentTestName === undefined ? undefined : `${state.testPath ?? ""}\u0000${state.currentTestName}`;
});
afterEach(() => mock.reset());
