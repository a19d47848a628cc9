/**
 * The two parsers under comparison behind one signature. Both get raw bytes, as they would from a socket:
 * @edge-ai/client's SSEParser decodes UTF-8 itself; eventsource-parser takes strings, so it gets a streaming
 * TextDecoder in front, which is how every client (openai-node included) feeds it. Both callbacks do the same
 * work (count the event, add its data length) so neither can be optimised away.
 */
import { createParser } from "eventsource-parser";
// The same parser the client's streams use; @edge-ai/client exports it.
import { SSEParser } from "@edge-ai/client";

/** What a parser saw: equal tallies prove both parsed the same events. */
export interface ParseTally {
  events: number;
  dataChars: number;
}

/** A parser run over a whole chunked input. */
export type ParseRun = (chunks: Uint8Array[]) => ParseTally;

/** @edge-ai/client's SSEParser (packages/client/src/sse-parser.ts). */
export const parseWithEdgeAI: ParseRun = (chunks) => {
  const tally: ParseTally = { events: 0, dataChars: 0 };
  const parser = new SSEParser((data) => {
    tally.events++;
    tally.dataChars += data.length;
  });
  for (const c of chunks) parser.feed(c);
  parser.end();
  return tally;
};

/** eventsource-parser 3.1.1 with a streaming TextDecoder in front. */
export const parseWithEventsourceParser: ParseRun = (chunks) => {
  const tally: ParseTally = { events: 0, dataChars: 0 };
  const parser = createParser({
    onEvent(event) {
      tally.events++;
      tally.dataChars += event.data.length;
    },
  });
  const decoder = new TextDecoder();
  for (const c of chunks) parser.feed(decoder.decode(c, { stream: true }));
  const rest = decoder.decode();
  if (rest.length > 0) parser.feed(rest);
  parser.reset({ consume: true });
  return tally;
};
