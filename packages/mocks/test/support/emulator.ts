/**
 * Test helper: a started emulator (ephemeral port) and a fetch wrapper that adds a bearer token.
 */
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "@edge-ai/mocks";

/** A running emulator plus `call(path, init)` relative to `/client/v4`. */
export interface TestEmulator extends RunningEmulator {
  call(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  lines: string[];
}

/** Starts an emulator on port 0, capturing its log lines instead of printing them. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const lines: string[] = [];
  const emulator = await startEmulator({ port: 0, log: (line) => lines.push(line), ...options });
  return {
    ...emulator,
    lines,
    call(path, init = {}) {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (!headers.has("authorization")) headers.set("authorization", "Bearer test-token");
      if (json !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
      return fetch(`${emulator.url}${path}`, {
        method: json !== undefined ? "POST" : "GET",
        ...rest,
        headers,
        body: json !== undefined ? JSON.stringify(json) : rest.body,
      });
    },
  };
}

/** The `data:` payloads of an SSE body. */
export function sseData(text: string): string[] {
  return text.split("\n\n").filter((b) => b.startsWith("data: ")).map((b) => b.slice(6));
}
