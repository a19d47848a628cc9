/**
 * What every test file of the suite shares: one emulator on port 0 per file, the account and token, and
 * `implementRows`, which turns a client's rows into vitest tests and fails when a row has no implementation (or an
 * implementation has no row).
 */
import { startEmulator, type RunningEmulator } from "@edge-ai/mocks/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type ClientName } from "./rows.js";

/** A well-formed account id (32 hex digits, like a real one). */
export const ACCOUNT = "0123456789abcdef0123456789abcdef";
/** The only token the emulator accepts in this suite. */
export const TOKEN = "ecosystem-test-token";

/** The emulator of the current test file (started in beforeAll). */
export const env: { emulator: RunningEmulator; base: string; run: string; v1: string } = {} as never;

/** Starts one emulator for the file: strict token, no rate limits (429s come from the fault header). */
export function useEmulator(): void {
  beforeAll(async () => {
    env.emulator = await startEmulator({ port: 0, quiet: true, tokens: [TOKEN], rateLimits: false });
    env.base = env.emulator.url;
    env.run = `${env.emulator.url}/accounts/${ACCOUNT}/ai/run`;
    env.v1 = `${env.emulator.url}/accounts/${ACCOUNT}/ai/v1`;
  });
  afterAll(() => env.emulator.close());
}

/**
 * A fetch that sends what a client addresses to api.cloudflare.com to the emulator instead: for clients with a
 * hard-coded host that take a `fetch` option (workers-ai-provider).
 */
export function redirectingFetch(): typeof fetch {
  return (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    return fetch(url.replace("https://api.cloudflare.com/client/v4", env.base), init);
  };
}

/** How many requests carrying `key` in `x-emulator-fault-key` the emulator saw. */
export async function attempts(key: string): Promise<number> {
  const res = await fetch(`${env.emulator.url.replace("/client/v4", "")}/__emulator/requests?key=${key}`);
  return ((await res.json()) as { count: number }).count;
}

/** Registers one test per row of `client`; `impl` must cover exactly those rows. */
export function implementRows(client: ClientName, impl: Record<string, () => Promise<void>>): void {
  const own = rowsOf(client);
  describe(client, () => {
    useEmulator();
    it("implements exactly the rows the README table lists for it", () => {
      expect(Object.keys(impl).sort()).toEqual(own.map((r) => r.id).sort());
    });
    for (const row of own) {
      const title = `${row.feature}: ${row.outcome}${row.note ? ` (${row.note})` : ""}`;
      it(title, async () => {
        const body = impl[row.id];
        if (!body) throw new Error(`row ${row.id} has no implementation`);
        await body();
      });
    }
  });
}
