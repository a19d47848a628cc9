/**
 * Serialises a MockResponse onto a node:http response: JSON, bytes, text, or a paced SSE stream
 * (ending in `data: [DONE]`, or cut without it). Client disconnects stop the stream quietly.
 */
import type { ServerResponse } from "node:http";
import { isSse, type MockResponse, type SseEvents } from "../mock-response.js";
import { CORS_HEADERS } from "./cors.js";

const DONE = "data: [DONE]\n\n";
/**
 * How long after the last event was flushed a `stream-cut` destroys the socket. 0 (the default) cuts at once,
 * the hardest case for a client, which must still hand over the events already received (@edge-ai/client reads
 * the body into its own queue for this). A positive grace imitates an upstream drop that leaves a gap.
 */
export const DEFAULT_CUT_GRACE_MS = 0;

/** Options of the writer that come from the emulator's options. */
export interface WriteOptions {
  /** See {@link DEFAULT_CUT_GRACE_MS}. */
  cutGraceMs?: number;
}

function writeSse(res: ServerResponse, status: number, headers: Record<string, string>, sse: SseEvents, done: () => void, cutGraceMs: number): void {
  res.writeHead(status, headerList(headers, undefined) as unknown as string[]);
  res.flushHeaders();
  const limit = sse.cutAfter ?? Number.POSITIVE_INFINITY;
  const pacing = sse.pacingMs ?? 0;
  let index = 0;
  let timer: NodeJS.Timeout | undefined;
  res.on("close", () => {
    if (timer) clearTimeout(timer);
    done();
  });
  const schedule = sse.schedule;
  const step = (): void => {
    timer = undefined;
    if (res.destroyed) return;
    if (schedule && index < sse.events.length && index < limit) {
      // Realistic latency: each event at its offset after the headers (the gaps between offsets, no clock read).
      const wait = schedule[index]! - (index > 0 ? schedule[index - 1]! : 0);
      const write = (): void => {
        timer = undefined;
        if (res.destroyed) return;
        res.write(`data: ${sse.events[index++]}\n\n`);
        step();
      };
      if (wait > 0) timer = setTimeout(write, wait);
      else write();
      return;
    }
    if (index >= limit) {
      // stream-cut: the connection ends without [DONE], as a dropped upstream would.
      res.destroy();
      return;
    }
    if (index >= sse.events.length) {
      res.end(DONE);
      return;
    }
    if (pacing > 0) {
      res.write(`data: ${sse.events[index++]}\n\n`);
      timer = setTimeout(step, pacing);
      return;
    }
    // Unpaced: write everything in one go (one syscall per stream, not per event).
    let out = "";
    while (index < sse.events.length && index < limit) out += `data: ${sse.events[index++]}\n\n`;
    if (index >= limit && out !== "") {
      // Cut after the events are flushed, so the client really receives the first N.
      res.write(out, () => {
        if (res.destroyed) return;
        if (cutGraceMs <= 0) res.destroy();
        else timer = setTimeout(() => res.destroy(), cutGraceMs);
      });
      return;
    }
    if (out !== "") res.write(out);
    step();
  };
  step();
}

function headerList(headers: Record<string, string>, extra: number | undefined): Array<string | number> {
  // A flat [name, value, ...] list: node:http takes it without building another object.
  const list: Array<string | number> = [];
  for (const name in headers) list.push(name, headers[name]!);
  for (const name in CORS_HEADERS) list.push(name, CORS_HEADERS[name]!);
  if (extra !== undefined) list.push("content-length", extra);
  return list;
}

/** Writes `response`; calls `done` once the answer is finished or abandoned. */
export function writeResponse(res: ServerResponse, response: MockResponse, done?: () => void, options: WriteOptions = {}): void {
  const { status, headers, body } = response;
  if (isSse(body)) {
    writeSse(res, status, headers, body, done ?? noop, options.cutGraceMs ?? DEFAULT_CUT_GRACE_MS);
    return;
  }
  let payload: string | Uint8Array;
  let length: number;
  if (body instanceof Uint8Array) {
    payload = body;
    length = body.length;
  } else {
    payload = typeof body === "string" ? body : body === null ? "" : JSON.stringify(body);
    length = Buffer.byteLength(payload);
  }
  res.writeHead(status, headerList(headers, length) as unknown as string[]);
  res.end(payload);
  done?.();
}

function noop(): void {}
