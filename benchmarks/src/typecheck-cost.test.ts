import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EDGE_AI_QUICKSTART, OPENAI_QUICKSTART, createConsumerProject, parseDiagnostics } from "./typecheck-cost.js";

const SAMPLE = `Files:                         260
Types:                       18758
Instantiations:             156428
Memory used:               171807K
Check time:                  2.16s
Total time:                  4.42s
`;

describe("parseDiagnostics", () => {
  it("reads instantiations, types, check and total time and memory from tsc --extendedDiagnostics", () => {
    expect(parseDiagnostics(SAMPLE)).toEqual({ instantiations: 156428, types: 18758, checkSeconds: 2.16, totalSeconds: 4.42, memoryKB: 171807 });
  });

  it("names the missing line when tsc printed no diagnostics", () => {
    expect(() => parseDiagnostics("edge-ai.ts(3,1): error TS2304")).toThrow(/"Instantiations"/);
  });
});

describe("createConsumerProject", () => {
  const work = mkdtempSync(join(tmpdir(), "edge-ai-scale-test-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("unpacks the tarball as node_modules/@edge-ai/client, links the deps and writes one tsconfig per quickstart", () => {
    const pkg = join(work, "package");
    mkdirSync(join(pkg, "dist"), { recursive: true });
    writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "@edge-ai/client" }));
    writeFileSync(join(pkg, "dist", "index.d.ts"), "export declare const x: 1;\n");
    execFileSync("tar", ["-czf", join(work, "client.tgz"), "-C", work, "package"]);

    const project = createConsumerProject(join(work, "client.tgz"));
    try {
      expect(project.clientDtsBytes).toBe(27);
      expect(readFileSync(join(project.dir, "node_modules", "@edge-ai", "client", "package.json"), "utf8")).toContain("@edge-ai/client");
      for (const dep of ["zod", "undici", "openai", join("@types", "node")]) expect(lstatSync(join(project.dir, "node_modules", dep)).isSymbolicLink()).toBe(true);
      expect(readFileSync(join(project.dir, "edge-ai.ts"), "utf8")).toBe(EDGE_AI_QUICKSTART);
      expect(readFileSync(join(project.dir, "openai.ts"), "utf8")).toBe(OPENAI_QUICKSTART);
      const config = JSON.parse(readFileSync(join(project.dir, "tsconfig.edge-ai.json"), "utf8")) as { files: string[]; compilerOptions: { strict: boolean } };
      expect(config.files).toEqual(["edge-ai.ts"]);
      expect(config.compilerOptions.strict).toBe(true);
    } finally {
      project.cleanup();
    }
    expect(existsSync(project.dir)).toBe(false);
  });
});
