/**
 * A reference model of server-sent events for fuzzing: arbitraries that build well-formed event streams out of
 * fields (data, event, id, comments, unknown fields) with mixed LF/CR/CRLF line ends and an optional BOM, plus the
 * events a conforming parser must dispatch for them. Splitting the serialized bytes anywhere must not change
 * that list; the chunking arbitrary does the splitting.
 */
import fc from "fast-check";

/** One line of an event block, before serialization. */
export type SSEField =
  | { kind: "data" | "event" | "id"; value: string; compact: boolean }
  | { kind: "comment"; value: string }
  | { kind: "unknown"; name: string; value: string };

/** A whole stream: blocks of fields, each closed by a blank line. */
export interface SSEDocument {
  bom: boolean;
  blocks: SSEField[][];
  /** Line ends, used round-robin; a CR is never followed by a lone LF of an empty line (that would read as CRLF). */
  lineEnds: ("\n" | "\r" | "\r\n")[];
}

/** What the parser hands to its callback. */
export interface DispatchedEvent {
  data: string;
  event: string | undefined;
  id: string | undefined;
}

// Field values never contain CR or LF (they would end the line); everything else, including ":" and NUL, is fair.
const value = fc.string({ unit: "grapheme", maxLength: 24 }).map((s) => s.replace(/[\r\n]/g, ""));

const field: fc.Arbitrary<SSEField> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("data" as const), value, compact: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("event" as const), value, compact: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("id" as const), value, compact: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("comment" as const), value }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("unknown" as const),
      name: fc.constantFrom("retry", "foo", "Data", "data ", "ev"),
      value,
    }),
  },
);

/** Arbitrary well-formed SSE documents. */
export const sseDocument: fc.Arbitrary<SSEDocument> = fc.record({
  bom: fc.boolean(),
  blocks: fc.array(fc.array(field, { maxLength: 6 }), { maxLength: 8 }),
  lineEnds: fc.array(fc.constantFrom("\n" as const, "\r" as const, "\r\n" as const), { minLength: 1, maxLength: 4 }),
});

function fieldLine(f: SSEField): string {
  if (f.kind === "comment") return `:${f.value}`;
  if (f.kind === "unknown") return `${f.name}: ${f.value}`;
  // "data:x" and "data: x" are the same field; a value starting with a space needs the separating space.
  return f.compact && !f.value.startsWith(" ") ? `${f.kind}:${f.value}` : `${f.kind}: ${f.value}`;
}

/** The document as text, exactly as a server would send it. */
export function serialize(doc: SSEDocument): string {
  let out = doc.bom ? "\uFEFF" : "";
  let n = 0;
  let previous = "";
  const emit = (line: string) => {
    let end = doc.lineEnds[n++ % doc.lineEnds.length] as string;
    if (line === "" && previous === "\r" && end === "\n") end = "\r";
    out += line + end;
    previous = end;
  };
  for (const block of doc.blocks) {
    for (const f of block) emit(fieldLine(f));
    emit("");
  }
  return out;
}

/** The events a conforming parser dispatches for `doc` (WHATWG "interpret an event stream"). */
export function expectedEvents(doc: SSEDocument): DispatchedEvent[] {
  const events: DispatchedEvent[] = [];
  let lastId: string | undefined;
  for (const block of doc.blocks) {
    let data: string[] = [];
    let event: string | undefined;
    for (const f of block) {
      if (f.kind === "data") data.push(f.value);
      else if (f.kind === "event") event = f.value;
      else if (f.kind === "id" && !f.value.includes("\0")) lastId = f.value;
    }
    if (data.length > 0) events.push({ data: data.join("\n"), event: event === "" ? undefined : event, id: lastId });
    data = [];
  }
  return events;
}

/** Cut positions for splitting a buffer of any length into chunks (including empty ones). */
export const cutPoints = fc.array(fc.nat(), { maxLength: 12 });

/** Splits `bytes` at `cuts` (taken modulo its length, so every cut lands inside); chunks may split a character. */
export function splitBytes(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % (bytes.length + 1))))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(start, p));
    start = p;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

/** Same as {@link splitBytes} for text chunks (a cut may fall between CR and LF, or inside a surrogate pair). */
export function splitText(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const p of points) {
    chunks.push(text.slice(start, p));
    start = p;
  }
  chunks.push(text.slice(start));
  return chunks;
}
