/** Markdown of the `dotnet` suite (the C# half of the client benchmarks), from its JSON result only. */
import { fmtMs, fmtRatio, fmtRps, mdTable } from "./format.js";
import type { DotnetResult } from "./suites/dotnet.js";

const us = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? "n/a" : `${n.toFixed(1)} µs`);
const kib = (bytes: number | undefined): string => (bytes === undefined || !Number.isFinite(bytes) ? "n/a" : `${(bytes / 1024).toFixed(1)} KiB`);

/** The adapter's cost per call at the highest concurrency measured: extra CPU time and extra bytes (both robust to load). */
function adapterOverhead(r: DotnetResult): string | undefined {
  const meaiRow = r.rows.find((row) => row.name === "MEAI IChatClient chat")?.byConcurrency;
  const edgeRow = r.rows.find((row) => row.name === "EdgeAi.Client chat")?.byConcurrency;
  const c = Object.keys(meaiRow ?? {}).sort((a, b) => Number(b) - Number(a))[0];
  const meai = c === undefined ? undefined : meaiRow?.[c];
  const edge = c === undefined ? undefined : edgeRow?.[c];
  if (meai === undefined || edge === undefined) return undefined;
  const us = meai.minCpuUsPerCall - edge.minCpuUsPerCall;
  const bytes = meai.minAllocatedBytesPerCall - edge.minAllocatedBytesPerCall;
  return `MEAI adapter overhead at concurrency ${c}: ${us.toFixed(1)} µs of CPU and ${kib(bytes)} allocated per call over EdgeAi.Client's own chat call.`;
}

/** The `dotnet` suite's section of latest.md. */
export function dotnetMd(r: DotnetResult): string {
  const concurrencies = [...new Set(r.rows.flatMap((row) => Object.keys(row.byConcurrency)))];
  const rows = r.rows.map((row) => [
    row.name,
    ...concurrencies.flatMap((c) => {
      const m = row.byConcurrency[c];
      return [fmtRps(m?.median.rps), fmtRps(m?.bestRps), `${fmtMs(m?.median.p50)} / ${fmtMs(m?.median.p99)}`, kib(m?.minAllocatedBytesPerCall), us(m?.minCpuUsPerCall)];
    }),
    String(concurrencies.reduce((n, c) => n + (row.byConcurrency[c]?.median.errors ?? 0), 0)),
  ]);
  const overhead = adapterOverhead(r);
  const parts = [
    "## .NET clients: requests/s, latency, allocations per call",
    "",
    `Server: ${r.server}. Replay counters: ${r.replay.hits} replays, ${r.replay.misses} recordings (${r.replay.recordings} distinct requests). ` +
      `Measured in one ${r.runtime} process (${r.gc} GC, ${r.os}) with the load loop of this harness (closed loop, alternating rounds, median-rate round reported). ` +
      "Allocations: bytes allocated by the whole .NET process per call (client, handlers, socket reads); CPU/call: the .NET process's user + system time per call " +
      "(it includes the load loop and the kernel's socket work, the same for every row, and is far less stretched than wall time when other processes load the machine); both the least over the rounds.",
    "",
    mdTable(["client", ...concurrencies.flatMap((c) => [`c=${c} req/s`, `c=${c} best`, `c=${c} p50 / p99 ms`, `c=${c} allocated/call`, `c=${c} CPU/call`]), "errors"], rows),
    "",
    mdTable(
      ["ratio", "concurrency", "median rounds", "best rounds", "CPU per call (theirs / ours)", "ceiling: raw HttpClient / same SDK"],
      r.ratios.map((x) => [x.name, String(x.concurrency), fmtRatio(x.value, x.goal), fmtRatio(x.best, x.goal), fmtRatio(x.cpu), x.ceiling === undefined ? "" : fmtRatio(x.ceiling)]),
    ),
    "",
    "Ceiling: raw HttpClient + System.Text.Json on the same route over the OpenAI SDK; no client can beat it, since the replay round trip is a floor under every call. " +
      "CPU per call: the other side's CPU time per call over ours (above 1: ours costs less), at concurrency 16 only: at concurrency 1 the thread pool's idle threads spin while the one call waits for the socket, and that spinning counts as CPU. " +
      "The MEAI row is a throughput ratio without a goal: below 1 is the adapter's cost.",
    ...(overhead === undefined ? [] : ["", overhead]),
    "",
    ...r.rows.map((row) => `- **${row.name}**: ${row.description}`),
  ];
  if (r.sse.length > 0) {
    parts.push(
      "",
      "## .NET SSE parsing throughput",
      "",
      `EdgeAi.Client's streaming path (\`StreamEventsAsync\` / \`StreamChatCompletionAsync\` on a generated client whose HttpClient answers the bytes from memory, so request, headers, SSE and typed events are all in) ` +
        "vs System.Net.ServerSentEvents' `SseParser` used directly on the same stream, each event's UTF-8 data deserialised into the same public event type (source-generated System.Text.Json), stopping at `[DONE]`. " +
        `Same bytes and chunkings as the SSE parsing suite above. Passes alternate (${r.ssePairs} pairs per row); ratio = median of per-pair time ratios (above 1: the client faster). ` +
        `Overall (geometric mean of the rows): ${fmtRatio(r.sseOverall)}.`,
      "",
      mdTable(
        ["stream", "chunking", "input", "chunks", "events", "EdgeAi.Client MB/s", "SseParser MB/s", "ratio", "client faster in", "allocated/event client / SseParser"],
        r.sse.map((row) => [
          row.flavour,
          row.chunking,
          `${(row.inputBytes / 1024).toFixed(0)} KiB`,
          String(row.chunks),
          String(row.events),
          row.clientMBps.toFixed(1),
          row.parserMBps.toFixed(1),
          fmtRatio(row.ratio),
          `${Math.round(row.wins * 100)}% of pairs`,
          `${Math.round(row.clientBytesPerEvent)} B / ${Math.round(row.parserBytesPerEvent)} B`,
        ]),
      ),
    );
  }
  return parts.join("\n");
}
