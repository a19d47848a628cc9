/**
 * The gateway scenarios (conformance/gateway) through @edge-ai/client's `gateway` option against the emulator's
 * AI Gateway form. A scenario with `repeat` is called that many times (fresh client, same fault key); the last
 * outcome is judged, together with the emulator's request log and the last answer's gateway headers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorSession, startEmulatorSession } from "../src/emulator-session.js";
import { loadErrorKinds } from "../src/error-kinds.js";
import { evaluate } from "../src/evaluate.js";
import { evaluateGateway, gatewayScenariosDir, lastGatewayInfo } from "../src/gateway.js";
import { loadScenarios } from "../src/load-scenarios.js";
import type { Outcome } from "../src/outcome.js";
import { runWithTypeScriptClient } from "../src/typescript-runner.js";

const scenarios = loadScenarios(gatewayScenariosDir);
const kinds = loadErrorKinds();

let emulator: EmulatorSession;
beforeAll(async () => {
  emulator = await startEmulatorSession();
});
afterAll(async () => {
  await emulator?.close();
});

describe("@edge-ai/client conformance through AI Gateway", () => {
  it("has gateway scenarios, each with a gateway and unique to this folder", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    expect(scenarios.every((s) => (s.call as { gateway?: unknown }).gateway !== undefined)).toBe(true);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))("%s", async (_id, scenario) => {
    const key = emulator.newFaultKey(scenario.id);
    const repeat = (scenario.call as { repeat?: number }).repeat ?? 1;
    let outcome: Outcome | undefined;
    for (let i = 0; i < repeat; i++) outcome = await runWithTypeScriptClient(scenario, emulator.baseUrl, key, kinds);
    const failures = [...evaluate(scenario, outcome!, await emulator.stats(key)), ...evaluateGateway(scenario, lastGatewayInfo(key))];
    expect(failures, `${scenario.file} › ${scenario.id}: ${scenario.title}`).toEqual([]);
  });
});
