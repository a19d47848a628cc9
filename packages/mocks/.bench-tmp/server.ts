import { createServer } from "node:http";
import { startEmulator } from "@edge-ai/mocks";
const emu = await startEmulator({ port: 0, quiet: true, rateLimits: false });
const path = process.argv[2]!;
const method = process.argv[3]!;
const body = process.argv[4] ?? "";
const sample = await fetch(emu.url + path, { method, headers: { authorization: "Bearer t", "content-type": "application/json" }, body: method === "GET" ? undefined : body });
const bytes = Buffer.from(await sample.arrayBuffer());
const headers: Record<string, string> = {};
sample.headers.forEach((v, k) => { if (k !== "date" && k !== "connection" && k !== "keep-alive") headers[k] = v; });
const bare = createServer((req, res) => {
  if (req.url === "/__cpu") { const u = process.cpuUsage(); res.end(String(u.user + u.system)); return; }
  const chunks: Buffer[] = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => { res.writeHead(200, headers); res.end(bytes); });
});
await new Promise<void>((r) => bare.listen(0, "127.0.0.1", () => r()));
process.stdout.write(JSON.stringify({ emu: emu.url, bare: `http://127.0.0.1:${(bare.address() as any).port}/client/v4`, size: bytes.length }) + "\n");
