import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

function startCli(args: string[]): { child: ChildProcessWithoutNullStreams; lines: AsyncIterator<string> } {
  const child = spawn(tsx, ["--conditions=@edge-ai/source", "src/cli.ts", ...args], { cwd: pkg, env: { ...process.env, NO_COLOR: "1" } });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return { child, lines };
}

describe("emulator CLI", () => {
  it("prints the listening line first, logs requests, and exits 0 on SIGTERM", async () => {
    const { child, lines } = startCli(["--port", "0"]);
    try {
      const first = (await lines.next()).value as string;
      expect(first).toMatch(/^edge-ai emulator listening on http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
      const url = first.slice("edge-ai emulator listening on ".length);
      const res = await fetch(`${url}/accounts/0123456789abcdef0123456789abcdef/ai/tasks/search`, { headers: { authorization: "Bearer secret-token" } });
      expect(res.status).toBe(200);
      const logged = (await lines.next()).value as string;
      expect(logged).toMatch(/^GET \/client\/v4\/accounts\/0123456789abcdef0123456789abcdef\/ai\/tasks\/search 200 \d+\.\dms$/);
      expect(logged).not.toContain("secret-token");
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("exits 2 with a message on a bad flag", async () => {
    const { child } = startCli(["--port", "nope"]);
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(stderr).toContain("--port");
  });
});
