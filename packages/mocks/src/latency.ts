/**
 * Realistic pacing on request (`latency: "realistic"`, `--latency realistic`): a first-token delay and a token rate
 * chosen by the model's size, so apps can exercise their timeouts and streaming UI as in production. The default
 * stays instant. Pure functions of (model id, event count): the emulator and the adapters only follow the schedule.
 */

/** Pacing profile: milliseconds to the first token, then tokens (SSE events) per second. */
export interface LatencyProfile {
  firstTokenMs: number;
  tokensPerSecond: number;
}

/** `"instant"` (default), `"realistic"` (profile by model size), or a fixed profile. */
export type Latency = "instant" | "realistic" | LatencyProfile;

/**
 * Profiles by parameter count (billions). Representative figures for hosted inference of each size class, not
 * measurements of Workers AI (docs/decisions/0246); pass a LatencyProfile for your own.
 */
const BY_SIZE: ReadonlyArray<{ upTo: number; profile: LatencyProfile }> = [
  { upTo: 3, profile: { firstTokenMs: 150, tokensPerSecond: 120 } },
  { upTo: 15, profile: { firstTokenMs: 250, tokensPerSecond: 80 } },
  { upTo: 40, profile: { firstTokenMs: 400, tokensPerSecond: 45 } },
  { upTo: Number.POSITIVE_INFINITY, profile: { firstTokenMs: 600, tokensPerSecond: 25 } },
];
/** Non-generative models (embeddings, classifiers) and ids without a size. */
const UNSIZED: LatencyProfile = { firstTokenMs: 300, tokensPerSecond: 60 };

/** Parameter count in billions from a model id (`llama-3.1-8b`, `gpt-oss-120b`, `qwen3-30b-a3b`), if it names one. */
export function modelSizeB(modelId: string): number | undefined {
  const m = /(?:^|[-/])(\d+(?:\.\d+)?)b(?:$|[-_.])/i.exec(modelId);
  return m ? Number(m[1]) : undefined;
}

/** The profile a model gets under `latency`, or undefined when pacing is instant. */
export function latencyProfile(latency: Latency | undefined, modelId: string): LatencyProfile | undefined {
  if (latency === undefined || latency === "instant") return undefined;
  if (typeof latency === "object") return latency;
  const size = modelSizeB(modelId);
  const base = size === undefined ? UNSIZED : BY_SIZE.find((b) => size <= b.upTo)!.profile;
  // "-fast" variants are served on faster hardware: half the wait for the first token, 1.5x the rate.
  return /-fast\b/.test(modelId) ? { firstTokenMs: base.firstTokenMs / 2, tokensPerSecond: base.tokensPerSecond * 1.5 } : base;
}

/** When each of `count` events is due, in ms after the response headers: first token, then one per 1/rate seconds. */
export function eventSchedule(profile: LatencyProfile, count: number): number[] {
  const gap = 1000 / profile.tokensPerSecond;
  return Array.from({ length: count }, (_, i) => Math.round(profile.firstTokenMs + i * gap));
}

/** Time a non-streaming answer of `tokens` completion tokens takes under `profile`. */
export function answerDelayMs(profile: LatencyProfile, tokens: number): number {
  return Math.round(profile.firstTokenMs + (tokens * 1000) / profile.tokensPerSecond);
}

/** Parses the `--latency` flag. */
export function parseLatency(raw: string | undefined): Latency | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (raw === "instant" || raw === "realistic") return raw;
  throw new RangeError(`--latency must be "instant" or "realistic", got "${raw}"`);
}
