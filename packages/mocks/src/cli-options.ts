/**
 * Command-line and environment parsing of the emulator, separate from cli.ts so it can be tested
 * without starting a server.
 */
import { parseArgs } from "node:util";
import { FaultSyntaxError, parseGlobalFaults } from "./faults.js";
import { parseLatency } from "./latency.js";
import type { EmulatorOptions } from "./emulator/server.js";

/** The --help text. */
export const USAGE = `Usage: edge-ai-emulator [options]
  --port N            port to listen on (default 8787; 0 picks a free port)
  --host H            interface to bind (default 127.0.0.1)
  --token T           accept only this bearer token (repeatable; default: any non-empty token)
  --quiet             no per-request log line
  --no-rate-limits    disable the per-task rate limits
  --neuron-budget N   daily neuron budget; 429/3036 once used up (default: off)
  --fault-rate R      probability in [0,1] of a global fault per request (default 0)
  --faults LIST       steps global faults choose from (default rate-limit,capacity,server-error)
  --pacing-ms N       milliseconds between SSE events (default 0)
  --latency L         instant (default) or realistic: first-token delay and tokens/s by model size
  --seed N            seed of the global fault generator (default 1)
Environment: EDGE_AI_EMULATOR_TOKENS (comma list), EDGE_AI_EMULATOR_FAULT_RATE, EDGE_AI_EMULATOR_FAULTS,
  EDGE_AI_EMULATOR_PACING_MS, EDGE_AI_EMULATOR_NEURON_BUDGET, EDGE_AI_EMULATOR_LATENCY; flags win over the environment.`;

function number(name: string, raw: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new FaultSyntaxError(`${name} must be a number in [${min}, ${max}], got "${raw}"`);
  return value;
}

function latencyFlag(raw: string | undefined): EmulatorOptions["latency"] {
  try {
    return parseLatency(raw);
  } catch (error) {
    throw new FaultSyntaxError((error as Error).message);
  }
}

/** Parses argv + environment into emulator options; throws with a message naming the bad flag. */
export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): EmulatorOptions & { help?: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      token: { type: "string", multiple: true },
      quiet: { type: "boolean" },
      "no-rate-limits": { type: "boolean" },
      "neuron-budget": { type: "string" },
      "fault-rate": { type: "string" },
      faults: { type: "string" },
      "pacing-ms": { type: "string" },
      latency: { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  const tokens = values.token ?? env["EDGE_AI_EMULATOR_TOKENS"]?.split(",").map((t) => t.trim()).filter(Boolean);
  const faultRate = number("--fault-rate", values["fault-rate"] ?? env["EDGE_AI_EMULATOR_FAULT_RATE"], 0, 1);
  const faults = values.faults ?? env["EDGE_AI_EMULATOR_FAULTS"];
  const seed = number("--seed", values.seed, 0) ?? 1;
  parseGlobalFaults(faultRate, faults, seed); // validate the step list now, not at the first request
  return {
    help: values.help,
    port: number("--port", values.port, 0, 65535) ?? 8787,
    host: values.host ?? "127.0.0.1",
    tokens,
    quiet: values.quiet ?? false,
    rateLimits: !values["no-rate-limits"],
    neuronBudget: number("--neuron-budget", values["neuron-budget"] ?? env["EDGE_AI_EMULATOR_NEURON_BUDGET"], 0),
    faultRate,
    faults,
    pacingMs: number("--pacing-ms", values["pacing-ms"] ?? env["EDGE_AI_EMULATOR_PACING_MS"], 0, 60_000),
    latency: latencyFlag(values.latency ?? env["EDGE_AI_EMULATOR_LATENCY"]),
    seed,
  };
}

