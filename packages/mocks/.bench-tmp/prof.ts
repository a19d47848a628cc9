import { Pool } from "undici";
import { startEmulator } from "@edge-ai/mocks";
const emu = await startEmulator({ port: 0, quiet: true, rateLimits: false });
const u = new URL(emu.url);
const pool = new Pool(u.origin, { connections: 32 });
let left = 30000;
const t0 = performance.now();
await Promise.all(Array.from({ length: 32 }, async () => {
  while (left-- > 0) {
    const r = await pool.request({ path: u.pathname + "/accounts/acc/ai/run/@cf/meta/llama-3.1-8b-instruct-fast", method: "POST", headers: { authorization: "Bearer t", "content-type": "application/json" }, body: `{"messages":[{"role":"user","content":"Say hello in ${left} words."}],"max_tokens":32}` });
    await r.body.arrayBuffer();
  }
}));
console.log("rps", (30000 / ((performance.now() - t0) / 1000)).toFixed(0));
await pool.close(); await emu.close();
