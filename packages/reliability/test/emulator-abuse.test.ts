import fc from "fast-check";
import { fuzz } from "../src/fuzz-run.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorProcess, startEmulatorProcess } from "../src/emulator-process.js";
import { mib, recordFigures } from "../src/figures.js";
import { hostileJsonText } from "../src/hostile-json.js";
import { peakConcurrency, postJson, rawExchange, readStream, slowWriter } from "../src/raw-http.js";
import { suiteSizes } from "../src/sizes.js";

const sizes = suiteSizes();
const MODEL = "@cf/meta/llama-3.1-8b-instruct-fast";
const AUTH = { authorization: "Bearer abuse-suite-token-0123456789" };
let emu: EmulatorProcess;
let runUrl: string;
let baselineHeap = 0;
let baselineRss = 0;
const peaks = { rss: 0, heapUsed: 0, openStreams: 0 };

/** A well-behaved client: one normal call on a fresh connection must succeed. */
async function probe(): Promise<void> {
  const res = await postJson(runUrl, JSON.stringify({ prompt: "still there?" }), AUTH, 10_000);
  expect(res.status, res.body.slice(0, 200)).toBe(200);
  expect(JSON.parse(res.body).success).toBe(true);
}

/** Probes every `everyMs` until stopped; collects failures instead of throwing inside a timer. */
function probeLoop(everyMs: number): { stop: () => Promise<{ ok: number; failed: string[] }> } {
  let ok = 0;
  const failed: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        await probe();
        ok++;
      } catch (e) {
        failed.push(String(e));
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { ok, failed };
    },
  };
}

async function samplePeak(): Promise<void> {
  const m = await emu.memory();
  peaks.rss = Math.max(peaks.rss, m.rss);
  peaks.heapUsed = Math.max(peaks.heapUsed, m.heapUsed);
}

beforeAll(async () => {
  // Paced streams (40 ms per event, ~1.5 s each) stay open long enough for most of them to be in flight at once,
  // even while the shared machine is busy opening the other sockets.
  emu = await startEmulatorProcess({ rateLimits: false, pacingMs: 40 });
  runUrl = `${emu.url}/accounts/0123456789abcdef0123456789abcdef/ai/run/${MODEL}`;
  for (let i = 0; i < 20; i++) await probe(); // warm up JIT and lazy modules before the baseline
  const m = await emu.memory(true);
  baselineHeap = m.heapUsed;
  baselineRss = m.rss;
}, 120_000);

afterAll(async () => {
  await emu?.close();
});

const malformed: [string, string][] = [
  ["binary garbage", "\x00\x01\x02\xff\xfe garbage \r\n\r\n"],
  ["invalid request line", "HELLO WORLD\r\n\r\n"],
  ["invalid header name", "GET /client/v4 HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n"],
  ["oversized header", `GET /client/v4 HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`],
  ["non-numeric content-length", "POST /client/v4/accounts/a/ai/run/@cf/x/y HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}"],
  ["conflicting content-lengths", "POST /client/v4/accounts/a/ai/run/@cf/x/y HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}"],
  ["content-length with chunked", "POST /client/v4/accounts/a/ai/run/@cf/x/y HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"],
  ["bad chunk size", "POST /client/v4/accounts/a/ai/run/@cf/x/y HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"],
  ["body not JSON", `POST /client/v4/accounts/a/ai/run/${MODEL} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{"prompt"`],
  ["__proto__ body", `POST /client/v4/accounts/a/ai/run/${MODEL} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 44\r\nConnection: close\r\n\r\n{"__proto__":{"polluted":1},"prompt":"hi"}  `],
  ["unknown model", "POST /client/v4/accounts/a/ai/run/@cf/nope/nope HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"],
  ["percent-encoded NUL in path", "GET /client/v4/accounts/%00/ai/models/search HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nConnection: close\r\n\r\n"],
  ["malformed percent-encoding", "GET /client/v4/accounts/%E0%A4%A/ai/models/search?x=%ZZ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nConnection: close\r\n\r\n"],
  ["fault header syntax error", `POST /client/v4/accounts/a/ai/run/${MODEL} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nx-emulator-fault: explode:-1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`],
  ["stats without key", "GET /__emulator/requests HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"],
  ["HTTP/1.0 without host", "GET /client/v4/accounts/a/ai/models/search HTTP/1.0\r\n\r\n"],
  ["pipelined requests", `GET /client/v4/x HTTP/1.1\r\nHost: x\r\n\r\nGET /client/v4/y HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\r\n\r\n`],
  ["huge declared body", `POST /client/v4/accounts/a/ai/run/${MODEL} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Length: 99999999999\r\n\r\n{}`],
];

