/**
 * The tour of @edge-ai/client, one step per feature. Each step prints a `== N. title` header and a few lines of
 * result; the test in test/ reads those lines. Model ids are all active (none of the ids deprecated on 2026-05-30).
 */
import type { EdgeAI } from "@edge-ai/client";
import { writeImage } from "./image-file.js";
import { cosineSimilarity } from "./vector-math.js";

/** The models the tour uses. */
export const MODELS = {
  chat: "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
  stream: "@cf/meta/llama-3.1-8b-instruct-fast",
  embeddings: "@cf/baai/bge-base-en-v1.5",
  image: "@cf/black-forest-labs/flux-1-schnell",
  translation: "@cf/meta/m2m100-1.2b",
} as const;

/** Where the tour writes: `print` for whole lines, `write` for streamed text, `outDir` for the image. */
export interface TourIO {
  print(line: string): void;
  write(text: string): void;
  outDir: string;
}

type Step = (ai: EdgeAI, io: TourIO) => Promise<void>;

const chat: Step = async (ai, io) => {
  const { response, usage } = await ai.run(MODELS.chat, {
    messages: [
      { role: "system", content: "You are a concise assistant." },
      { role: "user", content: "In one sentence, what is a lighthouse for?" },
    ],
  });
  io.print(`assistant: ${response}`); // a plain call's response is the text (a string)
  io.print(`usage: ${usage?.prompt_tokens ?? "?"} prompt + ${usage?.completion_tokens ?? "?"} completion tokens`);
};

const stream: Step = async (ai, io) => {
  const chunks = await ai.run(MODELS.stream, { messages: [{ role: "user", content: "Tell me a very short story about a lighthouse." }], stream: true });
  let count = 0;
  io.write("assistant: ");
  for await (const chunk of chunks) {
    if (chunk.response) {
      io.write(chunk.response);
      count++;
    }
  }
  io.write("\n");
  io.print(`(${count} chunks streamed)`);
};

const jsonMode: Step = async (ai, io) => {
  const { response } = await ai.run(MODELS.chat, {
    messages: [{ role: "user", content: "Describe a lighthouse as JSON with its name, height in metres and whether it is active." }],
    response_format: {
      type: "json_schema",
      json_schema: {
        type: "object",
        properties: { name: { type: "string" }, height_m: { type: "number" }, active: { type: "boolean" } },
        required: ["name", "height_m", "active"],
      },
    },
  });
  // JSON mode: response is the parsed object (Record<string, unknown>); validate it with your own schema to type it.
  io.print(`json: ${JSON.stringify(response)}`);
};

const toolCall: Step = async (ai, io) => {
  const { tool_calls: calls } = await ai.run(MODELS.chat, {
    messages: [{ role: "user", content: "What is the weather in Lisbon right now?" }],
    tools: [
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Current weather for a city",
          // The model's schema wants a description on every parameter.
          parameters: { type: "object", properties: { city: { type: "string", description: "City name" } }, required: ["city"] },
        },
      },
    ],
  });
  const first = calls?.[0] as { name?: string; arguments?: unknown; function?: { name: string; arguments: string } } | undefined;
  if (!first) throw new Error("the model returned no tool call");
  const name = first.function?.name ?? first.name;
  const args = first.function?.arguments ?? first.arguments;
  io.print(`tool call: ${name}(${typeof args === "string" ? args : JSON.stringify(args)})`);
};

const embeddings: Step = async (ai, io) => {
  const sentences = ["The lighthouse guides ships at night.", "A beacon on the coast warns sailors.", "I baked bread this morning."];
  const { data, shape } = await ai.run(MODELS.embeddings, { text: sentences });
  io.print(`embeddings: ${shape?.[0] ?? data?.length} vectors of ${shape?.[1] ?? data?.[0]?.length} dimensions`);
  const [a, b, c] = data as number[][];
  io.print(`cosine(lighthouse, beacon) = ${cosineSimilarity(a!, b!).toFixed(3)}`);
  io.print(`cosine(lighthouse, bread)  = ${cosineSimilarity(a!, c!).toFixed(3)}`);
};

const image: Step = async (ai, io) => {
  const { image: base64 } = await ai.run(MODELS.image, { prompt: "a lighthouse at dusk, watercolour", steps: 4 });
  if (typeof base64 !== "string") throw new Error("flux returned no image");
  const bytes = Buffer.from(base64, "base64");
  const file = writeImage(io.outDir, "lighthouse", bytes);
  io.print(`image: ${bytes.length} bytes written to ${file}`);
};

const translation: Step = async (ai, io) => {
  const { translated_text } = await ai.run(MODELS.translation, { text: "The lighthouse is open to visitors.", source_lang: "en", target_lang: "fr" });
  io.print(`translation (en -> fr): ${String(translated_text)}`);
};

const modelList: Step = async (ai, io) => {
  const names: string[] = [];
  for await (const model of ai.models.search({ task: "Text Generation", per_page: 20 })) names.push(model.name);
  io.print(`models: ${names.length} text-generation models, e.g. ${names.slice(0, 3).join(", ")}`);
};

const batch: Step = async (ai, io) => {
  const prompts = ["Name a famous lighthouse.", "Why are lighthouses striped?", "How far can a lighthouse beam reach?"];
  const job = await ai.batch.submit(
    MODELS.chat,
    prompts.map((p, i) => ({ messages: [{ role: "user" as const, content: p }], external_reference: `q${i + 1}` })),
  );
  io.print(`batch: submitted ${prompts.length} requests as ${job.request_id} (${job.status})`);
  const done = await ai.batch.wait(MODELS.chat, job.request_id, { intervalMs: 200, maxIntervalMs: 2_000, deadlineMs: 120_000 });
  done.responses.forEach((item, i) => {
    const text = String((item.result as { response?: unknown } | undefined)?.response ?? "").slice(0, 60);
    io.print(`batch[${i}] ${item.external_reference ?? "-"} ${item.success ? "ok" : "failed"}: ${text}`);
  });
};

/** The tour, in order. */
export const STEPS: [title: string, step: Step][] = [
  ["Chat", chat],
  ["Streaming", stream],
  ["JSON mode", jsonMode],
  ["Tool call", toolCall],
  ["Embeddings + cosine similarity", embeddings],
  ["Image", image],
  ["Translation", translation],
  ["Model list", modelList],
  ["Batch", batch],
];

/**
 * Runs every step in order; a failing step stops the tour with its error.
 * @example await runTour(ai, { print: console.log, write: (t) => process.stdout.write(t), outDir: "out" });
 */
export async function runTour(ai: EdgeAI, io: TourIO): Promise<void> {
  let n = 0;
  for (const [title, step] of STEPS) {
    io.print(`\n== ${++n}. ${title}`);
    await step(ai, io);
  }
}
