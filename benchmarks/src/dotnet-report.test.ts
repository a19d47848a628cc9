import { describe, expect, it } from "vitest";
import { dotnetMd } from "./dotnet-report.js";
import { type DotnetHttpRow, type DotnetResult, dotnetRatios } from "./suites/dotnet.js";

function row(name: string, rps: number, best: number, alloc: number): DotnetHttpRow {
  const cpu = 1e6 / best;
  const m = { concurrency: 16, requests: 1000, errors: 0, firstError: null, rps, p50: 0.1, p99: 0.3, allocatedBytesPerCall: alloc, cpuUsPerCall: cpu };
  return { name, description: `${name} described`, byConcurrency: { "16": { median: m, bestRps: best, roundsRps: [rps, best], minAllocatedBytesPerCall: alloc, minCpuUsPerCall: cpu } } };
}

const ROWS = [
  row("HttpClient+STJ run", 10_000, 12_000, 4096),
  row("EdgeAi.Client run", 9_000, 11_000, 8192),
  row("HttpClient+STJ chat", 10_000, 12_000, 4096),
  row("EdgeAi.Client chat", 8_000, 10_000, 8192),
  row("MEAI IChatClient chat", 7_000, 9_000, 9216),
  row("OpenAI SDK chat", 5_000, 6_000, 10_240),
];

describe("dotnetRatios", () => {
  it("pairs the client with raw HttpClient and the OpenAI SDK, with the raw ceiling for the SDK", () => {
    const r = dotnetRatios(ROWS);
    expect(r.find((x) => x.name === "EdgeAi.Client run / HttpClient+STJ run")).toMatchObject({ concurrency: 16, value: 0.9, best: 0.92, goal: 0.8 });
    expect(r.find((x) => x.name === "EdgeAi.Client chat / OpenAI SDK chat")).toMatchObject({ value: 1.6, best: 1.67, cpu: 1.67, goal: 1.5, ceiling: 2 });
    expect(r.find((x) => x.name.startsWith("MEAI"))).toMatchObject({ value: 0.88 });
    expect(r.find((x) => x.name.startsWith("MEAI"))?.goal).toBeUndefined();
  });

  it("gives null for a row that is missing instead of a made-up figure", () => {
    const r = dotnetRatios(ROWS.filter((x) => x.name !== "OpenAI SDK chat"));
    expect(r.find((x) => x.name === "EdgeAi.Client chat / OpenAI SDK chat")).toMatchObject({ value: null, best: null, cpu: null, ceiling: null });
  });
});

describe("dotnetMd", () => {
  const result: DotnetResult = {
    runtime: ".NET 10.0.12",
    os: "Linux",
    gc: "workstation",
    server: "replay server",
    replay: { hits: 100, misses: 3, recordings: 3 },
    rows: ROWS,
    ratios: dotnetRatios(ROWS),
    sse: [{ flavour: "native", chunking: "fixed 37 B", inputBytes: 524_288, chunks: 14_170, events: 11_356, clientMBps: 50, parserMBps: 40, ratio: 1.25, wins: 0.9, clientBytesPerEvent: 200, parserBytesPerEvent: 180 }],
    ssePairs: 80,
    sseOverall: 1.25,
  };

  it("renders the client table with allocations, the ratio table with goals and the adapter's cost", () => {
    const md = dotnetMd(result);
    expect(md).toContain("| EdgeAi.Client run | 9,000 | 11,000 | 0.10 / 0.30 | 8.0 KiB | 90.9 µs | 0 |");
    expect(md).toContain("| EdgeAi.Client chat / OpenAI SDK chat | 16 | 1.60x ✓ (goal ≥ 1.5x) | 1.67x ✓ (goal ≥ 1.5x) | 1.67x | 2.00x |");
    expect(md).toContain("| EdgeAi.Client run / HttpClient+STJ run | 16 | 0.90x ✓ (goal ≥ 0.8x) |");
    expect(md).toMatch(/MEAI adapter overhead at concurrency 16: 11\.1 µs of CPU and 1\.0 KiB allocated per call/);
    expect(md).not.toContain("NaN");
  });

  it("renders the SSE rows with both throughputs and allocations per event", () => {
    const md = dotnetMd(result);
    expect(md).toContain("## .NET SSE parsing throughput");
    expect(md).toContain("| native | fixed 37 B | 512 KiB | 14170 | 11356 | 50.0 | 40.0 | 1.25x | 90% of pairs | 200 B / 180 B |");
    expect(md).toContain("Overall (geometric mean of the rows): 1.25x.");
  });
});
