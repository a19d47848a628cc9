/**
 * A minimal valid input for each catalogued model, found by trying a few candidate shapes against the model's own
 * input schema from the contract. Response-decoding fuzz needs requests that pass validation, so that the hostile
 * part is only the answer; request-validation fuzz mutates these into invalid ones.
 */
import { models, schemas } from "@edge-ai/contract";

const candidates: Record<string, unknown>[] = [
  { prompt: "hello" },
  { messages: [{ role: "user", content: "hello" }] },
  { text: ["hello"] },
  { text: "hello" },
  { text: "hello", target_lang: "fr" },
  { text: "hello", source_lang: "en", target_lang: "fr" },
  { input_text: "hello" },
  { image: [1, 2, 3] },
  { image: "aGVsbG8=" },
  { image: [1, 2, 3], prompt: "describe" },
  { audio: [1, 2, 3] },
  { audio: "aGVsbG8=" },
  { query: "q", contexts: [{ text: "a" }] },
];

/** A catalogued model with a known-valid input. */
export interface ModelWithInput {
  id: string;
  inputSchemaName: string;
  streaming: boolean;
  input: Record<string, unknown>;
}

/** Every catalogued model for which one of the candidates validates; `skipped` lists the others. */
export function modelsWithInputs(): { usable: ModelWithInput[]; skipped: string[] } {
  const usable: ModelWithInput[] = [];
  const skipped: string[] = [];
  for (const m of models) {
    const schema = (schemas as Record<string, { safeParse(v: unknown): { success: boolean } }>)[m.inputSchemaName];
    const input = schema ? candidates.find((c) => schema.safeParse(c).success) : undefined;
    if (input) usable.push({ id: m.id, inputSchemaName: m.inputSchemaName, streaming: m.capabilities.streaming, input });
    else skipped.push(`${m.id} (${m.inputSchemaName})`);
  }
  return { usable, skipped };
}
