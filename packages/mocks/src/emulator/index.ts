/**
 * @edge-ai/mocks/emulator: the local Workers AI emulator (node:http on 127.0.0.1), without msw.
 *
 * @example
 * import { startEmulator } from "@edge-ai/mocks/emulator";
 * const emulator = await startEmulator({ port: 0, quiet: true });
 * // point any client at emulator.url (http://127.0.0.1:PORT/client/v4)
 * await emulator.close();
 */
export { startEmulator, type EmulatorOptions, type RunningEmulator } from "./server.js";
