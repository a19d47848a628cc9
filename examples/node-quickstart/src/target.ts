/**
 * Where the demo runs: against Cloudflare when both `CLOUDFLARE_ACCOUNT_ID` and `CLOUDFLARE_API_TOKEN` are set,
 * otherwise against the local emulator started in this process on a free port. Only the base URL differs;
 * every call in the tour is the same code either way.
 */
import { EdgeAI } from "@edge-ai/client";
import { startEmulator } from "@edge-ai/mocks";

/** A connected client and how to shut everything down. */
export interface DemoTarget {
  ai: EdgeAI;
  mode: "cloudflare" | "emulator";
  /** Human-readable base URL (never contains the token). */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Connects to Cloudflare or starts the emulator, as the environment says.
 * @example
 * const target = await connect(process.env);
 * try { await target.ai.run(...) } finally { await target.close(); }
 */
export async function connect(env: NodeJS.ProcessEnv): Promise<DemoTarget> {
  const accountId = env["CLOUDFLARE_ACCOUNT_ID"];
  const apiToken = env["CLOUDFLARE_API_TOKEN"];
  if (accountId && apiToken) {
    const ai = new EdgeAI({ accountId, apiToken });
    return { ai, mode: "cloudflare", baseUrl: "https://api.cloudflare.com/client/v4", close: () => ai.close() };
  }
  const emulator = await startEmulator({ port: 0, quiet: true });
  const ai = new EdgeAI({ accountId: "0123456789abcdef0123456789abcdef", apiToken: "local-demo-token", baseUrl: emulator.url });
  return {
    ai,
    mode: "emulator",
    baseUrl: emulator.url,
    async close() {
      await ai.close();
      await emulator.close();
    },
  };
}
