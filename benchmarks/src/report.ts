/**
 * The results document (latest.json) and its markdown rendering (latest.md, also printed at the end of a run).
 * Every figure in the markdown comes from the JSON, so the two can never disagree.
 */
import { cpus, loadavg, totalmem } from "node:os";
import type { BenchConfig, SuiteName } from "./config.js";
import { fmtMiB, fmtMs, fmtRatio, fmtRps, mdTable } from "./format.js";
import type { ClientHttpResult } from "./suites/client-http.js";
import { dotnetMd } from "./dotnet-report.js";
import type { DotnetResult } from "./suites/dotnet.js";
import type { ColdImportResult } from "./suites/cold-import.js";
import type { EmulatorJsonResult } from "./suites/emulator-json.js";
import type { EmulatorSSEResult } from "./suites/emulator-sse.js";
import type { ScaleResult } from "./suites/scale.js";
import type { SSEParseResult } from "./suites/sse-parse.js";

/** Everything one `pnpm bench` run produced. */
export interface BenchResults {
  generatedAt: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryBytes: number; loadAverageAtStart: number[] };
  /** 1-minute load average when the run ended; with the start value it shows how busy the shared machine was. */
  loadAverageAtEnd: number[];
  config: Omit<BenchConfig, "outDir">;
  durationMs: number;
  suites: {
    "emulator-json"?: EmulatorJsonResult;
    "emulator-sse"?: EmulatorSSEResult;
    "client-http"?: ClientHttpResult;
    dotnet?: DotnetResult;
    "sse-parse"?: SSEParseResult;
    "cold-import"?: ColdImportResult;
    scale?: ScaleResult;
  };
  /** With `--merge`: the earlier run whose other suites were kept. */
  mergedFrom?: { generatedAt: string; suites: string[] };
  /** Suites that threw, with the message; the run exits non-zero when this is not empty. */
  failures: { suite: SuiteName; message: string }[];
}

