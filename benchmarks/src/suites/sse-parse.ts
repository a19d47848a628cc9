/**
 * SSE parsing throughput: @edge-ai/client's parser against eventsource-parser on the same bytes, for both stream
 * flavours and several chunkings. In-process and CPU-bound, on a machine other people use at the same time, so
 * the two parsers are interleaved pass by pass (A B, B A, A B, ...): each pair sees the same disturbances, and
 * the reported ratio is the median of the per-pair time ratios, which a preemption or a GC pause landing in one
 * pass cannot move. Throughput is the input size over each parser's median pass time.
 * Each row runs in a fresh node process (src/sse-parse-row.ts): V8 specialises both parsers for the strings it
 * has seen, so rows run one after another in one process influence each other (the same row measured 0.5x or
 * 1.9x depending on what ran before). A fresh process per row is also what a real client is: one stream shape.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BenchConfig } from "../config.js";
import { type ParseRun, type ParseTally, parseWithEdgeAI, parseWithEventsourceParser } from "../sse-parsers.js";
import { buildSSEEvents, type Chunking, chunkEvents, chunkingName, type SSEFlavour } from "../sse-input.js";
import { median } from "../stats.js";

/** One flavour × chunking cell of the table. */
export interface SSEParseRow {
  flavour: SSEFlavour;
  chunking: string;
  inputBytes: number;
  chunks: number;
  events: number;
  /** MB/s (10^6 bytes) from each parser's median pass time. */
  edgeAI: number;
  eventsourceParser: number;
  /** Median over pairs of (eventsource-parser time / edge-ai time): above 1 means ours is faster; goal >= 1. */
  ratio: number | null;
  /** Share of pairs in which ours was faster, 0..1. */
  wins: number;
}

/** The suite's output. */
export interface SSEParseResult {
  parserVersions: { edgeAI: string; eventsourceParser: string };
  rows: SSEParseRow[];
  /** Geometric mean of the row ratios. */
  overallRatio: number | null;
  /** Interleaved pass pairs per row. */
  pairs: number;
  goal: number;
}

const CHUNKINGS: Chunking[] = [{ kind: "whole" }, { kind: "fixed", size: 65_536 }, { kind: "per-event" }, { kind: "fixed", size: 1024 }, { kind: "fixed", size: 37 }];

function timePass(run: ParseRun, chunks: Uint8Array[]): number {
  const t0 = performance.now();
  run(chunks);
  return performance.now() - t0;
}

function sameTally(a: ParseTally, b: ParseTally): boolean {
  return a.events === b.events && a.dataChars === b.dataChars;
}

/**
 * Measures one flavour × chunking row in the current process (called by the per-row child process).
 * @example const row = measureRow("native", { kind: "per-event" }, 512 * 1024, 80);
 */
export function measureRow(flavour: SSEFlavour, chunking: Chunking, sseBytes: number, pairs: number): SSEParseRow {
  const events = buildSSEEvents(flavour, sseBytes);
  const chunks = chunkEvents(events, chunking);
  const bytes = chunks.reduce((n, c) => n + c.length, 0);
  const ours = parseWithEdgeAI(chunks);
  const theirs = parseWithEventsourceParser(chunks);
  if (!sameTally(ours, theirs) || ours.events !== events.length) {
    throw new Error(`parsers disagree on ${flavour}/${chunkingName(chunking)}: edge-ai ${JSON.stringify(ours)}, eventsource-parser ${JSON.stringify(theirs)}, expected ${events.length} events`);
  }
  // Untimed passes so both parsers are optimised before the first pair.
  for (let i = 0; i < 3; i++) {
    parseWithEdgeAI(chunks);
    parseWithEventsourceParser(chunks);
  }
  const a: number[] = [];
  const b: number[] = [];
  const pairRatios: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    let ta: number;
    let tb: number;
    if (pair % 2 === 0) {
      ta = timePass(parseWithEdgeAI, chunks);
      tb = timePass(parseWithEventsourceParser, chunks);
    } else {
      tb = timePass(parseWithEventsourceParser, chunks);
      ta = timePass(parseWithEdgeAI, chunks);
    }
    a.push(ta);
    b.push(tb);
    pairRatios.push(tb / ta);
  }
  return {
    flavour,
    chunking: chunkingName(chunking),
    inputBytes: bytes,
    chunks: chunks.length,
    events: ours.events,
    edgeAI: mbPerSecond(bytes, median(a)),
    eventsourceParser: mbPerSecond(bytes, median(b)),
    ratio: Math.round(median(pairRatios) * 100) / 100,
    wins: Math.round((pairRatios.filter((r) => r > 1).length / pairRatios.length) * 100) / 100,
  };
}

const ROW_ENTRY = fileURLToPath(new URL("../sse-parse-row.ts", import.meta.url));
const PACKAGE_ROOT = fileURLToPath(new URL("../..", import.meta.url));

function measureRowInChild(flavour: SSEFlavour, chunking: Chunking, sseBytes: number, pairs: number): Promise<SSEParseRow> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=@edge-ai/source", "--import", "tsx", ROW_ENTRY, JSON.stringify({ flavour, chunking, sseBytes, pairs })],
      { cwd: PACKAGE_ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`sse-parse row ${flavour}/${chunkingName(chunking)} failed (exit ${code}): ${err.slice(0, 500)}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "") as SSEParseRow);
      } catch {
        reject(new Error(`sse-parse row ${flavour}/${chunkingName(chunking)}: unexpected output ${out.slice(0, 200)}`));
      }
    });
  });
}

/**
 * Runs the parser comparison, one fresh process per row.
 * @example
 * const r = await runSSEParse({ sseBytes: 512 * 1024, ssePairs: 80 });
 * r.rows.map((row) => `${row.chunking}: ${row.ratio}x`);
 */
export async function runSSEParse(config: Pick<BenchConfig, "sseBytes" | "ssePairs">, log: (line: string) => void = () => {}): Promise<SSEParseResult> {
  const rows: SSEParseRow[] = [];
  for (const flavour of ["native", "openai"] as const) {
    for (const chunking of CHUNKINGS) {
      const row = await measureRowInChild(flavour, chunking, config.sseBytes, config.ssePairs);
      log(`sse-parse ${flavour} ${row.chunking}: edge-ai ${row.edgeAI} MB/s, eventsource-parser ${row.eventsourceParser} MB/s (${row.ratio}x, faster in ${Math.round(row.wins * 100)}% of pairs)`);
      rows.push(row);
    }
  }
  return {
    parserVersions: { edgeAI: "packages/client/src/sse-parser.ts", eventsourceParser: "3.1.1" },
    rows,
    overallRatio: geometricMean(rows.map((r) => r.ratio)),
    pairs: config.ssePairs,
    goal: 1,
  };
}

function mbPerSecond(bytes: number, ms: number): number {
  return Math.round((bytes / 1e6 / (ms / 1000)) * 10) / 10;
}

function geometricMean(values: (number | null)[]): number | null {
  const xs = values.filter((r): r is number => r !== null && r > 0);
  if (xs.length === 0) return null;
  return Math.round(Math.exp(xs.reduce((s, r) => s + Math.log(r), 0) / xs.length) * 100) / 100;
}
