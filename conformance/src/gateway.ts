/**
 * The AI Gateway part of the conformance runner: the client option for a scenario's `call.gateway`, the gateway
 * answer headers each run saw (captured per fault key through the client's `onResponse`), and the judgement of
 * `expect.gateway`. Gateway scenarios live in conformance/gateway/ (docs/ai-gateway.md).
 */
import { join } from "node:path";
import type { GatewayOptions, GatewayResponseInfo } from "@edge-ai/client";
import { conformanceRoot } from "./load-scenarios.js";
import type { Scenario } from "./scenario.js";

/** Where gateway scenario files live (same schema as conformance/scenarios). */
export const gatewayScenariosDir = join(conformanceRoot, "gateway");

/** A scenario's gateway settings (scenario.schema.json#/$defs/Gateway). */
export interface GatewaySettings {
  id: string;
  authorization?: string;
  cacheTtl?: number;
  skipCache?: boolean;
  cacheKey?: string;
  collectLog?: boolean;
}

/** What `expect.gateway` may require of the last call's gateway headers. */
export interface GatewayExpectation {
  cacheStatus?: "HIT" | "MISS";
  logId?: boolean;
}

const lastSeen = new Map<string, GatewayResponseInfo>();

/** The gateway headers of the last answer a run with this fault key received, if it went through the gateway. */
export function lastGatewayInfo(faultKey: string): GatewayResponseInfo | undefined {
  return lastSeen.get(faultKey);
}

/** Extra client options for a scenario: `{ gateway }` pointing at the emulator's gateway form, or nothing. */
export function gatewayClientOptions(scenario: Scenario, baseUrl: string, faultKey: string): { gateway?: GatewayOptions } {
  const g = (scenario.call as { gateway?: GatewaySettings }).gateway;
  if (!g) return {};
  return {
    gateway: { ...g, baseUrl: `${new URL(baseUrl).origin}/v1`, onResponse: (info) => void lastSeen.set(faultKey, info) },
  };
}

/** Every way the captured gateway headers differ from `expect.gateway` (empty = fine or nothing expected). */
export function evaluateGateway(scenario: Scenario, info: GatewayResponseInfo | undefined): string[] {
  const want = (scenario.expect as { gateway?: GatewayExpectation }).gateway;
  if (!want) return [];
  if (!info) return ["gateway: no answer went through the gateway"];
  const failures: string[] = [];
  if (want.cacheStatus !== undefined && info.cacheStatus !== want.cacheStatus) failures.push(`gateway cache status: expected ${want.cacheStatus}, got ${info.cacheStatus ?? "none"}`);
  if (want.logId !== undefined && (info.logId !== undefined) !== want.logId) failures.push(`gateway log id: expected ${want.logId ? "one" : "none"}, got ${info.logId ?? "none"}`);
  return failures;
}
