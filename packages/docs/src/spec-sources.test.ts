import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultSpecSources, loadSpec, loadSpecs } from "./spec-sources.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "edge-ai-docs-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadSpec", () => {
  it("offers the contract first, then the NSwag export, from openapi/dist", () => {
    const [contract, nswag] = defaultSpecSources();
    expect(contract?.file).toMatch(/openapi[/\\]dist[/\\]edge-ai\.openapi\.json$/);
    expect(nswag?.file).toMatch(/openapi[/\\]dist[/\\]edge-ai\.nswag\.json$/);
  });

  it("reports a file that does not exist yet as missing, not as an error", async () => {
    const [contract, nswag] = defaultSpecSources(dir);
    await writeFile(contract!.file, JSON.stringify({ openapi: "3.1.0", info: { title: "x" }, paths: {} }));
    const loaded = await loadSpecs([contract!, nswag!]);
    expect(loaded.map((l) => l.status)).toEqual(["ok", "missing"]);
  });

  it("names the file and the problem for bad JSON or a non-OpenAPI document", async () => {
    const [source] = defaultSpecSources(dir);
    await writeFile(source!.file, "{ not json");
    const bad = await loadSpec(source!);
    expect(bad).toMatchObject({ status: "invalid", reason: expect.stringMatching(/edge-ai\.openapi\.json is not valid JSON/) });
    await writeFile(source!.file, JSON.stringify({ paths: {} }));
    expect(await loadSpec(source!)).toMatchObject({ status: "invalid", reason: expect.stringMatching(/no "openapi" version field/) });
    await writeFile(source!.file, JSON.stringify({ openapi: "3.1.0" }));
    expect(await loadSpec(source!)).toMatchObject({ status: "invalid", reason: expect.stringMatching(/no "paths" object/) });
  });
});
