/**
 * Client overhead (issue 4, item 12): raw `undici.request`, @edge-ai/client, the official `cloudflare` SDK and the
 * `openai` SDK, side by side against ONE server in a separate process. That server is the replay server
 * (servers/replay-server.ts) in front of the emulator: it records each distinct request's emulator answer once
 * and replays the bytes afterwards. Why not the emulator itself: its synthesis work per request would be the
 * bottleneck and squeeze every client towards the same figure, hiding exactly the client cost being measured.
 * The answers are still the emulator's (same status, headers and bodies, the 7000 error included).
 */
import Cloudflare from "cloudflare";
import OpenAI from "openai";
import { request } from "undici";
import { EdgeAI } from "@edge-ai/client";
import { serverEntry, spawnServer, type ChildServer } from "../child-server.js";
import { type BenchTarget, compareTargets, type Measurement, primeTargets } from "../compare.js";
import type { BenchConfig } from "../config.js";
import { ACCOUNT_ID, API_TOKEN, startEmulatorProcess } from "../emulator-process.js";
import { ratio } from "../stats.js";

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fast";
const PER_PAGE = 5;
const MESSAGES = [{ role: "user" as const, content: "Say hello in five words." }];

/** One target's figures per concurrency level. */
export interface ClientRow {
  name: string;
  description: string;
  byConcurrency: Record<number, Measurement>;
}

/** A named ratio with its goal: `value` from the median rounds, `best` from each side's fastest round. */
export interface ClientRatio {
  name: string;
  concurrency: number;
  value: number | null;
  best: number | null;
  goal: number;
  /**
   * For comparisons with an official SDK: raw undici on the same route over that SDK (median rounds). No client
   * can beat this, because the server round trip is a floor under every call; it shows whether a goal is reachable.
   */
  ceiling?: number | null;
}

/** The suite's output. */
export interface ClientHttpResult {
  server: string;
  model: string;
  /** Replay server counters over the whole suite: misses are the recording requests. */
  replay: { hits: number; misses: number; recordings: number };
  rows: ClientRow[];
  ratios: ClientRatio[];
  notes: string[];
}

function expectOk(status: number, what: string): void {
  if (status !== 200) throw new Error(`${what}: status ${status}`);
}

