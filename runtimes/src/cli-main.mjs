/**
 * Entry for Deno, Bun and Node: `<runtime> src/cli-main.mjs <emulator origin>`. Prints one line
 * `RESULT <json>` with the resolved client module and every check's outcome.
 */
import { runChecks } from "./checks.mjs";

const origin = (globalThis.Deno?.args ?? globalThis.process?.argv?.slice(2) ?? [])[0];
const resolved = typeof import.meta.resolve === "function" ? import.meta.resolve("@edge-ai/client") : undefined;
const results = await runChecks({ baseUrl: `${origin}/client/v4`, gatewayUrl: `${origin}/v1` });
console.log(`RESULT ${JSON.stringify({ resolved, results })}`);
