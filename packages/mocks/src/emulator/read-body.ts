/**
 * Collects a request body with a hard size cap. Oversized bodies stop being buffered as soon as
 * the cap is crossed (Content-Length is checked first), so a 1 GB upload costs no memory.
 */
import type { IncomingMessage } from "node:http";
import { MAX_BODY_BYTES } from "../validate.js";

/** The body bytes, `"too-large"`, or `"aborted"` when the client went away mid-body. */
export type BodyResult = Uint8Array | "too-large" | "aborted";

const EMPTY = new Uint8Array(0);

/**
 * Reads the whole body of `req` (empty for GET/HEAD) and calls `done` exactly once. Callback
 * style on purpose: this runs per request, and a Promise per body is measurable on the hot path.
 */
export function readBody(req: IncomingMessage, done: (result: BodyResult) => void, limit = MAX_BODY_BYTES): void {
  if (req.method === "GET" || req.method === "HEAD") return done(EMPTY);
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) return done("too-large");
  let first: Buffer | undefined;
  let chunks: Buffer[] | undefined;
  let size = 0;
  let settled = false;
  const settle = (value: BodyResult): void => {
    if (settled) return;
    settled = true;
    done(value);
  };
  req.on("data", (chunk: Buffer) => {
    if (settled) return;
    size += chunk.length;
    if (size > limit) {
      first = undefined;
      chunks = undefined;
      req.pause();
      settle("too-large");
    } else if (first === undefined) first = chunk;
    else (chunks ??= [first]).push(chunk);
  });
  req.on("end", () => settle(chunks ? Buffer.concat(chunks, size) : (first ?? EMPTY)));
  req.on("error", () => settle("aborted"));
  req.on("close", () => settle("aborted"));
}

/** Promise form of {@link readBody}, for callers off the hot path. */
export function readBodyAsync(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve) => readBody(req, resolve, limit));
}
