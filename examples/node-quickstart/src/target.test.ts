import { describe, expect, it } from "vitest";
import { connect } from "./target.js";

describe("connect", () => {
  it("uses Cloudflare when both credentials are set, without starting the emulator", async () => {
    const target = await connect({ CLOUDFLARE_ACCOUNT_ID: "0123456789abcdef0123456789abcdef", CLOUDFLARE_API_TOKEN: "secret-token-value" });
    try {
      expect(target.mode).toBe("cloudflare");
      expect(target.baseUrl).toBe("https://api.cloudflare.com/client/v4");
      expect(JSON.stringify(target.ai)).not.toContain("secret-token-value");
    } finally {
      await target.close();
    }
  });

  it("starts the emulator on a free local port when a credential is missing", async () => {
    const target = await connect({ CLOUDFLARE_API_TOKEN: "only-the-token" });
    try {
      expect(target.mode).toBe("emulator");
      expect(target.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
      const models = await target.ai.models.search({ per_page: 2 }).pages().next();
      expect(models.done).toBe(false);
    } finally {
      await target.close();
    }
  });
});
