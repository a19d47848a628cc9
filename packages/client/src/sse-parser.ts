/**
 * A small server-sent-events parser following the WHATWG event-stream rules exactly (LF, CR and CRLF line ends,
 * split across chunks; comments; multi-line `data`; `event`/`id`; a leading BOM; the last event ID kept across
 * events, which eventsource-parser does not do). A public utility for reading event streams by hand (resuming
 * with Last-Event-ID): the client's own streams use eventsource-parser, which is as fast and which they need only
 * for `data` (docs/decisions/0341-client-streams-use-eventsource-parser.md).
 */

/** Called once per dispatched event; `event` is undefined for the default "message" type. */
export type SSEEventHandler = (data: string, event: string | undefined, id: string | undefined) => void;

const LF = 10;
const CR = 13;
const SPACE = 32;

/** `data:` at `i`, compared by char code (measurably faster than startsWith in the hot loop). */
function isData(text: string, i: number): boolean {
  return (
    text.charCodeAt(i) === 100 && text.charCodeAt(i + 1) === 97 && text.charCodeAt(i + 2) === 116 && text.charCodeAt(i + 3) === 97 && text.charCodeAt(i + 4) === 58
  );
}

/**
 * Incremental SSE parser: feed it bytes or text as they arrive, call `end()` when the body ends.
 * @example
 * const parser = new SSEParser((data) => console.log(JSON.parse(data)));
 * for await (const chunk of body) parser.feed(chunk);
 * parser.end();
 */
export class SSEParser {
  private readonly onEvent: SSEEventHandler;
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: false });
  /** An unfinished line carried over from the previous chunk. */
  private pending = "";
  /** The previous chunk ended in CR, so a LF starting the next chunk belongs to the same line end. */
  private skipLeadingLF = false;
  private data: string | undefined = undefined;
  private eventType: string | undefined = undefined;
  private lastId: string | undefined = undefined;

  constructor(onEvent: SSEEventHandler) {
    this.onEvent = onEvent;
  }

  /** The `id` of the most recent event, for resuming with Last-Event-ID. */
  get lastEventId(): string | undefined {
    return this.lastId;
  }

  /** Parses one chunk; events completed by it are dispatched synchronously. */
  feed(chunk: Uint8Array | string): void {
    let text = typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true });
    if (text.length === 0) return;
    if (this.skipLeadingLF) {
      this.skipLeadingLF = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1);
    }
    if (this.pending.length > 0) {
      text = this.pending + text;
      this.pending = "";
    }
    const len = text.length;
    let pos = 0;
    if (text.indexOf("\r") === -1) {
      // Fast path: LF-only line ends, which is what Workers AI and most servers send. A complete one-line
      // event ("data: x\n\n") is dispatched straight from the chunk without touching the parser state.
      const onEvent = this.onEvent;
      for (;;) {
        const nl = text.indexOf("\n", pos);
        if (nl === -1) break;
        if (nl === pos) {
          this.dispatch();
          pos = nl + 1;
          continue;
        }
        if (isData(text, pos)) {
          const start = text.charCodeAt(pos + 5) === SPACE ? pos + 6 : pos + 5;
          if (this.data === undefined && text.charCodeAt(nl + 1) === LF) {
            const event = this.eventType;
            this.eventType = undefined;
            onEvent(text.slice(start, nl), event === "" ? undefined : event, this.lastId);
            pos = nl + 2;
            continue;
          }
          const value = text.slice(start, nl);
          this.data = this.data === undefined ? value : `${this.data}\n${value}`;
        } else {
          this.line(text, pos, nl);
        }
        pos = nl + 1;
      }
    } else {
      while (pos < len) {
        let end = pos;
        let c = 0;
        while (end < len) {
          c = text.charCodeAt(end);
          if (c === LF || c === CR) break;
          end++;
        }
        if (end === len) break;
        this.line(text, pos, end);
        pos = end + 1;
        if (c === CR) {
          if (pos === len) this.skipLeadingLF = true;
          else if (text.charCodeAt(pos) === LF) pos++;
        }
      }
    }
    if (pos < len) this.pending = text.slice(pos);
  }

  /**
   * Finishes the stream. Per the spec an event not terminated by a blank line is discarded; the one exception is
   * a final `data: [DONE]` (with or without its line end), which servers sometimes send without the blank line.
   * Anything else left over is dropped, so the stream reads as truncated rather than as a half event.
   */
  end(): void {
    const tail = this.pending + this.decoder.decode();
    this.pending = "";
    if (tail.length > 0) this.line(tail, 0, tail.length);
    if (this.data === "[DONE]") this.dispatch();
    this.data = undefined;
    this.eventType = undefined;
  }

  private line(text: string, start: number, end: number): void {
    if (start === end) {
      this.dispatch();
      return;
    }
    const first = text.charCodeAt(start);
    if (first === 58 /* ":" */) return; // comment
    // Common case first: "data: ..." / "data:..."
    if (isData(text, start)) {
      let v = start + 5;
      if (text.charCodeAt(v) === SPACE) v++;
      const value = text.slice(v, end);
      this.data = this.data === undefined ? value : `${this.data}\n${value}`;
      return;
    }
    const colon = text.indexOf(":", start);
    let field: string;
    let value: string;
    if (colon === -1 || colon >= end) {
      field = text.slice(start, end);
      value = "";
    } else {
      field = text.slice(start, colon);
      let v = colon + 1;
      if (text.charCodeAt(v) === 32) v++;
      value = text.slice(v, end);
    }
    if (field === "\uFEFFdata" || field === "data") {
      this.data = this.data === undefined ? value : `${this.data}\n${value}`;
    } else if (field === "event" || field === "\uFEFFevent") {
      this.eventType = value;
    } else if (field === "id") {
      if (!value.includes("\0")) this.lastId = value;
    }
    // "retry" and unknown fields are ignored: the client never reconnects on its own.
  }

  private dispatch(): void {
    const data = this.data;
    const event = this.eventType;
    this.data = undefined;
    this.eventType = undefined;
    if (data === undefined) return;
    this.onEvent(data, event === "" ? undefined : event, this.lastId);
  }
}
