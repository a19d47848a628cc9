/**
 * Fault injection, shared by the emulator and the msw handlers. Protocol (others depend on it):
 * `x-emulator-fault: <step>[,<step>...]` and optional `x-emulator-fault-key: <id>`. With a key, the
 * n-th request carrying that key gets the n-th step and, once the list is used up, normal answers;
 * without a key the first step applies every time. Global faults pick a step at a seeded rate.
 */
import { ErrorCode, failure, unauthorized } from "./envelope.js";
import type { MockResponse } from "./mock-response.js";
import { createRng, type Rng } from "./seed.js";

const MAX_KEYS = 10_000;

/** Names of every fault step. */
export const FAULT_STEP_NAMES = [
  "none", "rate-limit", "quota", "capacity", "unauthorized", "forbidden", "server-error", "server-timeout", "html-502",
  "slow-first-byte", "stream-cut", "reset", "json-for-stream", "unavailable", "multi-code", "quota-should-retry",
] as const;

/** One parsed step: its name and optional numeric argument (`rate-limit:5`, `server-error:503`). */
export interface FaultStep {
  name: (typeof FAULT_STEP_NAMES)[number];
  arg?: number;
}

/** Thrown for a malformed fault header or flag; adapters turn it into a 400 envelope. */
export class FaultSyntaxError extends Error {}

/** Parses `rate-limit:2,none` into steps; throws FaultSyntaxError naming the bad step. */
export function parseFaultSteps(spec: string): FaultStep[] {
  return spec.split(",").map((raw) => {
    const text = raw.trim();
    const [name, arg, extra] = text.split(":");
    if (!(FAULT_STEP_NAMES as readonly string[]).includes(name ?? "") || extra !== undefined) {
      throw new FaultSyntaxError(`unknown fault step "${text}"; expected one of ${FAULT_STEP_NAMES.join(", ")}`);
    }
    const step: FaultStep = { name: name as FaultStep["name"] };
    if (arg !== undefined && arg !== "") {
      const value = Number(arg);
      if (!Number.isFinite(value) || value < 0) throw new FaultSyntaxError(`fault step "${text}" needs a non-negative number after ":"`);
      step.arg = value;
    }
    return step;
  });
}

/** Options for faults injected into requests that do not carry the header. */
export interface GlobalFaults {
  /** Probability in [0, 1] that a request gets a fault. */
  rate: number;
  /** Steps to choose from (seeded); defaults to rate-limit, capacity, server-error. */
  steps: FaultStep[];
  seed: number;
}

/**
 * Per-server fault state: key counters for the header protocol, the global fault generator and the
 * request log behind `GET /__emulator/requests?key=`.
 */
export class FaultState {
  private readonly seen = new Map<string, number[]>();
  private readonly rng: Rng | undefined;

  constructor(private readonly global?: GlobalFaults) {
    this.rng = global && global.rate > 0 && global.steps.length > 0 ? createRng(global.seed) : undefined;
  }

  /** Records a keyed request and returns its 1-based ordinal for that key. */
  record(key: string, now = Date.now()): number {
    let list = this.seen.get(key);
    if (!list) {
      // Bounded: a long-lived emulator serving many suites forgets the oldest keys first.
      if (this.seen.size >= MAX_KEYS) this.seen.delete(this.seen.keys().next().value!);
      this.seen.set(key, (list = []));
    }
    list.push(now);
    return list.length;
  }

  /** What the stats endpoint reports for a key. */
  stats(key: string): { key: string; count: number; timestamps: number[] } {
    const timestamps = this.seen.get(key) ?? [];
    return { key, count: timestamps.length, timestamps: [...timestamps] };
  }

  /** Forgets every key (DELETE /__emulator/requests). */
  reset(): void {
    this.seen.clear();
  }

  /**
   * The step that applies to this request, or undefined. Throws FaultSyntaxError on a bad header.
   * Keyed requests are recorded here, so call it exactly once per request.
   */
  stepFor(faultHeader: string | undefined, keyHeader: string | undefined): FaultStep | undefined {
    const ordinal = keyHeader ? this.record(keyHeader) : 0;
    if (faultHeader) {
      const steps = parseFaultSteps(faultHeader);
      if (!keyHeader) return steps[0];
      return steps[ordinal - 1];
    }
    if (this.rng && this.global) {
      if (this.rng.next() < this.global.rate) return this.rng.pick(this.global.steps);
    }
    return undefined;
  }
}

