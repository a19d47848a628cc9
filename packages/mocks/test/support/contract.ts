/**
 * Reads the bundled contract for tests: per operation, an example request and the name of the
 * 200 JSON response component, so tests derive what to send and what to expect from the contract.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

type Json = Record<string, unknown>;

const spec = JSON.parse(readFileSync(fileURLToPath(new URL("../../../../openapi/dist/edge-ai.openapi.json", import.meta.url)), "utf8")) as {
  paths: Record<string, Record<string, Json>>;
};

/** What a test needs to know about one operation. */
export interface OperationFacts {
  operationId: string;
  method: string;
  path: string;
  /** First JSON request example, if the operation takes a body. */
  example: unknown;
  /** The body is a multipart form (the example holds its field values, files base64). */
  multipart: boolean;
  /** Component name of the 200 application/json body, if any. */
  jsonResponse: string | undefined;
  /** Media types of the 200 answer. */
  media: string[];
  /** The catalogued model of a per-model operation. */
  model: string | undefined;
}

function refName(schema: unknown): string | undefined {
  const ref = (schema as Json | undefined)?.["$ref"];
  return typeof ref === "string" ? ref.split("/").pop() : undefined;
}

/** Facts of every operation of the bundled contract. */
export function operationFacts(): OperationFacts[] {
  const out: OperationFacts[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op !== "object" || !op || !("operationId" in op)) continue;
      const content = (op["requestBody"] as Json | undefined)?.["content"] as Record<string, Json> | undefined;
      // Multipart-only models (flux-2): their form fields, which the emulator also takes as JSON.
      const body = content?.["application/json"] ?? content?.["multipart/form-data"];
      const multipart = !content?.["application/json"] && !!content?.["multipart/form-data"] && !("x-edge-ai-model" in op);
      const examples = body?.["examples"] as Record<string, { value: unknown }> | undefined;
      const example = body?.["example"] ?? (examples ? Object.values(examples)[0]?.value : undefined);
      const ok = ((op["responses"] as Json)["200"] as Json | undefined)?.["content"] as Record<string, Json> | undefined;
      out.push({
        operationId: String(op["operationId"]),
        method: method.toUpperCase(),
        path,
        example,
        multipart,
        jsonResponse: refName(ok?.["application/json"]?.["schema"]),
        media: Object.keys(ok ?? {}),
        model: (op["x-edge-ai-model"] as { id?: string } | undefined)?.id,
      });
    }
  }
  return out;
}

/** A concrete URL path for an operation (account 0123…ef; the generic run path gets a real model). */
export function concretePath(facts: OperationFacts): string {
  let path = facts.path.replace("{account_id}", "0123456789abcdef0123456789abcdef").replace("{model_name}", "@cf/meta/llama-3.1-8b-instruct-fast");
  if (facts.operationId === "getModelSchema") path += "?model=@cf/baai/bge-base-en-v1.5";
  return path;
}
