/**
 * Fine-tunes: list and create (`GET/POST /ai/finetunes`), the public list (`GET /ai/finetunes/public`) and asset
 * uploads (`POST /ai/finetunes/{id}/finetune-assets`, multipart `file` + `file_name`). Kept per emulator state.
 */
import { failure, success } from "../envelope.js";
import type { MockRequest, MockResponse } from "../mock-response.js";
import type { MockState } from "../mock-state.js";
import { hashSeed, seededUuid } from "../seed.js";
import { readMultipart } from "./multipart.js";

interface Finetune {
  id: string;
  name: string;
  description?: string;
  model: string;
  public: boolean;
  created_at: string;
  modified_at: string;
}

const stores = new WeakMap<MockState, Finetune[]>();
const storeOf = (state: MockState) => {
  let list = stores.get(state);
  if (!list) stores.set(state, (list = []));
  return list;
};

/** LoRA adapters Cloudflare publishes for everyone (a fixed sample). */
const publicFinetunes: Finetune[] = [
  { id: seededUuid(hashSeed("finetune", "cf-public-magicoder")), name: "cf-public-magicoder", description: "Code generation adapter", model: "@cf/mistral/mistral-7b-instruct-v0.2-lora", public: true, created_at: "2024-04-01 00:00:00", modified_at: "2024-04-01 00:00:00" },
  { id: seededUuid(hashSeed("finetune", "cf-public-cnn-summarization")), name: "cf-public-cnn-summarization", description: "News summarization adapter", model: "@cf/mistral/mistral-7b-instruct-v0.2-lora", public: true, created_at: "2024-04-01 00:00:00", modified_at: "2024-04-01 00:00:00" },
];

const now = () => new Date().toISOString().replace("T", " ").slice(0, 19);

/** GET finetunes. */
export function listFinetunes(state: MockState): MockResponse {
  return success(storeOf(state));
}

/** GET finetunes/public (`limit`, `offset`). */
export function listPublicFinetunes(query: URLSearchParams): MockResponse {
  const offset = Math.max(0, Number(query.get("offset") ?? 0) || 0);
  const limit = Math.max(1, Number(query.get("limit") ?? 100) || 100);
  return success(publicFinetunes.slice(offset, offset + limit));
}

/** POST finetunes: `{model, name, description?, public?}` (already validated against the contract). */
export function createFinetune(state: MockState, body: Record<string, unknown>, known: (id: string) => boolean): MockResponse {
  const model = String(body["model"]);
  if (!known(model)) return failure(400, 5007, `No such model ${model} or task`);
  const list = storeOf(state);
  const name = String(body["name"]);
  if (list.some((f) => f.name === name)) return failure(400, 3039, `A finetune named ${name} already exists`);
  const stamp = now();
  const finetune: Finetune = { id: seededUuid(hashSeed("finetune", name, String(list.length))), name, model, public: body["public"] === true, created_at: stamp, modified_at: stamp };
  if (typeof body["description"] === "string") finetune.description = body["description"];
  list.push(finetune);
  return success(finetune);
}

/** POST finetunes/{id}/finetune-assets: multipart `file` (adapter_model.safetensors or adapter_config.json) + `file_name`. */
export function uploadFinetuneAsset(state: MockState, req: MockRequest, finetuneId: string): MockResponse {
  const finetune = storeOf(state).find((f) => f.id === finetuneId || f.name === finetuneId);
  if (!finetune) return failure(404, undefined, `No finetune ${finetuneId}`);
  const parts = readMultipart(req.header("content-type"), req.body);
  if (!parts) return failure(400, 3003, "Bad input: send the asset as multipart/form-data with `file` and `file_name`");
  const file = parts.find((p) => p.name === "file");
  const fileName = parts.find((p) => p.name === "file_name");
  if (!file || !fileName) return failure(400, 3039, "Bad input: the form needs `file` and `file_name`");
  const name = new TextDecoder().decode(fileName.data).trim();
  const stamp = now();
  return success({ id: seededUuid(hashSeed("asset", finetune.id, name)), bucket_name: "finetunes", file_name: name, finetune_id: finetune.id, created_at: stamp, modified_at: stamp });
}