/** Builds the targets against `baseUrl` (`http://127.0.0.1:PORT/client/v4`). */
export function clientTargets(baseUrl: string): BenchTarget[] {
  const runUrl = `${baseUrl}/accounts/${ACCOUNT_ID}/ai/run/${MODEL}`;
  const chatUrl = `${baseUrl}/accounts/${ACCOUNT_ID}/ai/v1/chat/completions`;
  const headers = { authorization: `Bearer ${API_TOKEN}`, "content-type": "application/json" };
  const searchUrl = `${baseUrl}/accounts/${ACCOUNT_ID}/ai/models/search?per_page=${PER_PAGE}`;
  const runBody = JSON.stringify({ messages: MESSAGES });
  const chatBody = JSON.stringify({ model: MODEL, messages: MESSAGES });
  const edgeAI = (): EdgeAI => new EdgeAI({ accountId: ACCOUNT_ID, apiToken: API_TOKEN, baseUrl });

  return [
    {
      name: "undici.request run",
      description: `undici.request POST /ai/run/${MODEL}, JSON parsed (global dispatcher)`,
      async open() {
        return {
          call: async () => {
            const res = await request(runUrl, { method: "POST", headers, body: runBody });
            const json = (await res.body.json()) as { result?: { response?: string } };
            expectOk(res.statusCode, "undici run");
            if (typeof json.result?.response !== "string") throw new Error("no response text");
          },
          close: async () => {},
        };
      },
    },
    {
      name: "@edge-ai/client ai.run",
      description: `new EdgeAI({ baseUrl }).run("${MODEL}", { messages })`,
      async open() {
        const ai = edgeAI();
        return {
          call: async () => {
            const out = await ai.run(MODEL, { messages: MESSAGES });
            if (typeof out.response !== "string") throw new Error("no response text");
          },
          close: () => ai.close(),
        };
      },
    },
    {
      name: "cloudflare ai.run (as shipped)",
      description: `cloudflare 7.3.0 client.ai.run("${MODEL}", …): the SDK sends %2F in the slug, so every call ends in 400/7000 (counted as a completed round trip)`,
      async open() {
        const cf = new Cloudflare({ apiToken: API_TOKEN, baseURL: baseUrl });
        return {
          call: async () => {
            try {
              await cf.ai.run(MODEL, { account_id: ACCOUNT_ID, messages: MESSAGES });
            } catch (err) {
              if (err instanceof Cloudflare.APIError && err.status === 400 && JSON.stringify(err.errors).includes("7000")) return;
              throw err;
            }
            throw new Error("cloudflare ai.run unexpectedly succeeded: the 7000 note in the report is stale");
          },
          close: async () => {},
        };
      },
    },
    {
      name: "cloudflare ai.run (slash fix)",
      description: "cloudflare 7.3.0 with a fetch wrapper that turns %2F back into / so the call succeeds",
      async open() {
        const cf = new Cloudflare({
          apiToken: API_TOKEN,
          baseURL: baseUrl,
          fetch: (url: string | URL | Request, init?: RequestInit) => fetch(String(url).replace(/%2F/gi, "/"), init),
        });
        return {
          call: async () => {
            const out = (await cf.ai.run(MODEL, { account_id: ACCOUNT_ID, messages: MESSAGES })) as { response?: string };
            if (typeof out?.response !== "string") throw new Error("no response text");
          },
          close: async () => {},
        };
      },
    },
    {
      name: "undici.request chat",
      description: "undici.request POST /ai/v1/chat/completions, JSON parsed (global dispatcher)",
      async open() {
        return {
          call: async () => {
            const res = await request(chatUrl, { method: "POST", headers, body: chatBody });
            const json = (await res.body.json()) as { choices?: unknown[] };
            expectOk(res.statusCode, "undici chat");
            if (!Array.isArray(json.choices)) throw new Error("no choices");
          },
          close: async () => {},
        };
      },
    },
    {
      name: "@edge-ai/client chat.completions",
      description: "new EdgeAI({ baseUrl }).chat.completions.create({ model, messages })",
      async open() {
        const ai = edgeAI();
        return {
          call: async () => {
            const out = await ai.chat.completions.create({ model: MODEL, messages: MESSAGES });
            if (!Array.isArray(out.choices)) throw new Error("no choices");
          },
          close: () => ai.close(),
        };
      },
    },
    {
      name: "openai chat.completions",
      description: "openai 6.30.1 new OpenAI({ baseURL: …/ai/v1 }).chat.completions.create({ model, messages })",
      async open() {
        const oa = new OpenAI({ apiKey: API_TOKEN, baseURL: `${baseUrl}/accounts/${ACCOUNT_ID}/ai/v1` });
        return {
          call: async () => {
            const out = await oa.chat.completions.create({ model: MODEL, messages: MESSAGES });
            if (!Array.isArray(out.choices)) throw new Error("no choices");
          },
          close: async () => {},
        };
      },
    },
    {
      name: "undici.request models/search",
      description: `undici.request GET /ai/models/search?per_page=${PER_PAGE}, JSON parsed (global dispatcher)`,
      async open() {
        return {
          call: async () => {
            const res = await request(searchUrl, { method: "GET", headers: { authorization: headers.authorization } });
            const json = (await res.body.json()) as { result?: unknown[] };
            expectOk(res.statusCode, "undici models/search");
            if (!Array.isArray(json.result) || json.result.length === 0) throw new Error("no models");
          },
          close: async () => {},
        };
      },
    },
    {
      name: "@edge-ai/client models.search",
      description: `first page of new EdgeAI({ baseUrl }).models.search({ per_page: ${PER_PAGE} }).pages()`,
      async open() {
        const ai = edgeAI();
        return {
          call: async () => {
            const pages = ai.models.search({ per_page: PER_PAGE }).pages();
            const first = await pages.next();
            await pages.return(undefined);
            if (first.done || first.value.items.length === 0) throw new Error("no models");
          },
          close: () => ai.close(),
        };
      },
    },
    {
      name: "cloudflare ai.models.list",
      description: `first page of cloudflare 7.3.0 client.ai.models.list({ account_id, per_page: ${PER_PAGE} }) (completes: no slug in the path)`,
      async open() {
        const cf = new Cloudflare({ apiToken: API_TOKEN, baseURL: baseUrl });
        return {
          call: async () => {
            const page = await cf.ai.models.list({ account_id: ACCOUNT_ID, per_page: PER_PAGE });
            if (page.result.length === 0) throw new Error("no models");
          },
          close: async () => {},
        };
      },
    },
  ];
}

