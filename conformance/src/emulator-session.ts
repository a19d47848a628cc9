/**
 * One emulator per runner, on port 0 over a real socket, plus the two things a scenario needs from it: a fresh
 * fault key per run and the request log for that key (`GET /__emulator/requests?key=`), which is how attempts
 * and the waits between them are measured on the server's side rather than trusted from the client.
 */
import { randomUUID } from "node:crypto";
import { startEmulator } from "@edge-ai/mocks";

/** Account id the runners use; the emulator accepts any id and any bearer token. */
export const ACCOUNT_ID = "0123456789abcdef0123456789abcdef";
/** Token the runners send; never a real one. */
export const API_TOKEN = "conformance-test-token";

/** What the emulator logged for one fault key. */
export interface KeyStats {
  count: number;
  /** Arrival times (ms since epoch, emulator clock), in order. */
  timestamps: number[];
}

/** A running emulator and its helpers. */
export interface EmulatorSession {
  /** Base URL for the clients (`http://127.0.0.1:PORT/client/v4`). */
  baseUrl: string;
  /** A key no other run uses, so attempts of one run are counted apart from every other run. */
  newFaultKey(scenarioId: string): string;
  stats(key: string): Promise<KeyStats>;
  close(): Promise<void>;
}

/** Starts the emulator quietly on an ephemeral port. */
export async function startEmulatorSession(): Promise<EmulatorSession> {
  const emulator = await startEmulator({ port: 0, quiet: true });
  const origin = new URL(emulator.url).origin;
  return {
    baseUrl: emulator.url,
    newFaultKey: (scenarioId) => `ts-${scenarioId}-${randomUUID()}`,
    async stats(key) {
      const res = await fetch(`${origin}/__emulator/requests?key=${encodeURIComponent(key)}`);
      if (!res.ok) throw new Error(`emulator stats for ${key}: HTTP ${res.status}`);
      const body = (await res.json()) as { count: number; timestamps: number[] };
      return { count: body.count, timestamps: body.timestamps };
    },
    close: () => emulator.close(),
  };
}

/** The smallest gap between consecutive timestamps, or undefined with fewer than two. */
export function minGapMs(timestamps: readonly number[]): number | undefined {
  let min: number | undefined;
  for (let i = 1; i < timestamps.length; i++) {
    const gap = timestamps[i]! - timestamps[i - 1]!;
    if (min === undefined || gap < min) min = gap;
  }
  return min;
}