describe("the emulator under abuse", () => {
  it.each(malformed)("answers %s with a 4xx or a closed connection, never a 5xx", async (_name, payload) => {
    const answer = await rawExchange(emu.port, Buffer.from(payload, "latin1"));
    if (answer.status !== undefined) expect(answer.status, answer.head.split("\r\n")[0]).toBeLessThan(500);
    await probe();
    expect(emu.crashes).toEqual([]);
  });

  it("answers arbitrary JSON bodies on run routes with 2xx or 4xx, never a 5xx", async () => {
    const model = fc.constantFrom(MODEL, "@cf/baai/bge-base-en-v1.5", "@cf/black-forest-labs/flux-1-schnell", "@cf/openai/whisper", "@cf/meta/m2m100-1.2b", "@cf/x/y");
    await fuzz("emulator-json-bodies#1", fc.asyncProperty(model, hostileJsonText, async (m, body) => {
        const res = await postJson(`${emu.url}/accounts/0123456789abcdef0123456789abcdef/ai/run/${m}`, body, AUTH);
        expect(res.status, `${m} ${body.slice(0, 120)} -> ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: Math.max(50, Math.floor(sizes.fuzzRuns / 2)) },
    );
    expect(emu.crashes).toEqual([]);
  });

  it("keeps serving well-behaved clients while slowloris connections hold partial headers and bodies", async () => {
    const n = sizes.abuseConnections;
    const writers = Array.from({ length: n }, (_, i) =>
      i % 2 === 0
        ? slowWriter(emu.port, `POST /client/v4/accounts/a/ai/run/${MODEL} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nX-Pad: ${"p".repeat(200)}\r\n`, 3, 200)
        : slowWriter(emu.port, `POST /client/v4/accounts/a/ai/run/${MODEL} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"prompt":"${"s".repeat(400)}`, 64, 200),
    );
    try {
      await new Promise((r) => setTimeout(r, 1_000));
      for (let i = 0; i < 20; i++) await probe();
      await samplePeak();
    } finally {
      for (const w of writers) w.stop();
    }
    expect(emu.crashes).toEqual([]);
  });

  it("streams concurrent SSE responses to [DONE] while a third of the clients disconnect mid-stream", async () => {
    const n = sizes.abuseStreams;
    const probes = probeLoop(100);
    const body = JSON.stringify({ prompt: "stream please", stream: true });
    // Sample the emulator's memory while the streams are open, not only afterwards.
    let streaming = true;
    const sampler = (async () => {
      while (streaming) {
        await samplePeak();
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const reads = await Promise.all(
      Array.from({ length: n }, (_, i) => readStream(runUrl, body, AUTH, i % 3 === 0 ? 2 : undefined)),
    );
    streaming = false;
    await sampler;
    peaks.openStreams = peakConcurrency(reads);
    const probeResult = await probes.stop();
    const finished = reads.filter((r) => !r.abandoned);
    expect(finished.length).toBeGreaterThan(0);
    // They really were in flight together, not one after another (the exact peak depends on machine load).
    expect(peaks.openStreams).toBeGreaterThan(n / 4);
    for (const r of finished) {
      expect(r.status).toBe(200);
      expect(r.sawDone).toBe(true);
    }
    expect(probeResult.failed).toEqual([]);
    expect(probeResult.ok).toBeGreaterThan(0);
    expect(emu.crashes).toEqual([]);
  });

  it("survives abrupt disconnects before, during and after the request body", async () => {
    const n = sizes.abuseConnections;
    const cut = async (payload: string, afterMs: number) => {
      const w = slowWriter(emu.port, payload, payload.length, 1);
      await new Promise((r) => setTimeout(r, afterMs));
      w.stop();
    };
    const full = `POST /client/v4/accounts/a/ai/run/${MODEL} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 33\r\n\r\n{"prompt":"hi","stream":true}   `;
    await Promise.all(
      Array.from({ length: n }, (_, i) => cut(i % 3 === 0 ? full.slice(0, 40) : i % 3 === 1 ? full.slice(0, full.length - 10) : full, 5 + (i % 20))),
    );
    await probe();
    expect(emu.crashes).toEqual([]);
  });

  it("returns to a bounded heap after all of the above", async () => {
    await new Promise((r) => setTimeout(r, 500));
    const after = await emu.memory(true);
    const figures = {
      streams: sizes.abuseStreams,
      peakOpenStreams: peaks.openStreams,
      connectionsPerKind: sizes.abuseConnections,
      baselineHeapMiB: mib(baselineHeap),
      baselineRssMiB: mib(baselineRss),
      peakRssMiB: mib(peaks.rss),
      peakHeapMiB: mib(peaks.heapUsed),
      afterHeapMiB: mib(after.heapUsed),
      afterRssMiB: mib(after.rss),
      crashes: emu.crashes.length,
    };
    recordFigures("emulator-abuse", figures);
    expect(emu.alive()).toBe(true);
    expect(await emu.prototypeChanges()).toEqual([]);
    // Bounded: once the abusive connections are gone, their memory is too (32 MiB of slack for JIT and caches).
    expect(after.heapUsed - baselineHeap, JSON.stringify(figures)).toBeLessThan(32 * 1024 * 1024);
  });
});
