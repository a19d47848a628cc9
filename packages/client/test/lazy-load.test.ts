/**
 * Importing the built client loads neither zod nor undici (decision 0340): zod and the contract's schemas load
 * with the first validated call, undici with the first request. Checked on the CommonJS build, whose module
 * cache lists every file a process has loaded.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const clientDir = fileURLToPath(new URL("..", import.meta.url));
const entry = fileURLToPath(new URL("../dist/index.cjs", import.meta.url));

// Prints the dependencies in the module cache after import, after a refused call (no byte sent: the request is
// invalid), and after a request to a closed local port.
const script = `
const client = require(${JSON.stringify(entry)});
const loaded = () => [...new Set(Object.keys(require.cache).flatMap((k) => /[\\\\/]node_modules[\\\\/](zod|undici)[\\\\/]/.exec(k)?.[1] ?? []))].sort();
(async () => {
  const out = { atImport: loaded() };
  const ai = new client.EdgeAI({ accountId: "0123456789abcdef0123456789abcdef", apiToken: "t", baseUrl: "http://127.0.0.1:9/client/v4", maxRetries: 0, logLevel: "off" });
  const refused = await ai.chat.completions.create({ model: "@cf/meta/llama-3.1-8b-instruct-fast", messages: [] }).catch((e) => e);
  out.refusedAs = refused.name;
  out.afterValidation = loaded();
  const failed = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" }).catch((e) => e);
  out.sentAs = failed.name;
  out.afterRequest = loaded();
  await ai.close();
  console.log(JSON.stringify(out));
})();
`;

beforeAll(() => {
  if (!existsSync(entry)) execFileSync("pnpm", ["run", "build"], { cwd: clientDir, stdio: "ignore" });
}, 240_000);

describe("what importing the client loads", () => {
  it("loads zod on the first validated call and undici on the first request, not at import", () => {
    const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: clientDir, encoding: "utf8" })) as Record<string, unknown>;
    expect(out).toEqual({
      atImport: [],
      refusedAs: "ValidationError",
      afterValidation: ["zod"],
      sentAs: "ConnectionError",
      afterRequest: ["undici", "zod"],
    });
  });
});
