/**
 * A proxy or server may echo the token back. Every server-derived string the client keeps (error bodies, a
 * non-JSON 200 body, a response ValidationError body, stream error messages) is scrubbed before it is cut, so
 * no part of the token survives wherever the echo lands relative to the cut.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIError, StreamError, ValidationError } from "../src/index.js";
import { TOKEN, testClient } from "./support/client.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

/** True when any 6-character window of the token appears in `text`. */
function leaks(text: string): boolean {
  for (let i = 0; i + 6 <= TOKEN.length; i++) if (text.includes(TOKEN.slice(i, i + 6))) return true;
  return false;
}

function everything(err: unknown): string {
  const e = err as { rawBody?: unknown; message: string };
  return [e.message, inspect(err, { depth: 6 }), JSON.stringify(err), JSON.stringify(e.rawBody) ?? ""].join("\n");
}

/** A body of `size` characters with the token starting at `offset`. */
function bodyWithToken(offset: number, size = 4096): string {
  return `${"x".repeat(offset)}Bearer ${TOKEN}`.padEnd(size, " ").slice(0, Math.max(size, offset + TOKEN.length + 7));
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((req, res) => {
    const offset = Number(req.headers["x-offset"]);
    const kind = req.headers["x-kind"];
    if (kind === "error") {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(bodyWithToken(offset));
    } else if (kind === "json-error") {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ success: false, errors: [{ code: 5006, message: bodyWithToken(offset) }], result: null, messages: [] }));
    } else if (kind === "not-json") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{${bodyWithToken(offset)}`);
    } else if (kind === "invalid") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ success: true, errors: [], messages: [], result: { response: 42, note: bodyWithToken(offset) } }));
    } else if (kind === "stream-malformed") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(`data: {"response":"a"}\n\ndata: ${bodyWithToken(offset, 200)}\n\n`);
    } else {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(`data: ${JSON.stringify({ error: bodyWithToken(offset, 200) })}\n\n`);
    }
  });
});
afterAll(() => server.close());

const offsets = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const headers = (kind: string, offset: number) => ({ headers: { "x-kind": kind, "x-offset": String(offset) } });
const run = (kind: string, offset: number) =>
  testClient(server.baseUrl, { maxRetries: 0 })
    .run("@cf/acme/model" as "@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi" }, headers(kind, offset))
    .then((v) => v, (e: unknown) => e);

describe("secret hygiene at every offset around each cut", () => {
  it("keeps no part of an echoed token in an error body cut at 2 KiB (plain text and JSON envelopes)", async () => {
    for (const offset of offsets(1990, 2100)) {
      for (const kind of ["error", "json-error"]) {
        const err = await run(kind, offset);
        expect(err).toBeInstanceOf(APIError);
        expect(leaks(everything(err)), `${kind} at ${offset}`).toBe(false);
      }
    }
  });

  it("keeps no part of the token in the raw body of a 200 that is not JSON", async () => {
    for (const offset of offsets(1990, 2100)) {
      const err = await run("not-json", offset);
      expect(err).toBeInstanceOf(ValidationError);
      expect(leaks(everything(err)), `at ${offset}`).toBe(false);
    }
  });

  it("keeps no part of the token in the body of a response ValidationError (strict mode)", async () => {
    for (const offset of [0, 2000, 2040, 2048]) {
      const err = await testClient(server.baseUrl, { maxRetries: 0, validation: "strict" })
        .run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi" }, headers("invalid", offset))
        .then((v) => v, (e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect(leaks(everything(err)), `at ${offset}`).toBe(false);
    }
  });

  it("keeps no part of the token in stream error messages (malformed event, upstream error event)", async () => {
    for (const offset of offsets(0, 120)) {
      for (const kind of ["stream-malformed", "stream-error"]) {
        const stream = await testClient(server.baseUrl, { maxRetries: 0 }).run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi", stream: true }, headers(kind, offset));
        const err = await (async () => {
          for await (const _ of stream);
        })().then(() => undefined, (e: unknown) => e);
        expect(err).toBeInstanceOf(StreamError);
        expect(leaks(everything(err)), `${kind} at ${offset}`).toBe(false);
      }
    }
  });

  it("keeps the token out of util.inspect of a stream that is still open", async () => {
    const ai = testClient(server.baseUrl, { maxRetries: 0 });
    const stream = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi", stream: true }, headers("stream-error", 0));
    expect(leaks(inspect(stream, { depth: 10, showHidden: true }))).toBe(false);
    await stream.cancel();
    await ai.close();
  });
});
