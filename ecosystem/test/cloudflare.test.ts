import Cloudflare from "cloudflare";
import { expect } from "vitest";
import { ACCOUNT, attempts, env, implementRows, TOKEN } from "../src/harness.js";

// The official SDK, with its base URL switched to the emulator (the only change from production use).
const client = (options: ConstructorParameters<typeof Cloudflare>[0] = {}): Cloudflare => new Cloudflare({ apiToken: TOKEN, baseURL: env.base, maxRetries: 0, ...options });

implementRows("cloudflare", {
  "cloudflare.models": async () => {
    const names: string[] = [];
    for await (const model of client().ai.models.list({ account_id: ACCOUNT, per_page: 10 })) names.push((model as { name: string }).name);
    expect(names.length).toBeGreaterThan(20);
    expect(new Set(names).size).toBe(names.length);
  },
  "cloudflare.run": async () => {
    await expect(client().ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { account_id: ACCOUNT, prompt: "hi" })).rejects.toMatchObject({
      status: 400,
      errors: [{ code: 7000, message: "No route for that URI" }],
    });
  },
  "cloudflare.auth-error": async () => {
    const error = await client({ apiToken: "wrong-token" }).ai.models.list({ account_id: ACCOUNT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Cloudflare.AuthenticationError);
    expect(error).toMatchObject({ status: 401, errors: [{ code: 10000 }] });
  },
  "cloudflare.retry-429": async () => {
    const key = `cf-429-${Date.now()}`;
    const sdk = client({ maxRetries: 2, defaultHeaders: { "x-emulator-fault": "rate-limit:0,none", "x-emulator-fault-key": key } });
    const page = await sdk.ai.models.list({ account_id: ACCOUNT, per_page: 5 });
    expect(page.result.length).toBe(5);
    expect(await attempts(key)).toBe(2);
  },
});
