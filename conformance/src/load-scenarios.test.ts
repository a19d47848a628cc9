import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenarios, ScenarioFileError } from "./load-scenarios.js";

const scenario = (id: string) => ({
  id,
  title: "A scenario used by the loader tests.",
  call: { model: "@cf/meta/llama-3.1-8b-instruct-fast", input: { prompt: "Hi." } },
  expect: { result: { type: "json" }, attempts: 1 },
});

function dirWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "conformance-scenarios-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(content));
  return dir;
}

describe("loadScenarios", () => {
  it("flattens every file in name order and remembers the file of each scenario", () => {
    const dir = dirWith({ "b.json": { scenarios: [scenario("two")] }, "a.json": { scenarios: [scenario("one")] } });
    expect(loadScenarios(dir).map((s) => [s.file, s.id])).toEqual([["a.json", "one"], ["b.json", "two"]]);
  });

  it("rejects an id used in two files, naming both", () => {
    const dir = dirWith({ "a.json": { scenarios: [scenario("same")] }, "b.json": { scenarios: [scenario("same")] } });
    expect(() => loadScenarios(dir)).toThrow(new ScenarioFileError('b.json: scenario id "same" is also used in a.json'));
  });

  it("rejects a file that breaks the schema, naming the file", () => {
    const dir = dirWith({ "bad.json": { scenarios: [{ ...scenario("x"), expect: { attempts: 1 } }] } });
    expect(() => loadScenarios(dir)).toThrow(/^bad\.json: .*expect/);
  });
});
