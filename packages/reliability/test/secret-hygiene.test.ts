import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { EdgeAI } from "@edge-ai/client";
import { FAULT_STEP_NAMES, startEmulator } from "@edge-ai/mocks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSecret, renderings } from "../src/secret-scan.js";

const TOKEN = "hygiene-secret-token-7d2e91c4ab3f4e6d8c05";
const MODEL = "@cf/meta/llama-3.1-8b-instruct-fast";

/** Everything the client logged at debug level, rendered. */
const logLines: string[] = [];
const capture = (level: string) => (message: string, data?: unknown) => {
  logLines.push(`${level} ${message}`, ...(data === undefined ? [] : renderings(data)));
};
const logger = { error: capture("error"), warn: capture("warn"), info: capture("info"), debug: capture("debug") };

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let echo: Server;
let echoUrl: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, quiet: true, rateLimits: false });
  // A misbehaving proxy that echoes the Authorization header back in its error body and headers.
  echo = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const auth = String(req.headers.authorization ?? "");
      res.writeHead(502, { "content-type": "application/json", "x-echo-authorization": auth, "www-authenticate": auth });
      res.end(JSON.stringify({ success: false, errors: [{ code: 1000, message: `upstream rejected ${auth}` }], result: null, echoed: { authorization: auth } }));
    });
  });
  await new Promise<void>((r) => echo.listen(0, "127.0.0.1", () => r()));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/client/v4`;
});

afterAll(async () => {
  await emulator?.close();
  await new Promise<void>((r) => (echo ? echo.close(() => r()) : r()));
});

function client(baseUrl: string): EdgeAI {
  return new EdgeAI({ accountId: "0123456789abcdef0123456789abcdef", apiToken: TOKEN, baseUrl, maxRetries: 1, timeout: 400, streamTimeouts: { firstByte: 400, idle: 400 }, logger, logLevel: "debug" });
}

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    const value = await promise;
    if (value && typeof value === "object" && Symbol.asyncIterator in value) {
      for await (const _ of value as AsyncIterable<unknown>) {
        // drain
      }
    }
    return value;
  } catch (error) {
    return error;
  }
}

const faultSteps = FAULT_STEP_NAMES.map((name) => (name === "slow-first-byte" ? "slow-first-byte:1000" : name === "stream-cut" ? "stream-cut:1" : name));

describe("secret hygiene", () => {
  it.each(faultSteps.flatMap((step) => [[step, false] as const, [step, true] as const]))(
    "keeps the token out of errors, results and debug logs under fault %s (stream: %s)",
    async (step, stream) => {
      const ai = client(emulator.url);
      logLines.length = 0;
      const result = await outcome(ai.run(MODEL, { prompt: "hello", stream }, { headers: { "x-emulator-fault": step } }));
      await ai.close();
      expect(logLines.length, "debug logging must be on").toBeGreaterThan(0);
      const hits = [...findSecret(`result of ${step}`, renderings(result), TOKEN), ...findSecret("log", logLines, TOKEN)];
      expect(hits).toEqual([]);
    },
  );

  it("keeps the token out of util.inspect, JSON and String of the client itself", async () => {
    const ai = client(emulator.url);
    const texts = [...renderings(ai), inspect(ai, { depth: Infinity, showHidden: true, getters: true }), JSON.stringify(ai) ?? "", Object.keys(ai).join(",")];
    for (const key of Object.keys(ai)) texts.push(...renderings((ai as unknown as Record<string, unknown>)[key]));
    await ai.close();
    expect(findSecret("client", texts, TOKEN)).toEqual([]);
  });

  it("scrubs the token when a proxy echoes it back in the body and headers", async () => {
    const ai = client(echoUrl);
    logLines.length = 0;
    const error = await outcome(ai.run(MODEL, { prompt: "hello" }));
    await ai.close();
    expect(error).toBeInstanceOf(Error);
    expect([...findSecret("echoed error", renderings(error), TOKEN), ...findSecret("log", logLines, TOKEN)]).toEqual([]);
  });

  it("keeps the token out of request validation errors", async () => {
    const ai = client(emulator.url);
    const error = await outcome(ai.run(MODEL, { prompt: 42 as unknown as string, note: TOKEN.slice(0, 4) }));
    await ai.close();
    expect((error as { kind?: string }).kind).toBe("validation");
    expect(findSecret("validation error", renderings(error), TOKEN)).toEqual([]);
  });
});
