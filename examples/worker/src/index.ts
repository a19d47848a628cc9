/**
 * An example Worker: the typed client over the Workers AI binding, no token in the Worker.
 *   GET /?prompt=…        one answer as JSON { response, usage }
 *   GET /stream?prompt=…  the answer's text as it is generated (text/plain, chunked)
 *   POST /embed ["a","b"] embeddings as JSON { shape }
 * Client errors become JSON { error: kind, message } with a status that says whose fault it was.
 */
import { type AiBinding, EdgeAI, EdgeAIError } from "@edge-ai/client";

/** The Worker's bindings (wrangler.toml: [ai] binding = "AI"). */
export interface Env {
  AI: AiBinding;
}

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fast";

function failure(error: unknown): Response {
  if (!(error instanceof EdgeAIError)) throw error;
  // The caller's input is at fault for validation errors; anything else is the upstream's.
  const status = error.kind === "validation" || error.kind === "bad_request" ? 400 : 502;
  return Response.json({ error: error.kind, message: error.message }, { status });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const ai = EdgeAI.fromBinding(env.AI, { maxRetries: 1 });
    const url = new URL(request.url);
    const prompt = url.searchParams.get("prompt") ?? "Say hello.";
    try {
      if (url.pathname === "/stream") {
        const stream = await ai.run(MODEL, { prompt, stream: true });
        const encoder = new TextEncoder();
        const body = stream.toReadableStream().pipeThrough(
          new TransformStream<{ response?: string }, Uint8Array>({ transform: (chunk, out) => out.enqueue(encoder.encode(chunk.response ?? "")) }),
        );
        return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8" } });
      }
      if (url.pathname === "/embed" && request.method === "POST") {
        const text = (await request.json()) as string[];
        const { shape } = await ai.run("@cf/baai/bge-base-en-v1.5", { text });
        return Response.json({ shape });
      }
      const { response, usage } = await ai.run(MODEL, { prompt });
      return Response.json({ response, usage });
    } catch (error) {
      return failure(error);
    }
  },
};
