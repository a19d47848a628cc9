/**
 * The matrix as a Worker (bundled by esbuild with the workerd conditions, run by Miniflare): GET / runs every check
 * against the emulator origin given in the EMULATOR binding and answers `{ results }` as JSON.
 */
import { runChecks } from "./checks.mjs";

export default {
  async fetch(_request, env) {
    const results = await runChecks({ baseUrl: `${env.EMULATOR}/client/v4`, gatewayUrl: `${env.EMULATOR}/v1` });
    return Response.json({ results, hasProcess: typeof globalThis.process !== "undefined" });
  },
};