/** Machine facts recorded with each run (figures from another machine are not comparable). */
export function machineInfo(): BenchResults["machine"] {
  const list = cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: list.length,
    cpuModel: list[0]?.model ?? "unknown",
    memoryBytes: totalmem(),
    loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

function emulatorJsonMd(r: EmulatorJsonResult): string {
  const rows = r.rows.flatMap((row) => [
    [String(row.concurrency), "bare node:http", fmtRps(row.bare.rps), fmtRps(row.bare.bestRps), fmtMs(row.bare.p50), fmtMs(row.bare.p99), String(row.bare.errors), ""],
    [
      String(row.concurrency),
      "emulator",
      fmtRps(row.emulator.rps),
      fmtRps(row.emulator.bestRps),
      fmtMs(row.emulator.p50),
      fmtMs(row.emulator.p99),
      String(row.emulator.errors),
      `${fmtRatio(row.ratio, r.goal)}; ${fmtRatio(row.bestRatio)}`,
    ],
    ...(row.unique
      ? [[
          String(row.concurrency),
          "emulator, every body different",
          fmtRps(row.unique.rps),
          fmtRps(row.unique.bestRps),
          fmtMs(row.unique.p50),
          fmtMs(row.unique.p99),
          String(row.unique.errors),
          `${fmtRatio(row.uniqueRatio, r.goal)}; ${fmtRatio(row.uniqueBestRatio)}`,
        ]]
      : []),
  ]);
  return [
    "## Emulator vs bare node:http (small JSON)",
    "",
    `Route: \`${r.route.method} ${r.route.path}\` (${r.route.requestBytes} B request, ${r.route.responseBytes} B \`${r.route.contentType}\` answer). ` +
      `The bare handler answers the emulator's recorded bytes${r.sameBytes ? " (checked byte-for-byte)" : " (WARNING: bytes differed)"}. Rate limits off. ` +
      `"emulator" repeats one body (its one-second answer memo serves the repeats, decision 0031); "every body different" numbers each request's message, so every answer is synthesised, validated and serialised (decision 0247).`,
    "",
    mdTable(["concurrency", "server", "req/s (median round)", "best round req/s", "p50 ms", "p99 ms", "errors", "emulator / bare (median; best)"], rows),
  ].join("\n");
}

function emulatorSseMd(r: EmulatorSSEResult): string {
  return [
    "## Emulator: SSE streams held open at once",
    "",
    `${r.streams} streams of \`${r.model}\` (${r.eventsPerStream} events each, ${r.pacingMs} ms between events) requested at the same moment, one connection each.`,
    "",
    mdTable(
      ["streams", "completed", "failed", "peak open at once", "all open after", "total", "RSS before", "RSS peak", "RSS after"],
      [[String(r.streams), String(r.completed), String(r.failed), String(r.peakOpen), `${fmtMs(r.allOpenMs)} ms`, `${fmtMs(r.totalMs)} ms`, fmtMiB(r.rss.before), fmtMiB(r.rss.peak), fmtMiB(r.rss.after)]],
    ),
    ...(r.firstError ? ["", `First error: ${r.firstError}`] : []),
  ].join("\n");
}

function clientHttpMd(r: ClientHttpResult): string {
  const concurrencies = [...new Set(r.ratios.map((x) => x.concurrency))];
  const rows = r.rows.map((row) => [
    row.name,
    ...concurrencies.flatMap((c) => {
      const m = row.byConcurrency[c];
      return [fmtRps(m?.rps), fmtRps(m?.bestRps), `${fmtMs(m?.p50)} / ${fmtMs(m?.p99)}`];
    }),
    String(concurrencies.reduce((n, c) => n + (row.byConcurrency[c]?.errors ?? 0), 0)),
  ]);
  return [
    "## Clients: requests/s and latency",
    "",
    `Server: ${r.server}. Replay counters: ${r.replay.hits} replays, ${r.replay.misses} recordings (${r.replay.recordings} distinct requests).`,
    "",
    mdTable(["client", ...concurrencies.flatMap((c) => [`c=${c} req/s`, `c=${c} best`, `c=${c} p50 / p99 ms`]), "errors"], rows),
    "",
    mdTable(
      ["ratio", "concurrency", "median rounds", "best rounds", "ceiling: raw undici / same SDK"],
      r.ratios.map((x) => [x.name, String(x.concurrency), fmtRatio(x.value, x.goal), fmtRatio(x.best, x.goal), x.ceiling === undefined ? "" : fmtRatio(x.ceiling)]),
    ),
    "",
    "Median rounds: each side's median-rate round (the table above). Best rounds: each side's fastest round, the least disturbed by other work on the shared machine. " +
      "Ceiling: raw undici on the same route over the official SDK; no client can beat it, since the server round trip is a floor under every call (at concurrency 1 especially).",
    "",
    ...r.rows.map((row) => `- **${row.name}**: ${row.description}`),
    "",
    ...r.notes.map((n) => `- ${n}`),
  ].join("\n");
}

function sseParseMd(r: SSEParseResult): string {
  return [
    "## SSE parsing throughput",
    "",
    `@edge-ai/client's \`SSEParser\` (${r.parserVersions.edgeAI}) vs eventsource-parser ${r.parserVersions.eventsourceParser} (with a streaming TextDecoder, as clients feed it) on the same bytes. ` +
      `The parsers alternate pass by pass (${r.pairs} pairs per row); the ratio is the median of the per-pair time ratios (above 1: ours faster), MB/s (10^6 B/s) comes from each parser's median pass. ` +
      `Overall (geometric mean of the rows): ${fmtRatio(r.overallRatio, r.goal)}. "whole" hands over the entire input as one chunk, which no socket does. ` +
      "The client's own streams parse with eventsource-parser since decision 0341; `SSEParser` stays a public WHATWG-exact utility (it keeps the last event ID).",
    "",
    mdTable(
      ["stream", "chunking", "input", "chunks", "events", "@edge-ai/client MB/s", "eventsource-parser MB/s", "ratio", "ours faster in"],
      r.rows.map((row) => [
        row.flavour,
        row.chunking,
        `${(row.inputBytes / 1024).toFixed(0)} KiB`,
        String(row.chunks),
        String(row.events),
        row.edgeAI.toFixed(1),
        row.eventsourceParser.toFixed(1),
        fmtRatio(row.ratio),
        `${Math.round(row.wins * 100)}% of pairs`,
      ]),
    ),
  ].join("\n");
}

function coldImportMd(r: ColdImportResult): string {
  return [
    "## Cold import",
    "",
    `Fresh \`node\` process per import, median of ${r.rows[0]?.runs ?? 0} runs. An empty node process: ${fmtMs(r.baseline.wallMs)} ms wall, ${fmtMiB(r.baseline.rssBytes)} RSS. ` +
      "@edge-ai/client loads undici on its first request and zod with the contract's schemas on its first validated call (decision 0340), so neither is in its figure (its third dependency, eventsource-parser, is); cloudflare and openai have no dependencies." +
      coldImportRatio(r),
    "",
    mdTable(
      ["package", "import() ms", "process wall ms", "RSS after import", "what was imported"],
      r.rows.map((row) => [row.name, fmtMs(row.importMs), fmtMs(row.wallMs), fmtMiB(row.rssBytes), row.specifier]),
    ),
  ].join("\n");
}

/** " @edge-ai/client / openai, process wall: 0.62× ✓ (goal ≤ 1.0×)." when both rows are present. */
function coldImportRatio(r: ColdImportResult): string {
  const ours = r.rows.find((row) => row.name === "@edge-ai/client");
  const openai = r.rows.find((row) => row.name === "openai");
  if (!ours || !openai || openai.wallMs <= 0) return "";
  const ratio = ours.wallMs / openai.wallMs;
  return ` @edge-ai/client / openai, process wall: ${ratio.toFixed(2)}× ${ratio <= 1 ? "✓" : "✗"} (goal ≤ 1.0×).`;
}

/** The scale suite's section: sizes, quickstart type-check and cold import side by side with the official SDKs. */
export function scaleMd(r: ScaleResult): string {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : "n/a");
  const e = r.typecheck.edgeAI;
  const o = r.typecheck.openai;
  const client = r.coldImport.rows.find((row) => row.name === "@edge-ai/client");
  return [
    "## Scale (contract size as a user sees it)",
    "",
    `${r.models} catalogued models. Bundled contract \`openapi/dist/edge-ai.openapi.json\`: ${kb(r.bundleBytes)}; published \`@edge-ai/client\` \`dist/index.d.ts\`: ${kb(r.clientDtsBytes)}. ` +
      "Type-check: the packed client and `openai` installed into a fresh temp project outside the workspace, `tsc --noEmit --extendedDiagnostics` " +
      "(strict, nodenext, skipLibCheck) on a quickstart doing a chat call, a stream, an embedding and an image with each SDK; total time includes parsing @types/node and the libs, which both pay.",
    "",
    mdTable(
      ["quickstart type-check", "instantiations", "types", "check s", "total s", "memory"],
      [
        ["@edge-ai/client", String(e.instantiations), String(e.types), e.checkSeconds.toFixed(2), e.totalSeconds.toFixed(2), `${(e.memoryKB / 1024).toFixed(0)} MiB`],
        ["openai", String(o.instantiations), String(o.types), o.checkSeconds.toFixed(2), o.totalSeconds.toFixed(2), `${(o.memoryKB / 1024).toFixed(0)} MiB`],
        ["ratio", ratio(e.instantiations, o.instantiations), ratio(e.types, o.types), ratio(e.checkSeconds, o.checkSeconds), ratio(e.totalSeconds, o.totalSeconds), ratio(e.memoryKB, o.memoryKB)],
      ],
    ),
    "",
    `Cold import of the packed packages from the temp project, whole process (spawn to exit), median of ${client?.runs ?? 0}; an empty node process: ${fmtMs(r.coldImport.baselineWallMs)} ms.`,
    "",
    mdTable(
      ["package", "process wall ms", "vs @edge-ai/client"],
      r.coldImport.rows.map((row) => [row.name, fmtMs(row.wallMs), client ? ratio(row.wallMs, client.wallMs) : "n/a"]),
    ),
    "",
    `Emulator start (spawn to its \`listening on\` line, median): ${fmtMs(r.emulatorStartMs)} ms, ${r.emulatorEntry}.`,
  ].join("\n");
}

