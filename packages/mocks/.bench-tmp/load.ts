import { Pool } from "undici";
const [url, conns, ms] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const u = new URL(url);
const body = JSON.stringify({ messages: [{ role: "user", content: "Say hello in five words." }], max_tokens: 32 });
const pool = new Pool(u.origin, { connections: conns });
let n = 0; const end = performance.now() + ms;
await Promise.all(Array.from({ length: conns }, async () => {
  while (performance.now() < end) {
    const r = await pool.request({ path: u.pathname + "/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/meta/llama-3.1-8b-instruct-fast", method: "POST", headers: { authorization: "Bearer t", "content-type": "application/json" }, body });
    await r.body.arrayBuffer(); n++;
  }
}));
console.log("rps", (n / (ms / 1000)).toFixed(0));
await pool.close();
