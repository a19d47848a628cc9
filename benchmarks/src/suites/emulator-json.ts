/**
 * The emulator against a bare node:http handler returning the same bytes (issue 3, item 6). Both run in their own
 * child process; the load generator (undici Pool, one connection per in-flight request) runs here. The route is
 * a chat run on `@cf/meta/llama-3.1-8b-instruct-fast`: the most common call, with a small JSON answer, through
 * the emulator's full path (bearer check, routing, contract validation, seeded synthesis, envelope).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { serverEntry, spawnServer, type ChildServer } from "../child-server.js";
import { compareTargets, type Measurement, primeTargets } from "../compare.js";
import type { BenchConfig } from "../config.js";
import { ACCOUNT_ID, API_TOKEN, startEmulatorProcess } from "../emulator-process.js";
import { type FixedRequest, poolTarget } from "../http-target.js";
import { type RecordedResponse, replayableHeaders, saveRecording } from "../recorded-response.js";
import { ratio } from "../stats.js";

/** The benchmarked request. */
export const EMULATOR_ROUTE = {
  model: "@cf/meta/llama-3.1-8b-instruct-fast",
  input: { messages: [{ role: "user", content: "Say hello in five words." }], max_tokens: 32 },
};

/**
 * The n-th body of the unique-body row: the benchmark route's input with a counter in the message, the same length
 * every time (so the bare server's fixed body and these cost the same bytes), and a different answer seed each time.
 */
export function uniqueBody(n: number): string {
  // Two string concatenations: the load generator shares the CPU with the servers, so building a body must cost
  // next to nothing (a JSON.stringify per call would slow this row on the client side, not the emulator's).
  return UNIQUE_HEAD + String(n).padStart(9, "0") + UNIQUE_TAIL;
}
const UNIQUE_MARK = "#000000000";
const [UNIQUE_HEAD, UNIQUE_TAIL] = JSON.stringify({ ...EMULATOR_ROUTE.input, messages: [{ role: "user", content: `Say hello in five words. ${UNIQUE_MARK}` }] })
  .split(UNIQUE_MARK)
  .map((part, i) => (i === 0 ? `${part}#` : part)) as [string, string];

/** One concurrency level: both servers and their ratio. */
export interface EmulatorJsonRow {
  concurrency: number;
  bare: Measurement;
  emulator: Measurement;
  /** emulator rps / bare rps (median rounds); the goal is >= 0.5. */
  ratio: number | null;
  /** The same from each side's fastest round. */
  bestRatio: number | null;
  /** The emulator when every request body is different (no answer memo; issue 14 item 5). */
  unique: Measurement;
  /** unique rps / bare rps (median rounds); the goal is >= 0.5. */
  uniqueRatio: number | null;
  uniqueBestRatio: number | null;
}

/** The suite's output. */
export interface EmulatorJsonResult {
  route: { method: string; path: string; requestBytes: number; responseBytes: number; contentType: string };
  /** The bare handler answered byte-for-byte what the emulator answered. */
  sameBytes: boolean;
  rows: EmulatorJsonRow[];
  goal: number;
}

/** Sends the route once to `origin` and captures the answer. */
export async function recordOnce(origin: string, req: FixedRequest): Promise<RecordedResponse> {
  const res = await request(`${origin}${req.path}`, { method: req.method, headers: req.headers, body: req.body ?? null });
  const body = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: replayableHeaders(res.headers), body };
}

/**
 * Runs the emulator-vs-bare comparison.
 * @example
 * const r = await runEmulatorJson(parseConfig([]));
 * r.rows.find((row) => row.concurrency === 32)?.ratio; // goal >= 0.5
 */
export async function runEmulatorJson(
  config: Pick<BenchConfig, "emulatorConcurrency" | "rounds" | "warmupMs" | "durationMs" | "maxRequests" | "primeMs">,
  log: (line: string) => void = () => {},
): Promise<EmulatorJsonResult> {
  const servers: ChildServer[] = [];
  const dir = mkdtempSync(join(tmpdir(), "edge-ai-bench-"));
  try {
    const emulator = await startEmulatorProcess();
    servers.push(emulator);
    const emuUrl = new URL(emulator.url);
    const body = JSON.stringify(EMULATOR_ROUTE.input);
    const req: FixedRequest = {
      method: "POST",
      path: `${emuUrl.pathname}/accounts/${ACCOUNT_ID}/ai/run/${EMULATOR_ROUTE.model}`,
      headers: { authorization: `Bearer ${API_TOKEN}`, "content-type": "application/json" },
      body,
    };
    const recorded = await recordOnce(emuUrl.origin, req);
    if (recorded.status !== 200) throw new Error(`emulator answered ${recorded.status} to the benchmark route: ${recorded.body.toString("utf8").slice(0, 300)}`);
    const file = join(dir, "recording.json");
    saveRecording(file, recorded);
    const bare = await spawnServer({ entry: serverEntry("bare-server.ts"), args: [file] });
    servers.push(bare);
    const bareOrigin = new URL(bare.url).origin;
    const fromBare = await recordOnce(bareOrigin, req);
    const again = await recordOnce(emuUrl.origin, req);
    const sameBytes = fromBare.body.equals(recorded.body) && again.body.equals(recorded.body);
    log(`emulator-json: route POST ${req.path} (${body.length} B in, ${recorded.body.length} B out), same bytes: ${sameBytes}`);

    const targets = [
      poolTarget("bare", "node:http handler answering the recorded bytes", bareOrigin, req),
      poolTarget("emulator", "edge-ai emulator (packages/mocks/src/cli.ts --no-rate-limits)", emuUrl.origin, req),
      poolTarget("emulator-unique", "edge-ai emulator, every request body different", emuUrl.origin, req, 200, uniqueBody),
    ];
    await primeTargets(targets, config.primeMs);
    const byTarget = await compareTargets(
      targets,
      {
        concurrency: config.emulatorConcurrency,
        rounds: config.rounds,
        warmupMs: config.warmupMs,
        durationMs: config.durationMs,
        maxRequests: config.maxRequests,
        onMeasurement: (name, r) => log(`emulator-json ${name} c=${r.concurrency}: ${r.rps.toFixed(0)} req/s p50 ${r.p50.toFixed(2)} ms p99 ${r.p99.toFixed(2)} ms${r.errors ? ` errors ${r.errors} (${r.firstError})` : ""}`),
      },
    );
    const rows = config.emulatorConcurrency.map((c) => {
      const b = byTarget["bare"]![c]!;
      const e = byTarget["emulator"]![c]!;
      const u = byTarget["emulator-unique"]![c]!;
      return {
        concurrency: c,
        bare: b,
        emulator: e,
        ratio: ratio(e.rps, b.rps),
        bestRatio: ratio(e.bestRps, b.bestRps),
        unique: u,
        uniqueRatio: ratio(u.rps, b.rps),
        uniqueBestRatio: ratio(u.bestRps, b.bestRps),
      };
    });
    return {
      route: { method: "POST", path: req.path, requestBytes: body.length, responseBytes: recorded.body.length, contentType: recorded.headers["content-type"] ?? "" },
      sameBytes,
      rows,
      goal: 0.5,
    };
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}
