import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDocsServer, type DocsServer } from "./docs-server.js";
import { defaultSpecSources } from "./spec-sources.js";

const FIXTURE = new URL("../test/fixtures/placeholder.openapi.json", import.meta.url);
const EMULATOR = "http://127.0.0.1:45678/client/v4";

let dir: string;
let server: DocsServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "edge-ai-docs-server-"));
  const sources = defaultSpecSources(dir);
  await copyFile(FIXTURE, sources[0]!.file); // the NSwag export is left missing on purpose
  server = await startDocsServer({ port: 0, sources, emulator: { url: EMULATOR, running: true } });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (pathname: string, init?: RequestInit) => fetch(new URL(pathname, server.url), init);

describe("docs server", () => {
  it("listens on 127.0.0.1 only", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it("serves the page with the spec's title and a note for the missing NSwag export", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).toContain("<title>Placeholder Workers AI API</title>");
    expect(html).toContain("is not built yet");
    expect(res.headers.get("content-security-policy")).toContain("connect-src 'self' http://127.0.0.1:* http://localhost:* https://api.cloudflare.com");
  });

  it("serves the spec with this run's emulator first and leaves everything else as in the file", async () => {
    const res = await get("/specs/edge-ai.openapi.json");
    expect(res.status).toBe(200);
    const spec = (await res.json()) as { servers: Array<{ url: string }>; paths: object };
    expect(spec.servers.map((s) => s.url)).toEqual([EMULATOR, "https://api.cloudflare.com/client/v4"]);
    expect(Object.keys(spec.paths)).toHaveLength(2);
  });

  it("answers 404 with the command to run for a spec that is not built", async () => {
    const res = await get("/specs/edge-ai.nswag.json");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/pnpm export:nswag/);
  });

  it("serves swagger-ui-dist's bundle from node_modules with its content type", async () => {
    const js = await get("/swagger-ui/swagger-ui-bundle.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await js.text()).length).toBeGreaterThan(1_000_000);
    const css = await get("/swagger-ui/swagger-ui.css", { method: "HEAD" });
    expect(css.status).toBe(200);
    expect(Number(css.headers.get("content-length"))).toBeGreaterThan(100_000);
  });

  it("serves nothing outside its allow-list: no initializer, no traversal, no other files", async () => {
    for (const pathname of ["/swagger-ui/swagger-initializer.js", "/swagger-ui/../package.json", "/swagger-ui/%2e%2e/package.json", "/specs/../../package.json", "/package.json"]) {
      const res = await get(pathname);
      expect(res.status, pathname).toBe(404);
    }
  });

  it("is read-only", async () => {
    const res = await get("/", { method: "POST", body: "x" });
    expect(res.status).toBe(405);
  });

  it("explains a port that is already taken", async () => {
    await expect(startDocsServer({ port: server.port, sources: [], emulator: { url: EMULATOR, running: false } })).rejects.toThrow(
      `port ${server.port} on 127.0.0.1 is already in use: pass --port N (0 picks a free port)`,
    );
  });
});
