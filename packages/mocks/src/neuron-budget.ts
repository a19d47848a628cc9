/**
 * An optional daily neuron budget (off unless configured): once used up, run requests get
 * 429 / 3036 until 00:00 UTC, like the free allocation on the real platform. Costs are rough
 * per-task estimates, documented in the README; they only need to be monotonic and predictable.
 */

const COST_PER_REQUEST: Record<string, number> = {
  "text-embeddings": 2,
  "text-to-image": 60,
  "automatic-speech-recognition": 20,
  "text-to-speech": 20,
  translation: 5,
  summarization: 5,
};

/** Neurons charged for a request of `task`; text generation pays per token (1 neuron / 10 tokens). */
export function neuronCost(task: string, totalTokens = 0): number {
  if (task === "text-generation") return Math.max(1, Math.ceil(totalTokens / 10));
  return COST_PER_REQUEST[task] ?? 1;
}

/** Tracks neurons used today (UTC) against a fixed budget. */
export class NeuronBudget {
  private day = "";
  private used = 0;

  constructor(readonly limit: number) {}

  private roll(now: number): void {
    const day = new Date(now).toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.used = 0;
    }
  }

  /** True while today's budget is not used up. */
  available(now = Date.now()): boolean {
    this.roll(now);
    return this.used < this.limit;
  }

  /** Charges a served request. */
  charge(neurons: number, now = Date.now()): void {
    this.roll(now);
    this.used += neurons;
  }

  /** Neurons used today. */
  usedToday(now = Date.now()): number {
    this.roll(now);
    return this.used;
  }
}
