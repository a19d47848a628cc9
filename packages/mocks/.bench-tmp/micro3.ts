import { dispatch, MockState } from "@edge-ai/mocks";
const st = new MockState();
let i = 0;
const mk = () => {
  const body = new TextEncoder().encode(`{"messages":[{"role":"user","content":"Say hello in ${i++} words."}],"max_tokens":32}`);
  return { method: "POST", path: "/accounts/acc/ai/run/@cf/meta/llama-3.1-8b-instruct-fast", search: "", query: new URLSearchParams(), header: (n: string) => (n === "authorization" ? "Bearer t" : n === "content-type" ? "application/json" : undefined), body };
};
function time(name: string, fn: () => unknown, n = 20000) {
  for (let k = 0; k < 3000; k++) fn();
  const t = performance.now();
  for (let k = 0; k < n; k++) fn();
  console.log(name, ((performance.now() - t) * 1000 / n).toFixed(1), "us/op");
}
for (let r = 0; r < 3; r++) {
  time("mk only", () => mk());
  time("dispatch unique", () => { const res = dispatch(mk(), st); return res.body instanceof Uint8Array ? res.body.length : JSON.stringify(res.body).length; });
}
