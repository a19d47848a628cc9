import { connect, type Socket } from "node:net";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./support/emulator.js";

const CHAT = "/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/meta/llama-3.1-8b-instruct-fast";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ rateLimits: false, pacingMs: 30 });
});
afterAll(() => emu.close());

/** Sends raw bytes and resolves with everything the server sent before closing (or after `ms`). */
function raw(bytes: string | Buffer, ms = 1500): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(emu.port, "127.0.0.1");
    let text = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(text);
    }, ms);
    socket.on("data", (d) => (text += d.toString("latin1")));
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(text);
    });
    socket.on("error", () => {});
    socket.write(bytes);
  });
}

async function stillServing(): Promise<void> {
  const res = await emu.call(CHAT, { json: { prompt: "are you alive?" } });
  expect(res.status).toBe(200);
}

describe("emulator robustness", () => {
  it("answers 431 to oversized headers and keeps serving", async () => {
    const answer = await raw(`GET /client/v4/accounts/0123456789abcdef0123456789abcdef/ai/tasks/search HTTP/1.1\r\nhost: x\r\nx-big: ${"a".repeat(100_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
    await stillServing();
  });

  it("answers 400 to a garbage request line and keeps serving", async () => {
    const answer = await raw("THIS IS NOT HTTP\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    await stillServing();
  });

  it("serves others while one client sends its body very slowly, then drops it", async () => {
    const socket: Socket = connect(emu.port, "127.0.0.1");
    socket.on("error", () => {});
    socket.write(`POST ${new URL(emu.url).pathname}${CHAT} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer t\r\ncontent-type: application/json\r\ncontent-length: 200\r\n\r\n{"prompt":`);
    await stillServing();
    await stillServing();
    socket.destroy(); // partial body, then gone
    await stillServing();
  });

  it("survives a client that declares more body than it sends and disconnects", async () => {
    await raw(`POST ${new URL(emu.url).pathname}${CHAT} HTTP/1.1\r\nhost: x\r\ncontent-length: 1000\r\n\r\nshort`, 200);
    await stillServing();
  });

  it("keeps serving when a client disconnects mid-stream", async () => {
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(`${emu.url}${CHAT}`, { method: "POST", headers: { authorization: "Bearer t", "content-type": "application/json" } }, (res) => {
        res.once("data", () => {
          req.destroy(); // gone after the first event of a paced stream
          resolve();
        });
      });
      req.on("error", () => {});
      req.on("timeout", reject);
      req.end(JSON.stringify({ prompt: "long story", stream: true }));
    });
    await new Promise((r) => setTimeout(r, 100)); // let the server notice and stop the timer chain
    await stillServing();
  });

  it("answers non-object JSON and invalid UTF-8 with 400 envelopes, never a crash", async () => {
    for (const body of ["null", "[]", "42", '"text"', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])]) {
      const res = await emu.call(CHAT, { method: "POST", body, headers: { "content-type": "application/json" } });
      expect(res.status).toBe(400);
      expect((await res.json() as any).success).toBe(false);
    }
    await stillServing();
  });

  it("refuses a chunked body that grows past 10 MB without a Content-Length", async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 12) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await emu.call(CHAT, { method: "POST", body, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json() as any).errors[0].code).toBe(3006);
    await stillServing();
  });

  it("reads an oversized upload to its end before answering 413, so a client that sends everything first sees the answer", async () => {
    const size = 11 * 1024 * 1024;
    const head = `POST ${new URL(emu.url).pathname}${CHAT} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer t\r\ncontent-type: application/json\r\ncontent-length: ${size}\r\n\r\n`;
    const answer = await raw(Buffer.concat([Buffer.from(head), Buffer.alloc(size, 32)]), 5000);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain("3006");
    await stillServing();
  });

  it("refuses an oversized upload announced with Expect: 100-continue without asking for the body", async () => {
    const answer = await raw(`POST ${new URL(emu.url).pathname}${CHAT} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer t\r\ncontent-type: application/json\r\ncontent-length: 50000000\r\nexpect: 100-continue\r\n\r\n`, 1000);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).not.toContain("100 Continue");
    await stillServing();
  });

  it("still asks for the body of a normal upload announced with Expect: 100-continue", async () => {
    const body = JSON.stringify({ prompt: "x".repeat(2000) });
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(emu.port, "127.0.0.1");
      let text = "";
      let sent = false;
      socket.on("data", (d) => {
        text += d.toString("latin1");
        if (!sent && text.startsWith("HTTP/1.1 100")) {
          sent = true;
          socket.write(body);
        }
        if (text.includes("HTTP/1.1 200")) {
          socket.destroy();
          resolve(text);
        }
      });
      socket.on("error", () => resolve(text));
      socket.write(`POST ${new URL(emu.url).pathname}${CHAT} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer t\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nexpect: 100-continue\r\n\r\n`);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 100 Continue/);
    expect(answer).toContain("HTTP/1.1 200");
  });

  it("answers JSON mode with an absurd schema (huge minItems/minLength) quickly and stays up", async () => {
    const schema = { type: "object", properties: { a: { type: "array", minItems: 1e9, items: { type: "string", minLength: 1e9 } } } };
    const res = await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast", { json: { prompt: "x", response_format: { type: "json_schema", json_schema: schema } } });
    expect(res.status).toBe(200);
    expect((await res.text()).length).toBeLessThan(300_000);
    await stillServing();
  });

  it("answers an empty body with 400 / 3003", async () => {
    const res = await emu.call(CHAT, { method: "POST", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect((await res.json() as any).errors[0].code).toBe(3003);
  });

  it("caps the request-body bytes held across connections: large unfinished uploads get 503, others still get 200", async () => {
    const cap = 8 * 1024 * 1024;
    const capped = await startTestEmulator({ rateLimits: false, maxBufferedBodyBytes: cap });
    const sockets: Socket[] = [];
    const answers: string[] = [];
    const until = async (ok: () => boolean): Promise<void> => {
      for (let i = 0; i < 250 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
    };
    /** Starts an upload that sends `send` bytes of its body and then stalls; resolves once the server took or refused it. */
    const upload = async (send: number, declared?: number): Promise<void> => {
      const socket = connect(capped.port, "127.0.0.1");
      const index = sockets.push(socket) - 1;
      answers[index] = "";
      socket.on("error", () => {});
      socket.on("data", (d) => (answers[index] += d.toString("latin1")));
      const framing = declared === undefined ? "transfer-encoding: chunked" : `content-length: ${declared}`;
      const before = capped.bufferedBodyBytes();
      const body = Buffer.alloc(send, 32);
      socket.write(`POST ${new URL(capped.url).pathname}${CHAT} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer t\r\ncontent-type: application/json\r\n${framing}\r\n\r\n`);
      socket.write(declared === undefined ? Buffer.concat([Buffer.from(`${send.toString(16)}\r\n`), body, Buffer.from("\r\n")]) : body);
      await until(() => answers[index] !== "" || capped.bufferedBodyBytes() >= before + send);
      expect(capped.bufferedBodyBytes()).toBeLessThanOrEqual(cap);
    };
    try {
      const MiB = 1024 * 1024;
      for (let i = 0; i < 5; i++) await upload(2 * MiB, 3 * MiB); // 3 fit (6 MiB held); the 4th and 5th would pass 8 MiB
      await upload(3 * MiB); // chunked, no length announced: refused mid-body once it crosses the cap
      await until(() => answers.filter((a) => a !== "").length >= 3);
      expect(answers.slice(0, 3)).toEqual(["", "", ""]); // still waiting for the rest of their bodies
      for (const refused of answers.slice(3)) {
        expect(refused).toMatch(/^HTTP\/1\.1 503/);
        expect(refused.toLowerCase()).toContain("retry-after: 1");
        expect(refused).toContain('"success":false');
      }
      expect(capped.bufferedBodyBytes()).toBe(6 * MiB);
      const ok = await capped.call(CHAT, { json: { prompt: "small and complete" } });
      expect(ok.status).toBe(200);
      const bigBody = { prompt: "x".repeat(5 * MiB) };
      expect((await capped.call(CHAT, { json: bigBody })).status).toBe(503); // 6 + 5 MiB would pass the cap
      for (const socket of sockets) socket.destroy();
      await until(() => capped.bufferedBodyBytes() === 0);
      expect(capped.bufferedBodyBytes()).toBe(0); // given back when the uploads went away
      const big = await capped.call(CHAT, { json: bigBody });
      const answer = await big.json() as any;
      // Read and handed to the model this time: its input validation answers, not the budget.
      expect(big.status).toBe(400);
      expect(answer.errors[0].message).toMatch(/prompt: too_big/);
    } finally {
      for (const socket of sockets) socket.destroy();
      await capped.close();
    }
  });

  it("handles many concurrent streams and requests at once", async () => {
    const fast = await startTestEmulator({ rateLimits: false });
    try {
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => fast.call(CHAT, { json: { prompt: `q${i}`, stream: i % 2 === 0 } }).then(async (r) => [r.status, (await r.text()).length > 0])),
      );
      expect(results.every(([s, nonEmpty]) => s === 200 && nonEmpty)).toBe(true);
    } finally {
      await fast.close();
    }
  });
});
