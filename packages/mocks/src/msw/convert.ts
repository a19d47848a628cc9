/**
 * Translation between Fetch API objects (what msw hands us) and the plain MockRequest/MockResponse
 * of the shared dispatch. This is the only msw-specific behaviour.
 */
import { apiPath } from "../api-path.js";
import { isSse, type MockRequest, type MockResponse, type SseEvents } from "../mock-response.js";

export { apiPath };

/** Reads a Fetch `Request` into a MockRequest. */
export async function toMockRequest(request: Request): Promise<MockRequest> {
  const url = new URL(request.url);
  // url.pathname keeps percent-encoding, so an encoded "/" in a slug is still visible to routing.
  const body = request.method === "GET" || request.method === "HEAD" ? new Uint8Array(0) : new Uint8Array(await request.arrayBuffer());
  return {
    method: request.method.toUpperCase(),
    path: apiPath(url.pathname),
    query: url.searchParams,
    search: url.search.slice(1),
    header: (name) => request.headers.get(name) ?? undefined,
    body,
  };
}

const encoder = new TextEncoder();

function sseStream(sse: SseEvents): ReadableStream<Uint8Array> {
  let index = 0;
  const limit = sse.cutAfter ?? Number.POSITIVE_INFINITY;
  const pacing = sse.pacingMs ?? 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (index > 0 && pacing > 0) await new Promise((r) => setTimeout(r, pacing));
      if (index >= limit) {
        controller.error(new TypeError("terminated: the stream was cut before [DONE] (fault stream-cut)"));
        return;
      }
      if (index >= sse.events.length) {
        controller.enqueue(encoder.encode("data: [DONE]\n\n"));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(`data: ${sse.events[index++]}\n\n`));
    },
  });
}

/** Builds the Fetch `Response` for a MockResponse (a network error for the `reset` fault). */
export async function toFetchResponse(response: MockResponse): Promise<Response> {
  if (response.transport?.reset) return Response.error();
  if (response.transport?.delayMs) await new Promise((r) => setTimeout(r, response.transport!.delayMs));
  const { status, headers, body } = response;
  let payload: ConstructorParameters<typeof Response>[0];
  if (isSse(body)) payload = sseStream(body);
  else if (body instanceof Uint8Array) payload = body;
  else if (typeof body === "string" || body === null) payload = body;
  else payload = JSON.stringify(body);
  return new Response(payload, { status, headers });
}
