/**
 * Each limit fires at its own value on both transports, not on undici's ~1 s clock: with the timers faked, the
 * limit must fire once the fake clock reaches it, and not a millisecond earlier. The error names the limit that fired.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { TimeoutError } from "../src/index.js";
import { testClient, transports } from "./support/client.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

const model = "@cf/meta/llama-3.1-8b-instruct-fast";

/** Resolves once the server has the request, so the clock is advanced only while the client waits. */
async function silentServer(streamFirstEvent = false) {
  let arrived: () => void = () => undefined;
  const received = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  server = await startTestServer((_req, res) => {
    if (streamFirstEvent) {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"response":"a"}\n\n', () => arrived());
    } else arrived();
  });
  return { received };
}

function settle<T>(promise: Promise<T>): { done: boolean; value?: unknown } {
  const state: { done: boolean; value?: unknown } = { done: false };
  promise.then(
    (v) => Object.assign(state, { done: true, value: v }),
    (e: unknown) => Object.assign(state, { done: true, value: e }),
  );
  return state;
}

for (const [name, transport] of transports) {
  describe(`limits fire at their value (${name} transport)`, () => {
    it("a 300 ms total timeout fires at 300 ms and says which limit fired", async () => {
      const { received } = await silentServer();
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "performance"] });
      const call = testClient(server!.baseUrl, { ...transport, timeout: 300, maxRetries: 0 }).run(model, { prompt: "Hi" });
      const state = settle(call);
      await received;
      await vi.advanceTimersByTimeAsync(299);
      expect(state.done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await vi.waitFor(() => expect(state.done).toBe(true), { interval: 1 });
      const err = state.value as TimeoutError;
      expect(err).toBeInstanceOf(TimeoutError);
      expect(err.phase).toBe("total");
      expect(err.timeoutMs).toBe(300);
      expect(err.message).toContain("timeout");
      expect(err.message).toContain("300 ms");
    });

    it("a 300 ms first-byte limit fires at 300 ms", async () => {
      const { received } = await silentServer();
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "performance"] });
      const call = testClient(server!.baseUrl, { ...transport, streamTimeouts: { firstByte: 300 }, maxRetries: 0 }).run(model, { prompt: "Hi", stream: true });
      const state = settle(call);
      await received;
      await vi.advanceTimersByTimeAsync(299);
      expect(state.done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await vi.waitFor(() => expect(state.done).toBe(true), { interval: 1 });
      expect((state.value as TimeoutError).phase).toBe("first_byte");
      expect((state.value as TimeoutError).message).toContain("streamTimeouts.firstByte");
    });

    it("a 300 ms idle limit fires 300 ms after the reader started waiting", async () => {
      const { received } = await silentServer(true);
      const stream = await testClient(server!.baseUrl, { ...transport, streamTimeouts: { idle: 300 }, maxRetries: 0 }).run(model, { prompt: "Hi", stream: true });
      await received;
      const iterator = stream[Symbol.asyncIterator]();
      expect((await iterator.next()).value?.response).toBe("a");
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "performance"] });
      const state = settle(iterator.next());
      await vi.advanceTimersByTimeAsync(299);
      expect(state.done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await vi.waitFor(() => expect(state.done).toBe(true), { interval: 1 });
      expect((state.value as TimeoutError).phase).toBe("idle");
      expect((state.value as TimeoutError).message).toContain("streamTimeouts.idle");
    });
  });
}
