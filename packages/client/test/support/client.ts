/** Builds clients pointed at a test server, with fast retries so timing tests stay short. */
import { EdgeAI, type ClientOptions } from "../../src/index.js";

/** A realistic-looking token, so redaction tests search for something that could leak. */
export const TOKEN = "cfut_TEST0123456789abcdefghijklmnopqrstuv";
export const ACCOUNT = "0123456789abcdef0123456789abcdef";

/** A client for `baseUrl` with small backoff (10 ms) unless overridden. */
export function testClient(baseUrl: string, options: Partial<ClientOptions> = {}): EdgeAI {
  return new EdgeAI({
    accountId: ACCOUNT,
    apiToken: TOKEN,
    baseUrl,
    retry: { initialDelayMs: 10, maxDelayMs: 40 },
    logLevel: "off",
    ...options,
  });
}

/** The two transports every fault test runs on: undici (the default) and a user-supplied `fetch` (the edge path). */
export const transports: [name: string, options: Partial<ClientOptions>][] = [
  ["undici", {}],
  ["fetch", { fetch: (url, init) => fetch(url, init) }],
];