/**
 * Runs the client comparison.
 * @example
 * const r = await runClientHttp(parseConfig([]));
 * r.ratios.filter((x) => x.value !== null && x.value < x.goal); // goals missed
 */
export async function runClientHttp(
  config: Pick<BenchConfig, "clientConcurrency" | "rounds" | "warmupMs" | "durationMs" | "maxRequests" | "primeMs">,
  log: (line: string) => void = () => {},
): Promise<ClientHttpResult> {
  const servers: ChildServer[] = [];
  try {
    const emulator = await startEmulatorProcess();
    servers.push(emulator);
    const replay = await spawnServer({ entry: serverEntry("replay-server.ts"), args: [new URL(emulator.url).origin] });
    servers.push(replay);
    const targets = clientTargets(replay.url);
    await primeTargets(targets, config.primeMs);
    log(`client-http: primed ${targets.length} targets for ${config.primeMs} ms each`);
    const byTarget = await compareTargets(targets, {
      concurrency: config.clientConcurrency,
      rounds: config.rounds,
      warmupMs: config.warmupMs,
      durationMs: config.durationMs,
      maxRequests: config.maxRequests,
      onMeasurement: (name, r) =>
        log(`client-http ${name} c=${r.concurrency}: ${r.rps.toFixed(0)} req/s p50 ${r.p50.toFixed(2)} ms p99 ${r.p99.toFixed(2)} ms${r.errors ? ` errors ${r.errors} (${r.firstError})` : ""}`),
    });
    const stats = (await (await request(`${new URL(replay.url).origin}/__replay/stats`)).body.json()) as ClientHttpResult["replay"];
    const rows = targets.map((t) => ({ name: t.name, description: t.description, byConcurrency: byTarget[t.name]! }));
    const pairs: [name: string, ours: string, theirs: string, goal: number, raw?: string][] = [
      ["@edge-ai/client ai.run / undici.request run", "@edge-ai/client ai.run", "undici.request run", 0.85],
      ["@edge-ai/client chat.completions / undici.request chat", "@edge-ai/client chat.completions", "undici.request chat", 0.85],
      ["@edge-ai/client models.search / undici.request models/search", "@edge-ai/client models.search", "undici.request models/search", 0.85],
      ["@edge-ai/client ai.run / cloudflare ai.run (as shipped, 7000)", "@edge-ai/client ai.run", "cloudflare ai.run (as shipped)", 4, "undici.request run"],
      ["@edge-ai/client ai.run / cloudflare ai.run (slash fix)", "@edge-ai/client ai.run", "cloudflare ai.run (slash fix)", 4, "undici.request run"],
      ["@edge-ai/client models.search / cloudflare ai.models.list", "@edge-ai/client models.search", "cloudflare ai.models.list", 4, "undici.request models/search"],
      ["@edge-ai/client chat.completions / openai chat.completions", "@edge-ai/client chat.completions", "openai chat.completions", 4, "undici.request chat"],
    ];
    const ratios: ClientRatio[] = config.clientConcurrency.flatMap((c) =>
      pairs.map(([name, ours, theirs, goal, raw]) => {
        const a = byTarget[ours]?.[c];
        const b = byTarget[theirs]?.[c];
        const r: ClientRatio = { name, concurrency: c, value: ratio(a?.rps, b?.rps), best: ratio(a?.bestRps, b?.bestRps), goal };
        if (raw !== undefined) r.ceiling = ratio(byTarget[raw]?.[c]?.rps, b?.rps);
        return r;
      }),
    );
    return {
      server: "replay server (separate process) answering recorded emulator responses; emulator in a third process records on first sight",
      model: MODEL,
      replay: stats,
      rows,
      ratios,
      notes: [
        "cloudflare 7.3.0 (newest; no engines field, runs on Node 20) percent-encodes the / in model slugs; as shipped every ai.run call is answered 400 with code 7000 by the emulator, as by the real API. Its row measures that failing round trip; the 'slash fix' row wraps fetch to undo the encoding.",
        "openai 6.30.1 (7.x needs Node 22) is pointed at /ai/v1; the comparable @edge-ai/client call is chat.completions.create on the same route.",
        "All clients use their default settings (retries only matter on failures; no failures occur besides the documented 7000).",
      ],
    };
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}
