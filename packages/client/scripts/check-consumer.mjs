#!/usr/bin/env node
// Packs @edge-ai/client, installs the tarball into a throw-away consumer project (npm, outside the workspace),
// then: imports it from ESM and CJS, type-checks the README quickstart against the published .d.ts under
// moduleResolution node16, and runs one call against a local server. Proves the package needs nothing but
// undici, zod and eventsource-parser. Usage: node scripts/check-consumer.mjs (after `pnpm build`).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "edge-ai-consumer-"));
const run = (cmd, args, cwd = work) => execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
try {
  run("pnpm", ["pack", "--pack-destination", work], pkgDir);
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", `./${tarball}`, "typescript@5.9.3", "@types/node@20.19.43"]);
  const deps = Object.keys(JSON.parse(run("npm", ["ls", "--json", "--depth=1"])).dependencies["@edge-ai/client"].dependencies ?? {});
  console.log(`runtime dependencies: ${deps.sort().join(", ")}`);
  if (deps.some((d) => d !== "undici" && d !== "zod" && d !== "eventsource-parser")) throw new Error("unexpected runtime dependency");

  writeFileSync(
    join(work, "quickstart.ts"),
    `import { EdgeAI, estimateCost, RateLimitError } from "@edge-ai/client";
const ai = new EdgeAI({ accountId: process.env.CLOUDFLARE_ACCOUNT_ID!, apiToken: process.env.CLOUDFLARE_API_TOKEN!, baseUrl: process.env.BASE_URL });
const messages = [{ role: "user", content: "Hi" }];
const model = "@cf/meta/llama-3.1-8b-instruct-fast";
const { response, usage } = await ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { messages: [{ role: "user", content: "Hi" }] });
for await (const chunk of await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { messages, stream: true }))
  process.stdout.write(chunk.response ?? "");
const { data, shape } = await ai.run("@cf/baai/bge-base-en-v1.5", { text: ["a", "b"] });
const image = await ai.run("@cf/stabilityai/stable-diffusion-xl-base-1.0", { prompt: "a lighthouse" });
const bytes: Uint8Array = image.bytes;
for await (const m of ai.models.search({ task: "Text Generation" })) console.log(m.name);
const chat = await ai.chat.completions.create({ model, messages });
console.log(response, usage, data, shape, bytes.length, chat.choices[0]?.message.content, estimateCost(model, usage ?? {}), RateLimitError);
`,
  );
  writeFileSync(
    join(work, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "node16", moduleResolution: "node16", target: "es2022", strict: true, noEmit: true, types: ["node"], skipLibCheck: false } , files: ["quickstart.ts"] }),
  );
  run(join(work, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"]);
  console.log("quickstart type-checks against the published .d.ts (node16, skipLibCheck false)");

  const probe = `const s=require("node:http").createServer((q,r)=>{r.setHeader("content-type","application/json");r.end(JSON.stringify({success:true,errors:[],messages:[],result:{response:"ok:"+q.url}}))}).listen(0,"127.0.0.1",async()=>{`;
  const call = `const ai=new m.EdgeAI({accountId:"a",apiToken:"t0123456789",baseUrl:"http://127.0.0.1:"+s.address().port+"/client/v4"});const r=await ai.run("@cf/meta/llama-3.1-8b-instruct-fast",{prompt:"x"});console.log(KIND, r.response);await ai.close();s.close()})`;
  console.log(run("node", ["-e", `${probe}const m=require("@edge-ai/client");${call}`.replace("KIND", '"cjs"')]).trim());
  console.log(run("node", ["--input-type=module", "-e", `import * as m from "@edge-ai/client";import {createRequire} from "node:module";const require=createRequire(import.meta.url);${probe}${call}`.replace("KIND", '"esm"')]).trim());
} finally {
  rmSync(work, { recursive: true, force: true });
}