function rateLimitHeaders(retryAfter: number): Record<string, string> {
  return {
    "retry-after": String(retryAfter),
    ratelimit: `"default";r=0;t=${retryAfter}`,
    "ratelimit-policy": `"default";q=300;w=60`,
  };
}

/** A 429 like the real per-task limiter's (also used by the emulator's own rate limiter). */
export function rateLimited(retryAfter: number, headers?: Record<string, string>): MockResponse {
  return failure(429, ErrorCode.rateLimited, "Please wait and consider throttling your request speed", {
    ...rateLimitHeaders(retryAfter),
    ...headers,
  });
}

/** 429 / 3036: the daily neuron allocation is used up (not retryable until 00:00 UTC). */
export function quotaExhausted(): MockResponse {
  const now = new Date();
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return failure(429, ErrorCode.quota, "AiError: InferenceUpstreamError: 3036: you have used up your daily free allocation of 10,000 neurons, please upgrade to Cloudflare's Workers Paid plan if you would like to continue usage.", {
    "retry-after": String(Math.ceil((midnight - now.getTime()) / 1000)),
  });
}

const HTML_502 = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n`;

/**
 * The answer of a terminal step, or undefined for steps that modify the normal answer instead
 * (`none`, `slow-first-byte`, `stream-cut`, `json-for-stream`).
 */
export function terminalFaultResponse(step: FaultStep): MockResponse | undefined {
  switch (step.name) {
    case "rate-limit":
      return rateLimited(step.arg ?? 1);
    case "quota":
      return quotaExhausted();
    case "capacity":
      return failure(429, ErrorCode.capacity, "AiError: AiError: Capacity temporarily exceeded, please try again. (3040)");
    case "unauthorized":
      return unauthorized();
    case "forbidden":
      return failure(403, ErrorCode.forbidden, "Forbidden: the token lacks the Workers AI permission for this account");
    case "server-error": {
      const status = step.arg !== undefined && step.arg >= 500 && step.arg <= 599 ? step.arg : 500;
      return failure(status, ErrorCode.internal, "Internal server error");
    }
    case "server-timeout":
      // 408 / 3007 as the edge answers when inference outlives its limit; the contract marks it retryable.
      return failure(408, ErrorCode.timeout, "AiError: AiError: Request timeout (3007)");
    case "html-502":
      return { status: 502, headers: { "content-type": "text/html" }, body: HTML_502 };
    case "unavailable":
      // 503 + Retry-After <arg> s (default 1), as the emulator's own overload answer (decision 0033).
      return failure(503, undefined, "Service temporarily unavailable", { "retry-after": String(step.arg ?? 1) });
    case "multi-code": {
      // 429 whose errors[] starts with a code no table knows; the second code (default 3036) must decide the kind.
      const res = failure(429, 9999, "An error code this client does not know");
      (res.body as { errors: unknown[] }).errors.push({ code: step.arg ?? ErrorCode.quota, message: "The code that decides" });
      return res;
    }
    case "quota-should-retry":
      // 3036 where the server overrules the table with x-should-retry: true and asks for 1 s.
      return failure(429, ErrorCode.quota, "AiError: 3036: daily free allocation used up (retry allowed by the server)", { "x-should-retry": "true", "retry-after": "1" });
    case "reset":
      return { status: 0, headers: {}, body: null, transport: { reset: true } };
    default:
      return undefined;
  }
}

/** Parses the `--faults` flag / `EMULATOR_FAULTS` value; defaults to the retryable trio. */
export function parseGlobalFaults(rate: number | undefined, list: string | undefined, seed: number): GlobalFaults | undefined {
  if (!rate || rate <= 0) return undefined;
  if (rate > 1) throw new FaultSyntaxError(`fault rate must be within [0, 1], got ${rate}`);
  return { rate, steps: parseFaultSteps(list ?? "rate-limit,capacity,server-error"), seed };
}