/** Renders the whole results document as markdown. */
export function renderMarkdown(results: BenchResults): string {
  const m = results.machine;
  const s = results.suites;
  const merged = results.mergedFrom
    ? ` Suites ${results.mergedFrom.suites.join(", ")} are from the run of ${results.mergedFrom.generatedAt} (kept by \`--merge\`).`
    : "";
  const parts = [
    "# edge-ai benchmarks",
    "",
    `Generated ${results.generatedAt} by \`pnpm bench\` (profile: ${results.config.profile}; ${results.config.rounds} alternating round(s), ` +
      `${results.config.warmupMs} ms warm-up + ${results.config.durationMs} ms per measurement) in ${(results.durationMs / 1000).toFixed(0)} s. ` +
      `Node ${m.node}, ${m.platform}, ${m.cpus} × ${m.cpuModel}, ${fmtMiB(m.memoryBytes)}. Loads only on 127.0.0.1; servers in separate processes. ` +
      `Load average (1/5/15 min) at start ${m.loadAverageAtStart.join(" / ")}, at end ${results.loadAverageAtEnd.join(" / ")}: ` +
      `the machine is shared, so figures taken under load are noisy; compare ratios from the same run, not absolute rates across runs.${merged}`,
  ];
  if (s["emulator-json"]) parts.push("", emulatorJsonMd(s["emulator-json"]));
  if (s["emulator-sse"]) parts.push("", emulatorSseMd(s["emulator-sse"]));
  if (s["client-http"]) parts.push("", clientHttpMd(s["client-http"]));
  if (s.dotnet) parts.push("", dotnetMd(s.dotnet));
  if (s["sse-parse"]) parts.push("", sseParseMd(s["sse-parse"]));
  if (s["cold-import"]) parts.push("", coldImportMd(s["cold-import"]));
  if (s.scale) parts.push("", scaleMd(s.scale));
  if (results.failures.length > 0) {
    parts.push("", "## Failed suites", "", ...results.failures.map((f) => `- **${f.suite}**: ${f.message}`));
  }
  return `${parts.join("\n")}\n`;
}
