import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { carryFills, diffSnapshots, fileFor, readFromDir, readSnapshot, stripProse, writeSnapshot } from "../../../../scripts/sync-models.ts";

const docsFile = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  task: "Text Generation",
  properties: { context_window: "8000" },
  schema: {
    input: { type: "object", description: "prose", properties: { description: { type: "string", title: "x" }, n: { type: "integer", default: { description: "data" } } } },
    output: { type: "object", properties: { response: { type: "string" } } },
  },
  source: { repo: "cloudflare/cloudflare-docs", path: `src/content/workers-ai-models/${id.split("/").pop()}.json`, commit: "abc" },
  ...extra,
});

describe("sync-models", () => {
  it("removes description and title keywords but keeps properties named so and data values", () => {
    const out = stripProse(docsFile("@cf/a/b").schema.input) as { description?: string; properties: Record<string, Record<string, unknown>> };
    expect(out.description).toBeUndefined();
    expect(out.properties.description).toEqual({ type: "string" });
    expect(out.properties.n!.default).toEqual({ description: "data" });
  });

  it("maps ids to paths and refuses anything else", () => {
    expect(fileFor("@cf/meta/llama-3.1-8b-instruct")).toBe("cf/meta/llama-3.1-8b-instruct.json");
    expect(() => fileFor("../etc/passwd")).toThrow(/unexpected model id/);
  });

  it("seeds from a docs-style folder, keeps filled schemas and reports every change", () => {
    const src = mkdtempSync(join(tmpdir(), "sync-src-"));
    const out = mkdtempSync(join(tmpdir(), "sync-out-"));
    writeFileSync(join(src, "b.json"), JSON.stringify(docsFile("@cf/a/b")));
    writeFileSync(join(src, "c.json"), JSON.stringify(docsFile("@cf/a/c", { schema: null })));
    const first = readFromDir(src);
    expect(first.map((m) => m.id).sort()).toEqual(["@cf/a/b", "@cf/a/c"]);
    // A schema filled from another source survives a re-sync while the model's own source still has none.
    const filled = first.map((m) => (m.id === "@cf/a/c" ? { ...m, schema: { input: { type: "object" }, output: { type: "object" } }, schema_source: { repo: "cloudflare/workerd" } } : m));
    writeSnapshot(filled, out);
    const before = readSnapshot(out);
    writeFileSync(join(src, "b.json"), JSON.stringify(docsFile("@cf/a/b", { properties: { context_window: "16000" } })));
    writeFileSync(join(src, "d.json"), JSON.stringify(docsFile("@cf/a/d")));
    const next = carryFills(readFromDir(src), before);
    expect(next.find((m) => m.id === "@cf/a/c")?.schema_source).toEqual({ repo: "cloudflare/workerd" });
    const lines = diffSnapshots(before, new Map(next.map((m) => [m.id, m])));
    expect(lines).toEqual(["+ @cf/a/d (added)", '~ @cf/a/b: property context_window "8000" → "16000"']);
    writeSnapshot(next.filter((m) => m.id !== "@cf/a/d"), out);
    expect(JSON.parse(readFileSync(join(out, "cf/a/b.json"), "utf8")).properties.context_window).toBe("16000");
  });
});
