/**
 * A response captured from the emulator (status, headers, body bytes), so the bare and replay servers can send
 * exactly the bytes the emulator sent. Hop-by-hop and per-response headers are dropped when recording; the
 * replaying server sets its own framing.
 */
import { readFileSync, writeFileSync } from "node:fs";

/** A captured HTTP answer. */
export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Headers that describe one connection or one moment, not the answer. */
const DROPPED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "date"]);

/** Keeps the headers a replay should repeat (content type, cf-ray, rate-limit headers, ...). */
export function replayableHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || DROPPED.has(name.toLowerCase())) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/** Writes a recording as JSON (body in base64) for a child server to load. */
export function saveRecording(file: string, rec: RecordedResponse): void {
  writeFileSync(file, JSON.stringify({ status: rec.status, headers: rec.headers, body: rec.body.toString("base64") }));
}

/** Reads a recording written by `saveRecording`. */
export function loadRecording(file: string): RecordedResponse {
  const raw = JSON.parse(readFileSync(file, "utf8")) as { status: number; headers: Record<string, string>; body: string };
  return { status: raw.status, headers: raw.headers, body: Buffer.from(raw.body, "base64") };
}
