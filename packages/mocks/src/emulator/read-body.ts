/**
 * Collects a request body with a hard size cap. Oversized bodies stop being buffered as soon as
 * the cap is crossed (Content-Length is checked first), so a 1 GB upload costs no memory.
 */
import type { IncomingMessage } from "node:http";
import { MAX_BODY_BYTES } from "../validate.js";

/** The body bytes, `"too-large"`, or `"aborted"` when the client went away mid-body. */
export type BodyResult = Uint8Array | "too-large" | "aborted";

const EMPTY = new Uint8Array(0);

/** Reads the whole body of `req` (empty for GET/HEAD). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  if (req.method === "GET" || req.method === "HEAD") return Promise.resolve(EMPTY);
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve("too-large");
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (value: BodyResult): void => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.pause();
        settle("too-large");
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => settle(chunks.length === 1 ? chunks[0]! : chunks.length === 0 ? EMPTY : Buffer.concat(chunks, size)));
    req.on("error", () => settle("aborted"));
    req.on("close", () => settle("aborted"));
  });
}
