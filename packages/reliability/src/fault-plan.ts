/**
 * What the soak sends: for each call, whether it streams and which fault (if any) the emulator injects, how many
 * attempts in a row get it, and therefore what the client must do under its retry policy. Faults use the
 * emulator's keyed protocol (`x-emulator-fault` + `x-emulator-fault-key`), so the n-th attempt of a call gets the
 * n-th step and the server can count attempts per call afterwards.
 */

/** One injectable fault and what the client's policy says about it. */
export interface FaultKind {
  name: string;
  /** The emulator fault step. */
  step: string;
  /** Only meaningful on streaming calls. */
  streamOnly?: boolean;
  /** Whether the client retries it (3036 and mid-stream failures are never retried). */
  retryable: boolean;
  /** Error kinds a call may end with when the fault outlasts the retries (or is not retryable). */
  errorKinds: string[];
  /** The fault is a delay; the client's timeout turns it into an error, so timing-based slack applies. */
  timing?: boolean;
  /** Minimum gap the server must see between attempts (Retry-After), in ms. */
  minGapMs?: number;
  /** The fault does not fail the call at all (e.g. JSON answer to a stream request). */
  benign?: boolean;
}

/** Every fault kind of issue 7, plus the HTML 502 of a proxy and the JSON-for-stream fallback. */
export const FAULT_KINDS: readonly FaultKind[] = [
  { name: "rate-limit", step: "rate-limit:1", retryable: true, errorKinds: ["rate_limited"], minGapMs: 1_000 },
  { name: "capacity-3040", step: "capacity", retryable: true, errorKinds: ["capacity"] },
  { name: "quota-3036", step: "quota", retryable: false, errorKinds: ["quota_exhausted"] },
  { name: "server-503", step: "server-error:503", retryable: true, errorKinds: ["server"] },
  { name: "html-502", step: "html-502", retryable: true, errorKinds: ["server"] },
  { name: "reset", step: "reset", retryable: true, errorKinds: ["connection"] },
  { name: "slow-first-byte", step: "slow-first-byte:1500", retryable: true, errorKinds: ["timeout"], timing: true },
  { name: "stream-cut", step: "stream-cut:2", streamOnly: true, retryable: false, errorKinds: ["stream", "connection"] },
  { name: "json-for-stream", step: "json-for-stream", streamOnly: true, retryable: false, errorKinds: [], benign: true },
];

/** One planned call. */
export interface CallPlan {
  index: number;
  /** Unique per call: the server counts attempts under it. */
  key: string;
  stream: boolean;
  fault: FaultKind | undefined;
  /** How many consecutive attempts get the fault (1..maxRetries+1). */
  repeats: number;
  /** The `x-emulator-fault` value, or undefined for a clean call. */
  faultHeader: string | undefined;
}

/** Small deterministic PRNG (mulberry32) so a failing soak can be replayed from its seed. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options of {@link planCalls}. */
export interface PlanOptions {
  calls: number;
  /** Share of calls that get a fault (0.1 = 10 %). */
  faultRate: number;
  /** Share of calls that stream. */
  streamRate: number;
  maxRetries: number;
  seed: number;
  /** Prefix of the fault keys, unique per run so runs sharing an emulator never mix counts. */
  runId: string;
}

/**
 * Plans `calls` calls. A faulted call gets the least-used kind that fits it (stream-only kinds need a streaming
 * call), so every kind gets a fair share even though only some calls stream.
 */
export function planCalls(o: PlanOptions): CallPlan[] {
  const random = createRandom(o.seed);
  const plans: CallPlan[] = [];
  const used = new Map<FaultKind, number>(FAULT_KINDS.map((k) => [k, 0]));
  for (let index = 0; index < o.calls; index++) {
    const stream = random() < o.streamRate;
    let fault: FaultKind | undefined;
    if (random() < o.faultRate) {
      for (const k of FAULT_KINDS) {
        if ((k.streamOnly && !stream) || (fault && (used.get(k) as number) >= (used.get(fault) as number))) continue;
        fault = k;
      }
      if (fault) used.set(fault, (used.get(fault) as number) + 1);
    }
    // Retryable faults: from one failed attempt up to one more than the policy allows, so both "recovers" and
    // "gives up after exactly maxRetries retries" happen.
    const repeats = fault?.retryable ? 1 + Math.floor(random() * (o.maxRetries + 1)) : 1;
    const faultHeader = fault ? Array.from({ length: repeats }, () => fault.step).join(",") : undefined;
    plans.push({ index, key: `${o.runId}-${index}`, stream, fault, repeats, faultHeader });
  }
  return plans;
}
