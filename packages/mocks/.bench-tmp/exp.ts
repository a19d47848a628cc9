import { createServer } from "node:http";
import { Pool } from "undici";
import { dispatch, MockState } from "@edge-ai/mocks";
import { writeResponse } from "../src/emulator/write-response.js";
import { readBody } from "../src/emulator/read-body.js";
const st = new MockState();
const path = "/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/meta/llama-3.1-8b-instruct-fast";
const bodyStr = JSON.stringify({ messages: [{ role: "user", content: "Say hello in five words." }], max_tokens: 32 });
const fixed = Buffer.from(JSON.stringify({ result: { response: "x".repeat(200) }, success: true, errors: [], messages: [] }));
const mk = (req: any, body: Uint8Array) => ({ method: "POST", path, query: new URLSearchParams(), header: (n: string) => req.headers[n], body });
const variants: Record<string, (req: any, res: any) => void> = {
  bare: (req, res) => { req.on("data", () => {}); req.on("end", () => { res.writeHead(200, { "content-type": "application/json", "content-length": String(fixed.length) }); res.end(fixed); }); },
  bareString: (req, res) => { req.on("data", () => {}); req.on("end", () => { const s = fixed.toString(); res.writeHead(200, { "content-type": "application/json", "content-length": String(s.length) }); res.end(s); }); },
  readBodyOnly: (req, res) => readBody(req, () => { res.writeHead(200, { "content-type": "application/json", "content-length": String(fixed.length) }); res.end(fixed); }),
  writeResponseFixed: (req, res) => readBody(req, () => writeResponse(res, { status: 200, headers: { "content-type": "application/json" }, body: JSON.parse(fixed.toString()) })),
  dispatchBare: (req, res) => readBody(req, (b) => { const r = dispatch(mk(req, b as Uint8Array), st); const s = JSON.stringify(r.body); res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(s)) }); res.end(s); }),
  full: (req, res) => readBody(req, (b) => writeResponse(res, dispatch(mk(req, b as Uint8Array), st))),
};
for (const [name, handler] of Object.entries(variants)) {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const origin = `http://127.0.0.1:${(server.address() as any).port}`;
  const out: string[] = [];
  for (const conns of [1, 32]) {
    const pool = new Pool(origin, { connections: conns });
    let n = 0; const end = performance.now() + 1500; const c0 = process.cpuUsage();
    await Promise.all(Array.from({ length: conns }, async () => { while (performance.now() < end) { const r = await pool.request({ path, method: "POST", headers: { authorization: "Bearer t", "content-type": "application/json" }, body: bodyStr }); await r.body.arrayBuffer(); n++; } }));
    const cu = process.cpuUsage(c0); out.push(`c=${conns} ${(n / 1.5).toFixed(0)} rps ${((cu.user + cu.system) / n).toFixed(0)}us/req`);
    await pool.close();
  }
  console.log(name.padEnd(20), out.join("  "));
  server.closeAllConnections(); server.close();
}
