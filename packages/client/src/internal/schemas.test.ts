import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { schemaNamed } from "./schemas.js";

const src = fileURLToPath(new URL("..", import.meta.url));

/** Every schema name the resources pass to validateRequest/validateResponse, read from their source. */
function namesUsedInSource(): string[] {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) {
        for (const m of readFileSync(path, "utf8").matchAll(/validate(?:Request|Response)\("([^"]+)"/g)) names.add(m[1] as string);
      }
    }
  };
  walk(src);
  return [...names].sort();
}

describe("schemaNamed", () => {
  it("resolves every schema name the client validates with (a typo would silently skip a check)", () => {
    const names = namesUsedInSource();
    expect(names).toContain("ChatCompletionRequest");
    expect(names).toContain("Model[]");
    for (const name of names) expect(schemaNamed(name), name).toBeDefined();
  });

  it("turns Name[] into an array of the component", () => {
    const list = schemaNamed("Task[]");
    expect(list?.safeParse([]).success).toBe(true);
    expect(list?.safeParse({}).success).toBe(false);
  });

  it("returns undefined for a name the contract does not have, and the same schema on every call", () => {
    expect(schemaNamed("NoSuchComponent")).toBeUndefined();
    expect(schemaNamed("NoSuchComponent[]")).toBeUndefined();
    expect(schemaNamed("ChatCompletion")).toBe(schemaNamed("ChatCompletion"));
  });
});
