/**
 * Child-process entry of the SSE parsing suite: measures one row in a fresh V8 and prints it as one JSON line.
 * Usage: sse-parse-row.ts '{"flavour":"native","chunking":{"kind":"per-event"},"sseBytes":524288,"pairs":80}'
 */
import type { Chunking, SSEFlavour } from "./sse-input.js";
import { measureRow } from "./suites/sse-parse.js";

const arg = process.argv[2];
if (arg === undefined) throw new Error("usage: sse-parse-row.ts <json>");
const { flavour, chunking, sseBytes, pairs } = JSON.parse(arg) as { flavour: SSEFlavour; chunking: Chunking; sseBytes: number; pairs: number };
process.stdout.write(`${JSON.stringify(measureRow(flavour, chunking, sseBytes, pairs))}\n`);
