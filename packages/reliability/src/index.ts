/**
 * @edge-ai/reliability: the harness behind the reliability and security suites of issue 7 (private; used by this
 * package's tests and scripts/soak-long.sh). Other packages may reuse the pieces, e.g. to soak another client.
 *
 * @example
 * import { runSoak } from "@edge-ai/reliability";
 * const report = await runSoak({ calls: 2_000, concurrency: 64 });
 * if (report.violations.length > 0) throw new Error(report.violations.join("\n"));
 */

// Soak
export { runSoak, SOAK_TOKEN, type SoakOptions, type SoakReport } from "./soak-session.js";
export { runCalls, verifySoak, type CallOutcome, type KeyStats, type RunCallsOptions, type SoakVerdict } from "./soak.js";
export { FAULT_KINDS, planCalls, createRandom, type CallPlan, type FaultKind, type PlanOptions } from "./fault-plan.js";
export { activeResources, resourceGrowth, settleResources, type ResourceCounts } from "./active-resources.js";
export { trackTimers, type TimerTracker } from "./timer-tracker.js";

// Emulator in a child process, and HTTP at the socket level
export { startEmulatorProcess, type EmulatorProcess, type EmulatorProcessOptions } from "./emulator-process.js";
export { createStatsReader, fetchKeyStats, type StatsReader } from "./emulator-stats.js";
export { rawExchange, slowWriter, postJson, readStream, type RawAnswer, type StreamRead } from "./raw-http.js";

// Fuzzing
export { fuzz } from "./fuzz-run.js";
export { sseDocument, serialize, expectedEvents, cutPoints, splitBytes, splitText, type SSEDocument, type SSEField, type DispatchedEvent } from "./sse-model.js";
export { hostileJsonText, hostileEnvelopeText, hostileNumberText, garbageBodyText } from "./hostile-json.js";
export { modelsWithInputs, type ModelWithInput } from "./model-inputs.js";
export { snapshotPrototypes, prototypeChanges } from "./prototype-guard.js";

// Secrets and figures
export { renderings, findSecret, secretFragments } from "./secret-scan.js";
export { recordFigures, mib } from "./figures.js";
export { suiteSizes, type SuiteSizes } from "./sizes.js";
