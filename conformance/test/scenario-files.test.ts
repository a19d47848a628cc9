/**
 * The scenario files themselves: valid against scenario.schema.json, unique ids, and coverage of what issue 8
 * promises (every task, both stream dialects, binary and base64 images, every error kind, the retry rules).
 * A scenario file that drifts from these promises fails here before any client runs it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadErrorKinds } from "../src/error-kinds.js";
import { conformanceRoot, createScenarioValidator, loadScenarios, scenarioFiles, scenariosDir } from "../src/load-scenarios.js";
import { listedExceptions } from "../src/exceptions.js";

const repoRoot = join(conformanceRoot, "..");
const scenarios = loadScenarios();
const tasks = Object.keys(parse(readFileSync(join(repoRoot, "openapi/tasks.yaml"), "utf8")) as Record<string, unknown>);
// The catalog is generated from openapi/upstream (models.yaml is only an overlay now): read it from the bundle.
const bundle = JSON.parse(readFileSync(join(repoRoot, "openapi/dist/edge-ai.openapi.json"), "utf8")) as {
  paths: Record<string, { post?: { "x-edge-ai-model"?: { id: string; task: string } } }>;
};
const models = new Map<string, string>(
  Object.values(bundle.paths).flatMap((item) => (item.post?.["x-edge-ai-model"] ? [[item.post["x-edge-ai-model"].id, item.post["x-edge-ai-model"].task] as [string, string]] : [])),
);
const covered = new Set(scenarios.flatMap((s) => s.covers ?? []));

describe("scenario files", () => {
  it.each(scenarioFiles())("%s is valid against scenario.schema.json", (file) => {
    const validate = createScenarioValidator();
    expect(validate(JSON.parse(readFileSync(join(scenariosDir, file), "utf8")))).toEqual([]);
  });

  it("rejects a scenario that breaks the schema", () => {
    const validate = createScenarioValidator();
    const broken = { scenarios: [{ id: "Bad Id", title: "short", call: { model: "gpt-4", input: {} }, expect: { attempts: -1 } }] };
    const errors = validate(broken);
    expect(errors.join("\n")).toMatch(/id/);
    expect(errors.join("\n")).toMatch(/model/);
    expect(errors.join("\n")).toMatch(/attempts/);
  });

  it("holds at least 40 scenarios with unique ids", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
  });

  it("calls only catalogued models, except scenarios that expect not_found", () => {
    const strays = scenarios.filter((s) => !models.has(s.call.model) && s.expect.error?.kind !== "not_found").map((s) => s.id);
    expect(strays).toEqual([]);
  });
});

describe("coverage", () => {
  it("has a successful scenario for every task of the contract", () => {
    const succeeded = new Set(scenarios.filter((s) => s.expect.result).map((s) => models.get(s.call.model)));
    expect(tasks.filter((t) => !succeeded.has(t))).toEqual([]);
  });

  it("streams in both dialects: native events and OpenAI chunks", () => {
    const streamed = scenarios.filter((s) => s.call.stream && s.expect.result?.type === "stream");
    expect(streamed.some((s) => s.covers?.includes("stream:native"))).toBe(true);
    expect(streamed.some((s) => s.covers?.includes("stream:openai"))).toBe(true);
  });

  it("covers binary PNG and JPEG images and the flux base64 image", () => {
    const media = scenarios.filter((s) => s.expect.result?.type === "image").map((s) => (s.expect.result as { mediaType: string }).mediaType);
    expect(new Set(media)).toEqual(new Set(["image/png", "image/jpeg"]));
    expect(covered.has("media:flux-base64")).toBe(true);
  });

  it("expects every error kind of the table at least once, and the table matches the schema's kinds", () => {
    const kinds = Object.keys(loadErrorKinds()).sort();
    const schema = JSON.parse(readFileSync(join(conformanceRoot, "scenario.schema.json"), "utf8")) as { $defs: { ErrorKind: { enum: string[] } } };
    expect([...schema.$defs.ErrorKind.enum].sort()).toEqual(kinds);
    const expected = new Set(scenarios.map((s) => s.expect.error?.kind).filter(Boolean));
    expect(kinds.filter((k) => !expected.has(k as never))).toEqual([]);
  });

  it.each([
    "retry:429-retry-after",
    "retry:3040-retried",
    "retry:3036-not-retried",
    "retry:401-not-retried",
    "retry:5xx-retried",
    "retry:5xx-limit",
    "retry:reset-retried",
    "timeout:slow-first-byte-ok",
    "timeout:slow-first-byte-fails",
    "stream:cut",
    "stream:json-for-stream",
  ])("has a scenario for the rule %s", (rule) => {
    expect(covered.has(rule)).toBe(true);
  });

  it("keeps the 429 rule honest: two attempts at least one Retry-After apart", () => {
    const s = scenarios.find((x) => x.id === "retry-429-waits-retry-after-then-succeeds")!;
    expect(s.emulator?.faults).toEqual(["rate-limit:1"]);
    expect(s.expect.attempts).toBe(2);
    expect(s.expect.minWaitMs).toBeGreaterThanOrEqual(950);
  });

  it("keeps Retry-After at 1 s at most wherever a client is expected to wait for it", () => {
    const waited = scenarios.filter((s) => s.expect.attempts > 1 || s.expect.result);
    const slow = waited.filter((s) => (s.emulator?.faults ?? []).some((f) => /^rate-limit:([2-9]|\d\d)/.test(f)));
    expect(slow.map((s) => s.id)).toEqual([]);
  });

  it("lists in EXCEPTIONS.md only scenarios that exist", () => {
    const ids = new Set(scenarios.map((s) => s.id));
    expect(listedExceptions().filter((e) => !ids.has(e.scenario))).toEqual([]);
  });
});
