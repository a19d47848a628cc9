import { describe, expect, it } from "vitest";
import { scaleMd } from "./report.js";
import type { ScaleResult } from "./suites/scale.js";

const RESULT: ScaleResult = {
  models: 112,
  bundleBytes: 2_048_000,
  clientDtsBytes: 204_800,
  typecheck: {
    edgeAI: { instantiations: 1676, types: 1578, checkSeconds: 0.32, totalSeconds: 3.83, memoryKB: 114_273 },
    openai: { instantiations: 121, types: 656, checkSeconds: 0.16, totalSeconds: 3.85, memoryKB: 118_490 },
  },
  coldImport: {
    baselineWallMs: 40,
    rows: [
      { name: "@edge-ai/client", wallMs: 100, runs: 5 },
      { name: "openai", wallMs: 150, runs: 5 },
      { name: "cloudflare", wallMs: 250, runs: 5 },
    ],
  },
  emulatorStartMs: 900,
  emulatorEntry: "packages/mocks/dist/cli.js",
};

describe("scaleMd", () => {
  it("puts both SDKs' type-check figures and their ratio side by side", () => {
    const md = scaleMd(RESULT);
    expect(md).toContain("| @edge-ai/client | 1676 | 1578 | 0.32 | 3.83 | 112 MiB |");
    expect(md).toContain("| openai | 121 | 656 | 0.16 | 3.85 | 116 MiB |");
    expect(md).toContain("| ratio | 13.9× | 2.4× | 2.0× | 1.0× | 1.0× |");
  });

  it("gives sizes, the cold import of each package relative to the client and the emulator start", () => {
    const md = scaleMd(RESULT);
    expect(md).toContain("112 catalogued models");
    expect(md).toContain("2000 KB");
    expect(md).toContain("`dist/index.d.ts`: 200 KB");
    expect(md).toMatch(/\| cloudflare \| 250(\.0)? \| 2\.5× \|/);
    expect(md).toMatch(/Emulator start .*: 900(\.0)? ms, packages\/mocks\/dist\/cli\.js/);
    expect(md).not.toContain("NaN");
  });
});
