/**
 * The soak driver: runs planned calls at a fixed concurrency, races each against its deadline, and then checks
 * every call against the retry policy using the attempt counts the emulator recorded per fault key. It knows
 * nothing about the client's API: the caller passes `execute(plan)`, which must resolve when the call (and, for
 * streams, the whole body) succeeded and reject with whatever the client threw.
 */
import type { CallPlan } from "./fault-plan.js";

/** How one call ended. */
export interface CallOutcome {
  plan: CallPlan;
  ok: boolean;
  /** `kind` of the error, when it was a typed SDK error. */
  errorKind?: string;
  /** Constructor name and message of an error that was not a typed SDK error. */
  untyped?: string;
  /** Whether the call settled before its deadline. */
  settled: boolean;
  ms: number;
}

/** Options of {@link runCalls}. */
export interface RunCallsOptions {
  plans: CallPlan[];
  concurrency: number;
  execute: (plan: CallPlan) => Promise<void>;
  /** Upper bound the call must settle within, from its plan (timeouts × attempts + waits + slack). */
  deadlineMs: (plan: CallPlan) => number;
  /** Recognises typed SDK errors and returns their `kind`; undefined for anything else. */
  kindOf: (error: unknown) => string | undefined;
  /** Called after each call settles with the number settled so far (for memory sampling). */
  onSettled?: (settled: number) => void;
  /** Awaited by the worker after each call, before it starts the next (e.g. to read the call's server stats). */
  afterEach?: (outcome: CallOutcome) => Promise<void>;
}

/** Runs every plan with at most `concurrency` in flight; never rejects. */
export async function runCalls(o: RunCallsOptions): Promise<CallOutcome[]> {
  const outcomes: CallOutcome[] = new Array(o.plans.length);
  let next = 0;
  let settled = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      const plan = o.plans[i];
      if (!plan) return;
      const outcome = await runOne(plan, o);
      outcomes[i] = outcome;
      o.onSettled?.(++settled);
      if (o.afterEach) await o.afterEach(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, o.plans.length) }, worker));
  return outcomes;
}

async function runOne(plan: CallPlan, o: RunCallsOptions): Promise<CallOutcome> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"deadline">((resolve) => {
    timer = setTimeout(() => resolve("deadline"), o.deadlineMs(plan));
  });
  const call = o.execute(plan).then(
    () => ({ ok: true }) as const,
    (error: unknown) => ({ ok: false, error }) as const,
  );
  const first = await Promise.race([call, deadline]);
  clearTimeout(timer);
  const ms = performance.now() - started;
  if (first === "deadline") return { plan, ok: false, settled: false, ms };
  if (first.ok) return { plan, ok: true, settled: true, ms };
  const kind = o.kindOf(first.error);
  if (kind !== undefined) return { plan, ok: false, errorKind: kind, settled: true, ms };
  const e = first.error as { constructor?: { name?: string }; message?: string };
  return { plan, ok: false, untyped: `${e?.constructor?.name ?? typeof e}: ${e?.message ?? String(e)}`, settled: true, ms };
}

/** Server-side record of one fault key. */
export interface KeyStats {
  count: number;
  timestamps: number[];
}

/** Everything the soak report needs; `violations` must be empty for a pass. */
export interface SoakVerdict {
  calls: number;
  faulted: number;
  byFault: Record<string, { calls: number; ok: number; failed: number; attempts: number }>;
  settled: number;
  succeeded: number;
  typedErrors: number;
  untypedErrors: number;
  hung: number;
  attemptsChecked: number;
  maxAttemptsSeen: number;
  violations: string[];
}

/**
 * Checks outcomes against the policy: at most `maxRetries + 1` attempts per call; non-retryable faults (3036,
 * mid-stream cuts) exactly one; retryable faults recover after exactly `repeats + 1` attempts when the policy
 * allows that many, and otherwise fail with the fault's kind after exactly `maxRetries + 1`; Retry-After gaps
 * are honoured. Calls without server stats (not sampled) are checked on outcome only.
 */
