/**
 * SSE parsing throughput: @edge-ai/client's parser against eventsource-parser on the same bytes, for both stream
 * flavours and several chunkings. In-process and CPU-bound; each timing repeats the input until it lasts at least
 * `MIN_SAMPLE_MS` and parsers alternate per round. The ratio uses each parser's best round (timeit's rule for
 * CPU-bound code: the fastest sample is the one least disturbed by other processes on the shared machine); the
 * medians are kept beside it.
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
  /** Best-round MB/s (10^6 bytes) of each parser. */
  edgeAI: number;
  eventsourceParser: number;
  /** edgeAI / eventsourceParser from the best rounds; the goal is >= 1. */
  ratio: number | null;
  /** Median-round MB/s of each parser and their ratio, a second view of the same samples. */
  median: { edgeAI: number; eventsourceParser: number; ratio: number | null };
}

/** The suite's output. */
export interface SSEParseResult {
  parserVersions: { edgeAI: string; eventsourceParser: string };
  rows: SSEParseRow[];
  /** Geometric mean of the row ratios (best rounds), and of the median-round ratios. */
  overallRatio: number | null;
  overallMedianRatio: number | null;
  /** Alternating rounds per row. */
  rounds: number;
  goal: number;
}

const MIN_SAMPLE_MS = 30;
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
        edgeAI: round1(Math.max(...a)),
        eventsourceParser: round1(Math.max(...b)),
        ratio: ratio(Math.max(...a), Math.max(...b)),
        median: { edgeAI: round1(median(a)), eventsourceParser: round1(median(b)), ratio: ratio(median(a), median(b)) },
      };
      log(`sse-parse ${flavour} ${row.chunking}: edge-ai ${row.edgeAI} MB/s, eventsource-parser ${row.eventsourceParser} MB/s (${row.ratio}x)`);
      rows.push(row);
    }
  }
  return {
    parserVersions: { edgeAI: "packages/client/src/sse-parser.ts", eventsourceParser: "3.1.1" },
    rows,
    overallRatio: geometricMean(rows.map((r) => r.ratio)),
    overallMedianRatio: geometricMean(rows.map((r) => r.median.ratio)),
    rounds: config.sseRounds,
    goal: 1,
  };
}

function geometricMean(values: (number | null)[]): number | null {
  const xs = values.filter((r): r is number => r !== null);
  if (xs.length === 0) return null;
  return Math.round(Math.exp(xs.reduce((s, r) => s + Math.log(r), 0) / xs.length) * 100) / 100;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
