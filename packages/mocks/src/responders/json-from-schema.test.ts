import { describe, expect, it } from "vitest";
import { createRng } from "../seed.js";
import { valueFromSchema } from "./json-from-schema.js";

describe("valueFromSchema", () => {
  it("fills every declared property with a value of its type", () => {
    const value = valueFromSchema(
      { type: "object", properties: { name: { type: "string" }, age: { type: "integer", minimum: 18, maximum: 30 }, tags: { type: "array", items: { type: "string" }, minItems: 2 }, ok: { type: "boolean" } } },
      createRng(1),
    ) as Record<string, unknown>;
    expect(typeof value["name"]).toBe("string");
    expect(Number.isInteger(value["age"])).toBe(true);
    expect(value["age"]).toBeGreaterThanOrEqual(18);
    expect(value["age"]).toBeLessThanOrEqual(30);
    expect((value["tags"] as unknown[]).length).toBeGreaterThanOrEqual(2);
    expect(typeof value["ok"]).toBe("boolean");
  });

  it("honours enum, const, anyOf, nullable type arrays and string lengths", () => {
    const rng = createRng(2);
    expect(["a", "b"]).toContain(valueFromSchema({ enum: ["a", "b"] }, rng));
    expect(valueFromSchema({ const: 7 }, rng)).toBe(7);
    expect(typeof valueFromSchema({ anyOf: [{ type: "number" }, { type: "string" }] }, rng)).toBe("number");
    expect(typeof valueFromSchema({ type: ["null", "string"] }, rng)).toBe("string");
    expect((valueFromSchema({ type: "string", maxLength: 3 }, rng) as string).length).toBeLessThanOrEqual(3);
    expect((valueFromSchema({ type: "string", minLength: 40 }, rng) as string).length).toBeGreaterThanOrEqual(40);
  });

  it("stops at a bounded depth on recursive-looking schemas", () => {
    const deep: Record<string, unknown> = { type: "object", properties: {} };
    let cursor = deep;
    for (let i = 0; i < 20; i++) {
      const next = { type: "object", properties: {} };
      (cursor["properties"] as Record<string, unknown>)["child"] = next;
      cursor = next;
    }
    expect(JSON.stringify(valueFromSchema(deep, createRng(3))).split("child").length - 1).toBeLessThanOrEqual(6);
  });

  it("keeps answers small when a caller's schema asks for absurd sizes", () => {
    const value = valueFromSchema({ type: "object", properties: { a: { type: "array", minItems: 1e9, items: { type: "string", minLength: 1e9 } } } }, createRng(4)) as { a: string[] };
    expect(value.a.length).toBeLessThanOrEqual(20);
    expect(value.a[0]!.length).toBeLessThanOrEqual(10_000);
  });

  it("is deterministic for a seed", () => {
    const schema = { type: "object", properties: { city: { type: "string" }, n: { type: "number" } } };
    expect(valueFromSchema(schema, createRng(9))).toEqual(valueFromSchema(schema, createRng(9)));
  });
});