export function verifySoak(outcomes: CallOutcome[], stats: Map<string, KeyStats>, maxRetries: number): SoakVerdict {
  const v: SoakVerdict = {
    calls: outcomes.length,
    faulted: 0,
    byFault: {},
    settled: 0,
    succeeded: 0,
    typedErrors: 0,
    untypedErrors: 0,
    hung: 0,
    attemptsChecked: 0,
    maxAttemptsSeen: 0,
    violations: [],
  };
  const bad = (o: CallOutcome, why: string): void => {
    if (v.violations.length < 50) v.violations.push(`call ${o.plan.index} (${o.plan.fault?.name ?? "clean"} x${o.plan.repeats}, ${o.plan.stream ? "stream" : "json"}): ${why}`);
  };
  const maxAttempts = maxRetries + 1;
  for (const o of outcomes) {
    const { fault, repeats } = o.plan;
    if (o.settled) v.settled++;
    else {
      v.hung++;
      bad(o, `did not settle within its deadline (${Math.round(o.ms)} ms)`);
      continue;
    }
    if (o.ok) v.succeeded++;
    else if (o.untyped) {
      v.untypedErrors++;
      bad(o, `untyped error ${o.untyped}`);
    } else v.typedErrors++;
    const s = stats.get(o.plan.key);
    const name = fault?.name ?? "clean";
    const f = (v.byFault[name] ??= { calls: 0, ok: 0, failed: 0, attempts: 0 });
    f.calls++;
    if (o.ok) f.ok++;
    else f.failed++;
    if (fault) v.faulted++;
    const outcomeText = o.ok ? "ok" : (o.errorKind ?? o.untyped);
    if (!fault || fault.benign) {
      if (!o.ok) bad(o, `a call without a failing fault failed: ${outcomeText}`);
    } else if (fault.timing) {
      if (!o.ok && !fault.errorKinds.includes(o.errorKind ?? "")) bad(o, `ended ${outcomeText}, expected ok or ${fault.errorKinds}`);
    } else if (!fault.retryable) {
      if (o.ok || !fault.errorKinds.includes(o.errorKind ?? "")) bad(o, `ended ${outcomeText}, expected ${fault.errorKinds}`);
    } else if (repeats <= maxRetries) {
      if (!o.ok) bad(o, `ended ${outcomeText}, expected recovery after ${repeats} retr${repeats === 1 ? "y" : "ies"}`);
    } else if (o.ok || !fault.errorKinds.includes(o.errorKind ?? "")) bad(o, `ended ${outcomeText}, expected ${fault.errorKinds} after ${maxRetries} retries`);
    if (!s) continue;
    v.attemptsChecked++;
    f.attempts += s.count;
    v.maxAttemptsSeen = Math.max(v.maxAttemptsSeen, s.count);
    if (s.count > maxAttempts) bad(o, `${s.count} attempts exceed the policy's ${maxAttempts}`);
    // Timing faults get only the upper bound: under load an attempt can time out on the client before the server
    // has read it, so the server may count fewer attempts than were made (seen once in 20,000 calls).
    const expected = !fault || fault.benign || !fault.retryable ? 1 : Math.min(repeats, maxRetries) + 1;
    if (!fault?.timing && s.count !== expected) bad(o, `${s.count} attempts, expected ${expected}`);
    if (fault?.minGapMs !== undefined) {
      for (let i = 1; i < Math.min(s.timestamps.length, repeats + 1); i++) {
        const gap = (s.timestamps[i] as number) - (s.timestamps[i - 1] as number);
        // 25 ms of slack: the server stamps arrival, the client starts its timer when the 429 has been read.
        if (gap < fault.minGapMs - 25) bad(o, `retry ${i} came ${gap} ms after the 429, Retry-After asked for ${fault.minGapMs}`);
      }
    }
  }
  return v;
}
