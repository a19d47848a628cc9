/**
 * A Workers AI binding stand-in for Miniflare (a wrapped binding: workerd calls the default export with its own
 * bindings and hands the returned object to the Worker as env.AI). `run` behaves like the real binding: it resolves
 * to the unwrapped result, to the SSE body for `stream: true` and to the image bytes for image models, and throws
 * errors whose message starts with the Cloudflare code. Answers come from the emulator at env.EMULATOR.
 */
export default function (env) {
  return {
    aiGatewayLogId: null,
    async run(model, inputs) {
      const res = await fetch(`${env.EMULATOR}/client/v4/accounts/0123456789abcdef0123456789abcdef/ai/run/${model}`, {
        method: "POST",
        headers: { authorization: "Bearer binding-standin", "content-type": "application/json" },
        body: JSON.stringify(inputs),
      });
      const type = res.headers.get("content-type") ?? "";
      if (res.ok && type.startsWith("text/event-stream")) return res.body;
      if (res.ok && !type.includes("json")) return res.body;
      const body = await res.json();
      if (!res.ok || body.success === false) {
        const e = body.errors?.[0] ?? {};
        throw new Error(e.code ? `${e.code}: ${e.message}` : (e.message ?? `HTTP ${res.status}`));
      }
      return body.result;
    },
  };
}
