/**
 * Reads every scenario file under conformance/scenarios, validates it against scenario.schema.json and checks
 * that ids are unique. Both runners read the same files; this is the TypeScript side's reader.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { LoadedScenario, Scenario } from "./scenario.js";

/** The conformance/ folder (scenarios, schema, error-kind table). */
export const conformanceRoot = fileURLToPath(new URL("..", import.meta.url));

/** Where scenario files live; every `*.json` in it is a scenario file. */
export const scenariosDir = join(conformanceRoot, "scenarios");

/** Thrown when a scenario file breaks the schema or reuses an id; names the file and the problem. */
export class ScenarioFileError extends Error {}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8")) as unknown;
}

/** A compiled validator of scenario.schema.json; returns the schema errors of one parsed file (empty = valid). */
export function createScenarioValidator(): (data: unknown) => string[] {
  // strictRequired off: the oneOf in Expect names "error"/"result" under `not`, which strict mode flags.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  const validate = ajv.compile(readJson(join(conformanceRoot, "scenario.schema.json")) as object);
  return (data) => {
    if (validate(data)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}`);
  };
}

/** Names of the scenario files, sorted so both runners list scenarios in the same order. */
export function scenarioFiles(dir = scenariosDir): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
}

/** Loads, validates and flattens every scenario file; throws ScenarioFileError on the first broken file. */
export function loadScenarios(dir = scenariosDir): LoadedScenario[] {
  const validate = createScenarioValidator();
  const seen = new Map<string, string>();
  const all: LoadedScenario[] = [];
  for (const file of scenarioFiles(dir)) {
    const data = readJson(join(dir, file));
    const errors = validate(data);
    if (errors.length > 0) throw new ScenarioFileError(`${file}: ${errors.join("; ")}`);
    for (const s of (data as { scenarios: Scenario[] }).scenarios) {
      const other = seen.get(s.id);
      if (other) throw new ScenarioFileError(`${file}: scenario id "${s.id}" is also used in ${other}`);
      seen.set(s.id, file);
      all.push({ ...s, file });
    }
  }
  return all;
}
