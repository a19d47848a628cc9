import { dispatch, MockState } from "@edge-ai/mocks";
import { schemas } from "@edge-ai/contract";
import { planReply, nativeOutput } from "../src/responders/text-generation.js";
const st = new MockState();
const body = new TextEncoder().encode('{"prompt":"hi","max_tokens":16}');
const req = { method: "POST", path: "/accounts/acc/ai/run/@cf/meta/llama-3.1-8b-instruct-fast", query: new URLSearchParams(), header: (n: string) => (n === "authorization" ? "Bearer t" : n === "content-type" ? "application/json" : undefined), body };
function time(name: string, fn: () => unknown, n = 20000) {
  for (let i = 0; i < 2000; i++) fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  console.log(name, ((performance.now() - t) * 1000 / n).toFixed(1), "us/op");
}
time("dispatch", () => JSON.stringify(dispatch(req, st).body));
time("zod TextGenerationInput", () => (schemas as any).TextGenerationInput.safeParse({ prompt: "hi", max_tokens: 16 }));
time("planReply+native", () => JSON.stringify(nativeOutput(planReply({ prompt: "hi", max_tokens: 16 }, 123))));
time("JSON.parse", () => JSON.parse(new TextDecoder().decode(body)));
const sreq = { ...req, path: "/accounts/acc/ai/tasks/search", method: "GET", body: new Uint8Array(0) };
time("tasks/search", () => JSON.stringify(dispatch(sreq, st).body));
import { validateAgainst } from "../src/validate.js";
for (let r = 0; r < 3; r++) {
time("validateAgainst", () => validateAgainst("TextGenerationInput", { prompt: "hi", max_tokens: 16 }));
time("dispatch", () => JSON.stringify(dispatch(req, st).body));
time("zod full", () => (schemas as any).TextGenerationInput.safeParse({ prompt: "hi", max_tokens: 16 }));
}
