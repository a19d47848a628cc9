import { describe, expect, it } from "vitest";
import { browserConfig, contentSecurityPolicy, pageSummary, renderIndexPage, shortDescription } from "./index-page.js";
import type { LoadedSpec, SpecSource } from "./spec-sources.js";

const contractSource: SpecSource = { id: "edge-ai.openapi", name: "Contract (OpenAPI 3.1)", file: "/x/edge-ai.openapi.json", producedBy: "pnpm generate" };
const nswagSource: SpecSource = { id: "edge-ai.nswag", name: "NSwag export (OpenAPI 3.0.3)", file: "/x/edge-ai.nswag.json", producedBy: "pnpm export:nswag" };
const contract: LoadedSpec = {
  source: contractSource,
  status: "ok",
  document: { openapi: "3.1.0", info: { title: "Workers AI <REST>", description: "Run **models** on [Cloudflare](https://x).\n\nMore." }, paths: {} },
};

describe("shortDescription", () => {
  it("keeps the first paragraph as plain text", () => {
    expect(shortDescription("Run **models** on [Cloudflare](https://x) `now`.\n\nSecond.")).toBe("Run models on Cloudflare now.");
    expect(shortDescription(undefined)).toBe("");
  });

  it("cuts a long paragraph at a sentence end", () => {
    const long = `${"A first sentence that is long enough to count. ".repeat(3)}${"word ".repeat(60)}`;
    const short = shortDescription(long);
    expect(short.length).toBeLessThanOrEqual(240);
    expect(short.endsWith("count.")).toBe(true);
  });
});

describe("pageSummary", () => {
  it("prefers OpenAPI 3.1's info.summary and falls back to the description", () => {
    expect(pageSummary({ summary: " Short. ", description: "Long description." })).toBe("Short.");
    expect(pageSummary({ description: "Long description.\n\nMore." })).toBe("Long description.");
    expect(pageSummary(undefined)).toBe("");
  });
});

describe("renderIndexPage", () => {
  const emulatorUrl = "http://127.0.0.1:4000/client/v4";

  it("titles the page with the contract's title and summary, HTML-escaped", () => {
    const html = renderIndexPage({ specs: [contract, { source: nswagSource, status: "missing" }], emulatorUrl, emulatorRunning: true });
    expect(html).toContain("<title>Workers AI &#60;REST&#62;</title>");
    expect(html).toContain('<h1 id="edge-ai-title">Workers AI &#60;REST&#62;</h1>');
    expect(html).toContain('<p id="edge-ai-summary">Run models on Cloudflare.</p>');
  });

  it("loads Swagger UI only from this server and never swagger-ui-dist's petstore initializer", () => {
    const html = renderIndexPage({ specs: [contract], emulatorUrl, emulatorRunning: true });
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.every((s) => s?.startsWith("./"))).toBe(true);
    expect(html).not.toContain("swagger-initializer");
  });

  it("says how to build a missing spec and offers only the ones that loaded", () => {
    const specs: LoadedSpec[] = [contract, { source: nswagSource, status: "missing" }];
    const html = renderIndexPage({ specs, emulatorUrl, emulatorRunning: false });
    expect(html).toContain("NSwag export (OpenAPI 3.0.3)</strong> is not built yet");
    expect(html).toContain("<code>pnpm export:nswag</code>");
    expect(html).toContain("start it with <code>pnpm mock</code>");
    expect(browserConfig({ specs, emulatorUrl, emulatorRunning: false }).urls).toEqual([
      { name: "Contract (OpenAPI 3.1)", url: "./specs/edge-ai.openapi.json" },
    ]);
  });

  it("embeds the config so that no spec text can close the script element", () => {
    const evil: LoadedSpec = { ...contract, source: { ...contractSource, name: "</script><script>alert(1)</script>" } };
    const html = renderIndexPage({ specs: [evil], emulatorUrl, emulatorRunning: true });
    expect(html.match(/<\/script>/g)).toHaveLength(4); // the config block and the three script tags
    const config = JSON.parse(/<script id="edge-ai-docs-config" type="application\/json">(.*?)<\/script>/.exec(html)![1]!);
    expect(config.urls[0].name).toBe("</script><script>alert(1)</script>");
    expect(config.emulatorOrigin).toBe("http://127.0.0.1:4000");
    expect(config.primaryName).toBe("</script><script>alert(1)</script>");
  });
});

describe("contentSecurityPolicy", () => {
  it("allows network calls only to this machine and the specs' https servers", () => {
    const withServers: LoadedSpec = {
      ...contract,
      document: {
        ...(contract.status === "ok" ? contract.document : {}),
        servers: [
          { url: "https://api.cloudflare.com/client/v4" },
          { url: "http://127.0.0.1:8787/client/v4" },
          { url: "{scheme}://templated.example" },
        ],
      },
    };
    const csp = contentSecurityPolicy([withServers, { source: nswagSource, status: "missing" }]);
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:* http://localhost:* https://api.cloudflare.com;");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain("templated");
  });
});
