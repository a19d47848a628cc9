/**
 * Collects a request body with a hard size cap. Oversized bodies stop being buffered as soon as
 * the cap is crossed, so a 1 GB upload costs no memory; they are drained (up to MAX_DRAIN_BYTES) so the
 * client can read the 413.
 */
import type { IncomingMessage } from "node:http";
import { MAX_BODY_BYTES } from "../validate.js";

/**
 * The body bytes, `"too-large"`, `"aborted"` when the client went away mid-body, or `"busy"` when buffering it
 * would push the bytes held for all unfinished bodies past the server's {@link BodyBudget}.
 */
export type BodyResult = Uint8Array | "too-large" | "aborted" | "busy";

/** Default of {@link BodyBudget}: total request-body bytes the emulator holds at once, across connections. */
export const MAX_BUFFERED_BODY_BYTES = 64 * 1024 * 1024;

/**
 * One counter per server for the request-body bytes held in memory right now. The per-body cap alone lets N slow
 * uploads hold N x 10 MB; this bounds the sum. A plain counter, so the hot path pays one addition per chunk.
 */
export class BodyBudget {
  /** Bytes currently held by bodies still being read. */
  used = 0;
  constructor(readonly cap: number = MAX_BUFFERED_BODY_BYTES) {}

  /** Takes `n` bytes if they fit under the cap. */
  take(n: number): boolean {
    if (this.used + n > this.cap) return false;
    this.used += n;
    return true;
  }

  /** Gives back bytes taken with {@link take}. */
  release(n: number): void {
    this.used -= n;
  }
}

const EMPTY = new Uint8Array(0);

/**
 * An oversized body is still read (and thrown away) up to this many bytes before the 413 goes out. Clients such
 * as .NET's HttpClient send the whole body before they read any answer; closing on them mid-upload turns a clean
 * 413/3006 into a connection error. Past this the connection is cut, as a front door would.
 */
export const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Reads the whole body of `req` (empty for GET/HEAD) and calls `done` exactly once. Callback
 * style on purpose: this runs per request, and a Promise per body is measurable on the hot path.
 */
export function readBody(req: IncomingMessage, done: (result: BodyResult) => void, limit = MAX_BODY_BYTES, budget?: BodyBudget): void {
  if (req.method === "GET" || req.method === "HEAD") return done(EMPTY);
  const declared = Number(req.headers["content-length"]);
  // With `Expect: 100-continue` an oversized body is never asked for (see server.ts), so there is nothing to drain.
  if (declared > MAX_DRAIN_BYTES || (declared > limit && /100-continue/i.test(req.headers.expect ?? ""))) return done("too-large");
  // A declared body that cannot fit next to the ones already held is refused before any byte of it is read.
  if (budget && declared <= limit && budget.used + declared > budget.cap) return done("busy");
  let first: Buffer | undefined;
  let chunks: Buffer[] | undefined;
  let size = 0;
  let held = 0; // bytes of this body counted in `budget`
  let settled = false;
  const settle = (value: BodyResult): void => {
    if (settled) return;
    settled = true;
    if (held > 0) budget!.release(held);
    held = 0;
    done(value);
  };
  req.on("data", (chunk: Buffer) => {
    if (settled) return;
    size += chunk.length;
    if (size > MAX_DRAIN_BYTES) {
      req.pause();
      settle("too-large");
    } else if (size > limit || declared > limit) {
      first = undefined; // keep reading to the end, keep nothing
      chunks = undefined;
      if (held > 0) budget!.release(held);
      held = 0;
    } else if (budget && !budget.take(chunk.length)) {
      first = undefined;
      chunks = undefined;
      req.pause(); // the rest is never read; server.ts closes the connection after the 503
      settle("busy");
    } else {
      if (budget) held += chunk.length;
      if (first === undefined) first = chunk;
      else (chunks ??= [first]).push(chunk);
    }
  });
  req.on("end", () => settle(size > limit || declared > limit ? "too-large" : chunks ? Buffer.concat(chunks, size) : (first ?? EMPTY)));
  req.on("error", () => settle("aborted"));
  req.on("close", () => settle("aborted"));
}

/** Promise form of {@link readBody}, for callers off the hot path. */
export function readBodyAsync(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve) => readBody(req, resolve, limit));
}
