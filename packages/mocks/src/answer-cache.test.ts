import { describe, expect, it } from "vitest";
import { AnswerCache } from "./answer-cache.js";
import type { MockResponse } from "./mock-response.js";

const ok = (result: unknown): MockResponse => ({ status: 200, headers: { "content-type": "application/json" }, body: { result } });
const bytes = (s: string) => new TextEncoder().encode(s);

describe("AnswerCache", () => {
  it("stores an answer on its second sighting only, so unique requests cost nothing", () => {
    const cache = new AnswerCache();
    const first = cache.put(1, "/p", "", undefined, bytes("{}"), ok(1));
    expect(first.body).toEqual({ result: 1 });
    expect(cache.get(1, "/p", "", undefined, bytes("{}"))).toBeUndefined();
  });

  it("returns the stored answer, serialized, only for the exact same request", () => {
    const cache = new AnswerCache();
    cache.put(1, "/p", "", "application/json", bytes("{}"), ok(42));
    const sent = cache.put(1, "/p", "", "application/json", bytes("{}"), ok(42));
    expect(Buffer.from(sent.body as Uint8Array).toString()).toBe('{"result":42}');
    expect(cache.get(1, "/p", "", "application/json", bytes("{}"))).toBe(sent);
    expect(cache.get(1, "/p", "", "application/json", bytes("{ }"))).toBeUndefined();
    expect(cache.get(1, "/p", "x=1", "application/json", bytes("{}"))).toBeUndefined();
    expect(cache.get(1, "/q", "", "application/json", bytes("{}"))).toBeUndefined();
    expect(cache.get(1, "/p", "", "application/xml", bytes("{}"))).toBeUndefined();
  });

  it("forgets answers after one second", () => {
    let now = 0;
    const cache = new AnswerCache(() => now);
    cache.put(1, "/p", "", undefined, bytes("a"), ok(1));
    cache.put(1, "/p", "", undefined, bytes("a"), ok(1));
    now = 999;
    expect(cache.get(1, "/p", "", undefined, bytes("a"))).toBeDefined();
    now = 1000;
    expect(cache.get(1, "/p", "", undefined, bytes("a"))).toBeUndefined();
  });

  it("never stores errors, streams or transport faults", () => {
    const cache = new AnswerCache();
    for (const _ of [1, 2]) {
      cache.put(1, "/p", "", undefined, bytes("a"), { status: 400, headers: {}, body: {} });
      cache.put(2, "/p", "", undefined, bytes("a"), { status: 200, headers: {}, body: { kind: "sse", events: [] } });
      cache.put(3, "/p", "", undefined, bytes("a"), { status: 200, headers: {}, body: {}, transport: { delayMs: 5 } });
    }
    for (const seed of [1, 2, 3]) expect(cache.get(seed, "/p", "", undefined, bytes("a"))).toBeUndefined();
  });

  it("never answers one request hash with another's, even when their low bits agree", () => {
    const cache = new AnswerCache();
    const other = 5 + 2 ** 30; // same Map key and seen-once slot as 5
    cache.put(5, "/p", "", undefined, bytes("a"), ok(5));
    cache.put(5, "/p", "", undefined, bytes("a"), ok(5));
    expect(cache.get(other, "/p", "", undefined, bytes("a"))).toBeUndefined();
    cache.put(other, "/p", "", undefined, bytes("a"), ok("other"));
    const stored = cache.put(other, "/p", "", undefined, bytes("a"), ok("other"));
    expect(cache.get(other, "/p", "", undefined, bytes("a"))).toBe(stored);
    expect(cache.get(5, "/p", "", undefined, bytes("a"))).toBeUndefined();
  });

  it("stays bounded", () => {
    const cache = new AnswerCache();
    for (let i = 0; i < 1000; i++) for (const _ of [1, 2]) cache.put(i, "/p", "", undefined, bytes(String(i)), ok(i));
    expect(cache.get(0, "/p", "", undefined, bytes("0"))).toBeUndefined();
    expect(cache.get(999, "/p", "", undefined, bytes("999"))).toBeDefined();
  });
});
