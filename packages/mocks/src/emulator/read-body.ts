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

/** The state of one body being read; its listeners are shared module functions that find it on the request. */
class BodyReader {
  first: Buffer | undefined;
  chunks: Buffer[] | undefined;
  size = 0;
  /** Bytes of this body counted in `budget`. */
  held = 0;
  settled = false;

  constructor(
    readonly req: IncomingMessage,
    readonly done: (result: BodyResult) => void,
    readonly limit: number,
    readonly declared: number,
    readonly budget: BodyBudget | undefined,
  ) {}

  settle(value: BodyResult): void {
    if (this.settled) return;
    this.settled = true;
    if (this.held > 0) this.budget!.release(this.held);
    this.held = 0;
    this.done(value);
  }

  data(chunk: Buffer): void {
    if (this.settled) return;
    this.size += chunk.length;
    if (this.size > MAX_DRAIN_BYTES) {
      this.req.pause();
      this.settle("too-large");
    } else if (this.size > this.limit || this.declared > this.limit) {
      this.first = undefined; // keep reading to the end, keep nothing
      this.chunks = undefined;
      if (this.held > 0) this.budget!.release(this.held);
      this.held = 0;
    } else if (this.budget && !this.budget.take(chunk.length)) {
      this.first = undefined;
      this.chunks = undefined;
      this.req.pause(); // the rest is never read; server.ts closes the connection after the 503
      this.settle("busy");
    } else {
      if (this.budget) this.held += chunk.length;
      if (this.first === undefined) this.first = chunk;
      else (this.chunks ??= [this.first]).push(chunk);
    }
  }

  end(): void {
    const tooLarge = this.size > this.limit || this.declared > this.limit;
    this.settle(tooLarge ? "too-large" : this.chunks ? Buffer.concat(this.chunks, this.size) : (this.first ?? EMPTY));
  }
}

/**
 * Where a request's reader hangs while its body is read. The listeners below are module functions (node calls them
 * with the request as `this`), so reading a body allocates the reader and nothing else: no closure per listener.
 */
const READER = Symbol("edge-ai.bodyReader");
type ReadingRequest = IncomingMessage & { [READER]: BodyReader };

function onData(this: ReadingRequest, chunk: Buffer): void {
  this[READER].data(chunk);
}
function onEnd(this: ReadingRequest): void {
  this[READER].end();
}
function onAbort(this: ReadingRequest): void {
  this[READER].settle("aborted");
}

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
  (req as ReadingRequest)[READER] = new BodyReader(req, done, limit, declared, budget);
  req.on("data", onData);
  req.on("end", onEnd);
  req.on("error", onAbort);
  req.on("close", onAbort);
}

/** Promise form of {@link readBody}, for callers off the hot path. */
export function readBodyAsync(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve) => readBody(req, resolve, limit));
}
