import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SSEParser } from "./sse-parser.js";

type Ev = [data: string, event: string | undefined, id: string | undefined];

function parseAll(chunks: (string | Uint8Array)[]): Ev[] {
  const out: Ev[] = [];
  const p = new SSEParser((data, event, id) => out.push([data, event, id]));
  for (const c of chunks) p.feed(c);
  p.end();
  return out;
}

describe("SSEParser", () => {
  it("dispatches data events separated by blank lines", () => {
    expect(parseAll(['data: {"response":"a"}\n\ndata: {"response":"b"}\n\ndata: [DONE]\n\n'])).toEqual([
      ['{"response":"a"}', undefined, undefined],
      ['{"response":"b"}', undefined, undefined],
      ["[DONE]", undefined, undefined],
    ]);
  });

  it("accepts CRLF and lone CR line endings, even when CRLF is split across chunks", () => {
    expect(parseAll(["data: a\r", "\n\r", "\ndata: b\r\rdata:c\n\n"])).toEqual([
      ["a", undefined, undefined],
      ["b", undefined, undefined],
      ["c", undefined, undefined],
    ]);
  });

  it("joins multi-line data with LF, ignores comments and keeps event and id", () => {
    expect(parseAll([": keep-alive\nevent: delta\nid: 7\ndata: one\ndata:two\n\n"])).toEqual([["one\ntwo", "delta", "7"]]);
  });

  it("passes event type and id to single-line events and resets the type after each event", () => {
    expect(parseAll(["id: 1\nevent: delta\ndata: a\n\ndata: b\n\n"])).toEqual([
      ["a", "delta", "1"],
      ["b", undefined, "1"],
    ]);
  });

  it("strips one leading space only and a BOM at the start of the stream", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("data:  x\n\n")]);
    expect(parseAll([bom])).toEqual([[" x", undefined, undefined]]);
  });

  it("decodes multi-byte UTF-8 split between chunks", () => {
    const bytes = new TextEncoder().encode("data: café ☕\n\n");
    expect(parseAll([bytes.slice(0, 10), bytes.slice(10, 13), bytes.slice(13)])).toEqual([["café ☕", undefined, undefined]]);
  });

  it("does not dispatch an event without data, and processes a final line without newline", () => {
    expect(parseAll(["event: ping\n\n", "data: [DONE]"])).toEqual([["[DONE]", undefined, undefined]]);
  });

  it("honours a final data: [DONE] whose blank line never came, and drops any other unterminated event", () => {
    expect(parseAll(['data: {"response":"a"}\n\n', "data: [DONE]\n"])).toEqual([['{"response":"a"}', undefined, undefined], ["[DONE]", undefined, undefined]]);
    expect(parseAll(['data: {"response":"a"}\n\n', 'data: {"resp'])).toEqual([['{"response":"a"}', undefined, undefined]]);
  });

  it("yields the same events however the byte stream is chunked", () => {
    const line = fc.stringMatching(/^[a-z{}":, \u00e9]{0,12}$/);
    const event = fc.array(line, { minLength: 1, maxLength: 3 });
    const eol = fc.constantFrom("\n", "\r\n", "\r");
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 6 }), eol, fc.array(fc.nat(), { maxLength: 8 }), (events, nl, cuts) => {
        const text = events.map((lines) => lines.map((l) => `data: ${l}${nl}`).join("") + nl).join("");
        const bytes = new TextEncoder().encode(text);
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks: Uint8Array[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(bytes.slice(prev, p));
          prev = p;
        }
        chunks.push(bytes.slice(prev));
        const expected = events.map((lines) => [lines.join("\n"), undefined, undefined]);
        expect(parseAll(chunks)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
