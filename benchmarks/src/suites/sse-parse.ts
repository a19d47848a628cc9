/**
 * SSE parsing throughput: @edge-ai/client's parser against eventsource-parser on the same bytes, for both stream
 * flavours and several chunkings. In-process and CPU-bound; each timing repeats the input until it lasts at least
 * `MIN_SAMPLE_MS`, parsers alternate per round, and the median MB/s is reported.
 */
import type { BenchConfig } from "../config.js";
import { type ParseRun, type ParseTally, parseWithEdgeAI, parseWithEventsourceParser } from "../sse-parsers.js";
import { buildSSEEvents, type Chunking, chunkEvents, chunkingName, type SSEFlavour } from "../sse-input.js";
import { median, ratio } from "../stats.js";

/** One flavour × chunking cell of the table. */
export interface SSEParseRow {
  flavour: SSEFlavour;
  chunking: string;
  inputBytes: number;
  chunks: number;
  events: number;
  /** Median MB/s (10^6 bytes) of each parser. */
  edgeAI: number;
  eventsourceParser: number;
  /** edgeAI / eventsourceParser; the goal is >= 1. */
  ratio: number | null;
}

/** The suite's output. */
export interface SSEParseResult {
  parserVersions: { edgeAI: string; eventsourceParser: string };
  rows: SSEParseRow[];
  /** Geometric mean of the row ratios. */
  overallRatio: number | null;
  goal: number;
}

const MIN_SAMPLE_MS = 40;
const CHUNKINGS: Chunking[] = [{ kind: "whole" }, { kind: "fixed", size: 65_536 }, { kind: "per-event" }, { kind: "fixed", size: 1024 }, { kind: "fixed", size: 37 }];

function timeParser(run: ParseRun, chunks: Uint8Array[], bytes: number): number {
  let passes = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    run(chunks);
    passes++;
    elapsed = performance.now() - t0;
  } while (elapsed < MIN_SAMPLE_MS);
  return (bytes * passes) / 1e6 / (elapsed / 1000);
}

function sameTally(a: ParseTally, b: ParseTally): boolean {
  return a.events === b.events && a.dataChars === b.dataChars;
}

/**
 * Runs the parser comparison.
 * @example
 * const r = runSSEParse(parseConfig(["--quick"]));
 * r.rows.map((row) => `${row.chunking}: ${row.ratio}x`);
 */
export function runSSEParse(config: Pick<BenchConfig, "sseBytes" | "sseRounds">, log: (line: string) => void = () => {}): SSEParseResult {
  const rows: SSEParseRow[] = [];
  for (const flavour of ["native", "openai"] as const) {
    const events = buildSSEEvents(flavour, config.sseBytes);
    for (const chunking of CHUNKINGS) {
      const chunks = chunkEvents(events, chunking);
      const bytes = chunks.reduce((n, c) => n + c.length, 0);
      const ours = parseWithEdgeAI(chunks);
      const theirs = parseWithEventsourceParser(chunks);
      if (!sameTally(ours, theirs) || ours.events !== events.length) {
        throw new Error(`parsers disagree on ${flavour}/${chunkingName(chunking)}: edge-ai ${JSON.stringify(ours)}, eventsource-parser ${JSON.stringify(theirs)}, expected ${events.length} events`);
      }
      const a: number[] = [];
      const b: number[] = [];
      for (let round = 0; round < config.sseRounds; round++) {
        if (round % 2 === 0) {
          a.push(timeParser(parseWithEdgeAI, chunks, bytes));
          b.push(timeParser(parseWithEventsourceParser, chunks, bytes));
        } else {
          b.push(timeParser(parseWithEventsourceParser, chunks, bytes));
          a.push(timeParser(parseWithEdgeAI, chunks, bytes));
        }
      }
      const row: SSEParseRow = {
        flavour,
        chunking: chunkingName(chunking),
        inputBytes: bytes,
        chunks: chunks.length,
        events: ours.events,
        edgeAI: round1(median(a)),
        eventsourceParser: round1(median(b)),
        ratio: ratio(median(a), median(b)),
      };
      log(`sse-parse ${flavour} ${row.chunking}: edge-ai ${row.edgeAI} MB/s, eventsource-parser ${row.eventsourceParser} MB/s (${row.ratio}x)`);
      rows.push(row);
    }
  }
  const ratios = rows.map((r) => r.ratio).filter((r): r is number => r !== null);
  const geo = ratios.length === 0 ? null : Math.round(Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length) * 100) / 100;
  return { parserVersions: { edgeAI: "@edge-ai/client SSEParser (packages/client/src/sse-parser.ts)", eventsourceParser: "3.1.1" }, rows, overallRatio: geo, goal: 1 };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
