/**
 * One complete soak: emulator child, a client with the default retry policy, planned faulted calls at fixed
 * concurrency, then the checks issue 7 asks for: every call settled in time with a result or a typed error, no
 * unhandled rejection, nothing left active after `ai.close()`, attempts per call within the policy (3036 never
 * retried), and RSS at start and end. Used by the CI test (2,000 calls) and the long run (20,000).
 */
import { EdgeAI, EdgeAIError } from "@edge-ai/client";
import { Agent, fetch as undiciFetch } from "undici";
import { activeResources, type ResourceCounts, settleResources } from "./active-resources.js";
import { startEmulatorProcess } from "./emulator-process.js";
import { createStatsReader } from "./emulator-stats.js";
import { type CallPlan, planCalls } from "./fault-plan.js";
import { mib } from "./figures.js";
import { trackTimers } from "./timer-tracker.js";
import { type KeyStats, runCalls, type SoakVerdict, verifySoak } from "./soak.js";

/** The token of the soak client; the secret-hygiene suite looks for it too. */
export const SOAK_TOKEN = "soak-secret-token-4f1c9a7be2d84c0e9b1a";
const TEXT_MODEL = "@cf/meta/llama-3.1-8b-instruct-fast";
const EMBEDDING_MODEL = "@cf/baai/bge-base-en-v1.5";
const MAX_RETRIES = 2;
/** Per-attempt limits: generous for normal calls, short for calls whose fault is a slow first byte. */
const NORMAL_TIMEOUT_MS = 10_000;
const SLOW_FAULT_TIMEOUT_MS = 500;

/** Options of {@link runSoak}. */
export interface SoakOptions {
  calls: number;
  concurrency: number;
  faultRate?: number;
  seed?: number;
  /** Share of clean calls whose attempt count is also checked server-side (faulted calls always are). */
  cleanSampleRate?: number;
  /**
   * "undici" (default): the client's own keep-alive Agent, limits enforced by undici. "fetch": the client's fetch
   * transport over undici's fetch with a private Agent, where first-byte and idle limits are JS timers.
   */
  transport?: "undici" | "fetch";
}

/** The figures of one soak, plus the verdict whose `violations` must be empty. */
export interface SoakReport extends SoakVerdict {
  concurrency: number;
  transport: "undici" | "fetch";
  seconds: number;
  unhandledRejections: string[];
  leakedAfterClose: ResourceCounts;
  /** Timers (ref'd or not) created during the soak outside this harness and still pending after `ai.close()`. */
  pendingTimersAfterClose: string[];
  rssStartMiB: number;
  rssEndMiB: number;
  heapStartMiB: number;
  heapEndMiB: number;
  /** Memory outside the JS heap (Buffers, native): where RSS growth with a flat heap would show. */
  externalStartMiB: number;
  externalEndMiB: number;
  emulatorRssStartMiB: number;
  emulatorRssEndMiB: number;
  p50ms: number;
  p99ms: number;
  /** RSS after every tenth of the calls (after a GC when the process runs with --expose-gc). */
  rssSamplesMiB: number[];
  gcExposed: boolean;
}

function deadlineFor(plan: CallPlan): number {
  const attempt = plan.fault?.timing ? SLOW_FAULT_TIMEOUT_MS : NORMAL_TIMEOUT_MS;
  // Every attempt may use its whole limit; between attempts: backoff (<= 1 s here) or Retry-After (1 s); plus
  // slack for queueing behind 63 other calls on a shared 2-core machine.
  return (MAX_RETRIES + 1) * attempt + MAX_RETRIES * 2_000 + 10_000;
}

