import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Check, jsonEquals, parsePath, runChecks, select } from "./json-checks.js";
import { conformanceRoot } from "./load-scenarios.js";

describe("parsePath", () => {
  it("splits keys, indexes and wildcards", () => {
    expect(parsePath("data[0].label")).toEqual([{ key: "data" }, { index: 0 }, { key: "label" }]);
    expect(parsePath("[*].score")).toEqual([{ all: true }, { key: "score" }]);
    expect(parsePath("")).toEqual([]);
  });

  it("rejects a path with a stray character", () => {
    expect(() => parsePath("data[x]")).toThrow(/bad path/);
  });
});

describe("select", () => {
  it("fans out over every element for [*]", () => {
    expect(select({ a: [{ b: 1 }, { b: 2 }] }, "a[*].b").map((s) => s.value)).toEqual([1, 2]);
  });

  it("reports an empty array under [*] as one missing value", () => {
    expect(select({ a: [] }, "a[*]")).toEqual([{ at: "a[*]", value: undefined }]);
  });
});

describe("runChecks", () => {
  const result = { response: "Paris.", usage: { total_tokens: 12 }, data: [[0.1, 0.2], [0.3, 0.4]], image: Buffer.from([0xff, 0xd8, 0xff, 1]).toString("base64") };

  it("passes when every check holds", () => {
    expect(
      runChecks(result, [
        { path: "response", type: "string", minLength: 1, pattern: "^P" },
        { path: "usage.total_tokens", type: "integer", minimum: 1 },
        { path: "data", type: "array", minLength: 2, maxLength: 2 },
        { path: "data[*]", minLength: 2 },
        { path: "data[1][0]", equals: 0.3 },
        { path: "image", base64MagicHex: "ffd8ff" },
        { path: "tool_calls", absent: true },
        { path: "response", oneOf: ["Paris.", "Lyon."] },
      ]),
    ).toEqual([]);
  });

  it("names the path and the rule of each failure", () => {
    const failures = runChecks(result, [
      { path: "response", type: "number" },
      { path: "usage.prompt_tokens", type: "integer" },
      { path: "data", minLength: 3 },
      { path: "image", base64MagicHex: "89504e47" },
      { path: "response", absent: true },
    ]);
    expect(failures).toEqual([
      "response: expected number, got string",
      "usage.prompt_tokens: missing",
      "data: length 2 < 3",
      "image: not base64 starting with bytes 89504e47",
      'response: expected absent, got "Paris."',
    ]);
  });

  it("treats integers as numbers but not numbers as integers", () => {
    expect(runChecks({ n: 2 }, [{ path: "n", type: "number" }])).toEqual([]);
    expect(runChecks({ n: 2.5 }, [{ path: "n", type: "integer" }])).toHaveLength(1);
  });
});

describe("jsonEquals", () => {
  it("ignores key order and undefined members", () => {
    expect(jsonEquals({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(true);
    expect(jsonEquals({ a: 1 }, { a: 2 })).toBe(false);
  });
});

describe("shared fixtures (also run by the C# runner)", () => {
  const fixtures = JSON.parse(readFileSync(join(conformanceRoot, "checks-fixtures.json"), "utf8")) as {
    cases: Array<{ name: string; value: unknown; checks: Check[]; failures: string[] }>;
  };
  it.each(fixtures.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(runChecks(c.value, c.checks)).toEqual(c.failures);
  });
});
