import { schemas } from "@edge-ai/contract";
import { getResponse } from "msw";
import { describe, expect, it } from "vitest";
import { createHandlers, operations } from "@edge-ai/mocks/msw";
import { concretePath, operationFacts } from "./support/contract.js";
import { decodePng, jpegInfo } from "./support/image-checks.js";

const BASE = "https://api.cloudflare.com/client/v4";
const handlers = createHandlers();
const facts = operationFacts();
const schemaMap = schemas as unknown as Record<string, { parse(v: unknown): unknown }>;

/** A multipart body from example field values (arrays repeat the field; strings of binary fields are base64). */
function formRequest(path: string, fields: Record<string, unknown>): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (name === "file" || name === "files") form.append(name, new Blob([Buffer.from(String(v), "base64")], { type: "text/html" }), name === "files" ? "page.html" : "adapter_config.json");
      else form.append(name, String(v));
    }
  }
  return new Request(`${BASE}${path}`, { method: "POST", headers: { authorization: "Bearer test-token" }, body: form });
}

function request(path: string, method: string, body?: unknown): Request {
  return new Request(`${BASE}${path}`, {
    method,
    headers: { authorization: "Bearer test-token", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function answer(req: Request): Promise<Response> {
  const res = await getResponse(handlers, req);
  if (!res) throw new Error(`no handler answered ${req.method} ${req.url}`);
  return res;
}

function sseEvents(text: string): string[] {
  return text.split("\n\n").filter(Boolean).map((block) => block.replace(/^data: /, ""));
}

describe("generated msw handlers", () => {
  it("cover every operation of the contract exactly once", () => {
    expect(operations.map((o) => o.operationId).sort()).toEqual(facts.map((f) => f.operationId).sort());
  });

  for (const op of facts) {
    it(`${op.operationId} answers its example request with a schema-valid 200`, async () => {
      const req = op.multipart ? formRequest(concretePath(op), op.example as Record<string, unknown>) : request(concretePath(op), op.method, op.method === "GET" ? undefined : op.example);
      if (op.operationId === "uploadFinetuneAsset") {
        // The asset belongs to a fine-tune created first.
        const created = await answer(request(concretePath(op).replace(/\/[^/]+\/finetune-assets$/, ""), "POST", { model: "@cf/mistral/mistral-7b-instruct-v0.2-lora", name: "handler-test" }));
        const id = ((await created.json()) as { result: { id: string } }).result.id;
        const res = await answer(formRequest(concretePath(op).replace(/finetunes\/[^/]+\//, `finetunes/${id}/`), op.example as Record<string, unknown>));
        expect(res.status, await res.clone().text()).toBe(200);
        schemaMap[op.jsonResponse!]!.parse(await res.json());
        return;
      }
      const res = await answer(req);
      const type = res.headers.get("content-type") ?? "";
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(res.status, new TextDecoder().decode(bytes).slice(0, 300)).toBe(200);
      if (type === "image/png") {
        expect(op.media).toContain("image/png");
        expect(decodePng(bytes).crcOk).toBe(true);
      } else if (type === "image/jpeg") {
        expect(op.media).toContain("image/jpeg");
        expect(jpegInfo(bytes).markers).toContain(0xc0);
      } else if (type === "audio/mpeg") {
        expect(op.media).toContain("audio/mpeg");
        expect(bytes[0] === 0xff || new TextDecoder().decode(bytes.slice(0, 3)) === "ID3").toBe(true);
      } else {
        expect(type).toBe("application/json");
        expect(op.jsonResponse, "the contract names a JSON response component").toBeDefined();
        schemaMap[op.jsonResponse!]!.parse(JSON.parse(new TextDecoder().decode(bytes)));
      }
    });
  }

  for (const op of facts.filter((f) => f.media.includes("text/event-stream"))) {
    it(`${op.operationId} streams schema-valid events ending in [DONE] when asked to`, async () => {
      const res = await answer(request(concretePath(op), op.method, { ...(op.example as object), stream: true }));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/event-stream");
      const events = sseEvents(await res.text());
      expect(events.at(-1)).toBe("[DONE]");
      expect(events.length).toBeGreaterThan(3);
      const eventSchema = op.operationId === "createChatCompletion" ? schemaMap["ChatCompletionChunk"]! : schemaMap["TextGenerationSseEvent"]!;
      for (const event of events.slice(0, -1)) eventSchema.parse(JSON.parse(event));
    });
  }

  for (const op of facts.filter((f) => f.model !== undefined && !f.media.includes("text/event-stream") && f.jsonResponse?.startsWith("TextGeneration"))) {
    it(`${op.operationId} (no streaming capability) answers stream: true with JSON`, async () => {
      const res = await answer(request(concretePath(op), op.method, { ...(op.example as object), stream: true }));
      expect(res.headers.get("content-type")).toBe("application/json");
      schemaMap[op.jsonResponse!]!.parse(await res.json());
    });
  }

  it("answers the same request with the same body (deterministic seeding)", async () => {
    const body = { messages: [{ role: "user", content: "Same question" }] };
    const path = "/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/meta/llama-3.1-8b-instruct-fast";
    const [a, b] = await Promise.all([answer(request(path, "POST", body)), answer(request(path, "POST", body))]);
    expect(await a.text()).toBe(await b.text());
    const other = await answer(request(path, "POST", { messages: [{ role: "user", content: "Other question" }] }));
    expect(await other.text()).not.toBe(await (await answer(request(path, "POST", body))).text());
  });

  it("rejects a request without a bearer token with 401 / 10000", async () => {
    const res = await answer(new Request(`${BASE}/accounts/0123456789abcdef0123456789abcdef/ai/models/search`));
    expect(res.status).toBe(401);
    expect((await res.json() as any).errors[0].code).toBe(10000);
  });

  it("does not route a model slug with an encoded slash (7000)", async () => {
    const res = await answer(request("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf%2Fmeta%2Fllama-3.1-8b-instruct-fast", "POST", { prompt: "x" }));
    expect(res.status).toBe(400);
    expect((await res.json() as any).errors[0].code).toBe(7000);
  });
});
