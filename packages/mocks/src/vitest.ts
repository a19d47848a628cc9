/**
 * @edge-ai/mocks/vitest: the one line for a vitest setup file. Importing it intercepts undici for the test file
 * (a default-constructed edge-ai client is answered by the process-wide `mock`), refuses unhandled requests instead
 * of sending them to the network, and resets the mock's overrides after each test.
 *
 * @example
 * // vitest.setup.ts (setupFiles: ["./vitest.setup.ts"])
 * import "@edge-ai/mocks/vitest";
 */
import { afterAll, afterEach } from "vitest";
import { defaultMock } from "./mock.js";
import { interceptUndici } from "./undici/intercept.js";

const mock = defaultMock();
const interception = interceptUndici(mock);
afterEach(() => mock.reset());
afterAll(() => interception.restore());
