import { dispatch, MockState } from "@edge-ai/mocks";
import { schemas } from "@edge-ai/contract";
import { validateAgainst } from "../src/validate.js";
const st = new MockState();
const input = { messages: [{ role: "user", content: "Say hello in five words." }], max_tokens: 32 };
const body = new TextEncoder().encode(JSON.stringify(input));
const req = { method: "POST", path: "/accounts/acc/ai/run/@cf/meta/llama-3.1-8b-instruct-fast", query: new URLSearchParams(), header: (n: string) => (n === "authorization" ? "Bearer t" : n === "content-type" ? "application/json" : undefined), body };
function time(name: string, fn: () => unknown, n = 20000) {
  for (let i = 0; i < 2000; i++) fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  console.log(name, ((performance.now() - t) * 1000 / n).toFixed(1), "us/op");
}
for (let r = 0; r < 2; r++) {
time("dispatch msgs", () => JSON.stringify(dispatch(req, st).body));
time("validateAgainst msgs", () => validateAgainst("TextGenerationInput", input));
time("messages branch", () => (schemas as any).TextGenerationMessagesInput.safeParse(input));
time("ChatMessage", () => (schemas as any).ChatMessage.safeParse(input.messages[0]));
}
