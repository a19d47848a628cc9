/**
 * Which JavaScript runtime the client runs on, for the User-Agent. Read through globalThis so that no runtime's
 * global (`process`, `Deno`, `Bun`) is referenced where it does not exist (workerd has no `process` by default).
 */
interface RuntimeGlobals {
  Deno?: { version?: { deno?: string } };
  Bun?: { version?: string };
  process?: { version?: string; versions?: { node?: string } };
  navigator?: { userAgent?: string };
  EdgeRuntime?: unknown;
}

/** `node/v20.19.0`, `deno/2.9.6`, `bun/1.4.5`, `workerd`, `edge-light` or `unknown`. */
export function runtimeTag(g: RuntimeGlobals = globalThis as RuntimeGlobals): string {
  if (g.Deno?.version?.deno) return `deno/${g.Deno.version.deno}`;
  if (g.Bun?.version) return `bun/${g.Bun.version}`;
  if (g.navigator?.userAgent === "Cloudflare-Workers") return "workerd";
  if (g.EdgeRuntime !== undefined) return "edge-light";
  if (g.process?.versions?.node && g.process.version) return `node/${g.process.version}`;
  return "unknown";
}
