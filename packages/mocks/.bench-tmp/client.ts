import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { Pool } from "undici";
const [path, method, body] = [process.argv[2]!, process.argv[3]!, process.argv[4] ?? ""];
const child = spawn("node_modules/.bin/tsx", ["--conditions=@edge-ai/source", ".bench-tmp/server.ts", path, method, body], { stdio: ["ignore", "pipe", "inherit"] });
const line = (await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next()).value as string;
const urls = JSON.parse(line);
async function cpu(): Promise<number> { return Number(await (await fetch(urls.bare.replace("/client/v4", "/__cpu"))).text()); }
async function run(base: string, conns: number, total: number): Promise<number> {
  const c0 = await cpu();
  const u = new URL(base);
  const pool = new Pool(u.origin, { connections: conns });
  let left = total;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: conns }, async () => {
    while (left-- > 0) {
      const r = await pool.request({ path: u.pathname + path, method: method as "GET", headers: { authorization: "Bearer t", "content-type": "application/json" }, body: method === "GET" ? undefined : (process.env.UNIQUE ? body.replace("five", `five ${left}`) : body) });
      await r.body.arrayBuffer();
    }
  }));
  const rps = total / ((performance.now() - t0) / 1000);
  cpuPerReq = (await cpu() - c0) / total;
  await pool.close();
  return rps;
}
let cpuPerReq = 0;
console.log("response bytes", urls.size);
for (const conns of [1, 32]) {
  const rows: string[] = [];
  for (let round = 0; round < 6; round++) {
    const e = await run(urls.emu, conns, 3000);
    const ec = cpuPerReq;
    const b = await run(urls.bare, conns, 3000);
    const bc = cpuPerReq;
    rows.push(`cpu/req emu ${ec.toFixed(0)}us bare ${bc.toFixed(0)}us => ${(bc / ec).toFixed(2)} (rps ratio ${(e / b).toFixed(2)})`);
  }
  console.log(`c=${conns}:\n  ` + rows.join("\n  "));
}
child.kill();
