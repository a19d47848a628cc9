/**
 * The async batch lifecycle (`?queueRequest=true`): submit answers `queued`; each poll of the
 * request_id advances it, queued → running → done; the final answer lists responses out of order,
 * as the real queue does, so clients must reorder by `id`.
 */
import { createRng, seededUuid } from "../seed.js";

interface Job {
  model: string;
  polls: number;
  seed: number;
  results: Array<{ id: number; result: unknown; success: boolean; external_reference: string | null }>;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

/** Batch jobs of one server (or one msw handler set). Bounded: the oldest jobs are forgotten. */
export class BatchStore {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly capacity = 1000) {}

  /**
   * Queues a batch whose per-request results are already computed (responders are pure, so
   * computing them up front changes nothing observable and keeps polling trivial).
   */
  submit(model: string, seed: number, results: Job["results"], usage: Job["usage"]): Record<string, unknown> {
    let id = seededUuid(seed);
    for (let n = 1; this.jobs.has(id); n++) id = seededUuid(seed + n); // same body twice: two jobs
    if (this.jobs.size >= this.capacity) this.jobs.delete(this.jobs.keys().next().value!);
    this.jobs.set(id, { model, polls: 0, seed, results, usage });
    return { status: "queued", request_id: id, model };
  }

  /** Advances and reports a job; undefined when the id is unknown. */
  poll(requestId: string): Record<string, unknown> | undefined {
    const job = this.jobs.get(requestId);
    if (!job) return undefined;
    job.polls++;
    if (job.polls === 1) return { status: "queued", request_id: requestId, model: job.model };
    if (job.polls === 2) return { status: "running", request_id: requestId, model: job.model };
    return { responses: outOfOrder(job.results, job.seed), usage: job.usage };
  }
}

function outOfOrder<T>(items: T[], seed: number): T[] {
  if (items.length < 2) return [...items];
  const rng = createRng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  if (out.every((item, i) => item === items[i])) out.push(out.shift()!); // never in submission order
  return out;
}
