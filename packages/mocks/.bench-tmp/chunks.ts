import { connect } from "node:net";
import { startEmulator } from "@edge-ai/mocks";
const emu = await startEmulator({ port: 0, quiet: true, rateLimits: false });
const body = JSON.stringify({ messages: [{ role: "user", content: "Say hello in five words." }], max_tokens: 32 });
const s = connect(emu.port, "127.0.0.1");
let chunks = 0; let t0 = 0;
s.on("data", (d) => { chunks++; console.log("chunk", chunks, d.length, (performance.now() - t0).toFixed(2) + "ms"); });
for (let i = 0; i < 3; i++) {
  t0 = performance.now();
  s.write(`POST /client/v4/accounts/a/ai/run/@cf/meta/llama-3.1-8b-instruct-fast HTTP/1.1\r\nhost: x\r\nauthorization: Bearer t\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`);
  await new Promise((r) => setTimeout(r, 300));
}
s.destroy(); await emu.close();