/** Runs the soak end to end and returns its report; never throws for call failures (they are in the report). */
export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const emu = await startEmulatorProcess({ rateLimits: false });
  const unhandled: string[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(String((reason as Error)?.stack ?? reason));
  };
  process.on("unhandledRejection", onUnhandled);
  try {
    const emuStart = await emu.memory(true);
    const baseline = activeResources();
    const timers = trackTimers();
    const transport = o.transport ?? "undici";
    // With the fetch transport the caller owns the connection pool; this one is closed after the client.
    const pool = transport === "fetch" ? new Agent({ keepAliveTimeout: 1_000 }) : undefined;
    const ai = new EdgeAI({
      accountId: "0123456789abcdef0123456789abcdef",
      apiToken: SOAK_TOKEN,
      baseUrl: emu.url,
      maxRetries: MAX_RETRIES,
      timeout: NORMAL_TIMEOUT_MS,
      ...(pool ? { fetch: (url: string, init: RequestInit) => undiciFetch(url, { ...(init as object), dispatcher: pool }) as unknown as Promise<Response> } : {}),
    });
    const plans = planCalls({
      calls: o.calls,
      faultRate: o.faultRate ?? 0.1,
      streamRate: 0.3,
      maxRetries: MAX_RETRIES,
      seed: o.seed ?? 7,
      runId: `soak-${process.pid}-${Date.now()}`,
    });
    const execute = async (plan: CallPlan): Promise<void> => {
      const headers: Record<string, string> = { "x-emulator-fault-key": plan.key };
      if (plan.faultHeader) headers["x-emulator-fault"] = plan.faultHeader;
      const slow = plan.fault?.timing === true;
      if (plan.stream) {
        const stream = await ai.run(TEXT_MODEL, { prompt: `soak ${plan.index}`, stream: true }, {
          headers,
          ...(slow ? { streamTimeouts: { firstByte: SLOW_FAULT_TIMEOUT_MS } } : {}),
        });
        for await (const _chunk of stream as AsyncIterable<unknown>) {
          // drain: a stream only succeeds once [DONE] arrived
        }
      } else if (plan.index % 2 === 0) {
        await ai.run(TEXT_MODEL, { prompt: `soak ${plan.index}` }, { headers, ...(slow ? { timeout: SLOW_FAULT_TIMEOUT_MS } : {}) });
      } else {
        await ai.run(EMBEDDING_MODEL, { text: [`soak ${plan.index}`] }, { headers, ...(slow ? { timeout: SLOW_FAULT_TIMEOUT_MS } : {}) });
      }
    };
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const rssStart = process.memoryUsage();
    const rssSamples: number[] = [];
    const sampleEvery = Math.max(1, Math.floor(o.calls / 10));
    // Each sampled call's attempt log is read as soon as it settles: the emulator keeps only the newest 10,000 keys.
    const statsEvery = Math.max(1, Math.round(1 / (o.cleanSampleRate ?? 0.1)));
    const stats = new Map<string, KeyStats>();
    const statsErrors: string[] = [];
    const reader = createStatsReader(emu.url);
    const started = performance.now();
    const outcomes = await runCalls({
      plans,
      concurrency: o.concurrency,
      execute,
      deadlineMs: deadlineFor,
      kindOf: (e) => (e instanceof EdgeAIError ? e.kind : undefined),
      onSettled: (n) => {
        if (n % sampleEvery !== 0) return;
        gc?.();
        rssSamples.push(mib(process.memoryUsage().rss));
      },
      afterEach: async ({ plan }) => {
        if (!plan.fault && plan.index % statsEvery !== 0) return;
        try {
          stats.set(plan.key, await reader.read(plan.key));
        } catch (e) {
          statsErrors.push(String(e));
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    // The stats reader's sockets are not the client's: close them before counting what the client left behind.
    reader.close();
    await ai.close();
    await pool?.close();
    const leakedAfterClose = await settleResources(baseline);
    // The harness's own timers (deadline races, polling) live in this package and are ignored. undici's shared
    // 500 ms tick stops itself once its last timer is gone (up to two ticks), so poll like settleResources does.
    const foreignTimers = () => timers.pending().filter((frame) => !frame.includes("packages/reliability/"));
    for (const until = Date.now() + 3_000; foreignTimers().length > 0 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
    const pendingTimersAfterClose = foreignTimers();
    timers.stop();
    // Let any late rejection surface before the listener goes.
    await new Promise((r) => setTimeout(r, 50));
    gc?.();
    const rssEnd = process.memoryUsage();
    const emuEnd = await emu.memory(true);
    const verdict = verifySoak(outcomes, stats, MAX_RETRIES);
    verdict.violations.push(...statsErrors.slice(0, 10).map((e) => `could not read server stats: ${e}`));
    const times = outcomes.map((x) => x.ms).sort((a, b) => a - b);
    return {
      ...verdict,
      concurrency: o.concurrency,
      transport,
      seconds: Math.round(seconds * 10) / 10,
      unhandledRejections: unhandled,
      leakedAfterClose,
      pendingTimersAfterClose,
      rssStartMiB: mib(rssStart.rss),
      rssEndMiB: mib(rssEnd.rss),
      heapStartMiB: mib(rssStart.heapUsed),
      heapEndMiB: mib(rssEnd.heapUsed),
      externalStartMiB: mib(rssStart.external),
      externalEndMiB: mib(rssEnd.external),
      emulatorRssStartMiB: mib(emuStart.rss),
      emulatorRssEndMiB: mib(emuEnd.rss),
      p50ms: Math.round(times[Math.floor(times.length * 0.5)] ?? 0),
      p99ms: Math.round(times[Math.floor(times.length * 0.99)] ?? 0),
      rssSamplesMiB: rssSamples,
      gcExposed: gc !== undefined,
    };
  } finally {
    process.off("unhandledRejection", onUnhandled);
    await emu.close();
  }
}
