import { describe, expect, it } from "vitest";
import { runtimeTag } from "./runtime.js";

describe("runtimeTag", () => {
  it("names each runtime from its own global, Deno and Bun before their process shim", () => {
    expect(runtimeTag({ Deno: { version: { deno: "2.9.6" } }, process: { version: "v22.0.0", versions: { node: "22.0.0" } } })).toBe("deno/2.9.6");
    expect(runtimeTag({ Bun: { version: "1.4.5" }, process: { version: "v22.0.0", versions: { node: "22.0.0" } } })).toBe("bun/1.4.5");
    expect(runtimeTag({ navigator: { userAgent: "Cloudflare-Workers" } })).toBe("workerd");
    expect(runtimeTag({ process: { version: "v20.19.0", versions: { node: "20.19.0" } } })).toBe("node/v20.19.0");
    expect(runtimeTag({})).toBe("unknown");
  });

  it("reads the real globals by default (Node here)", () => {
    expect(runtimeTag()).toBe(`node/${process.version}`);
  });
});
