import { describe, expect, it } from "vitest";
import { BatchStore } from "./batch.js";

const results = [0, 1, 2].map((id) => ({ id, result: { n: id }, success: true, external_reference: null }));
const usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };

describe("BatchStore", () => {
  it("moves a job queued → running → done and keeps the done answer", () => {
    const store = new BatchStore();
    const { request_id } = store.submit("m", 5, results, usage) as { request_id: string };
    expect(store.poll(request_id)).toMatchObject({ status: "queued" });
    expect(store.poll(request_id)).toMatchObject({ status: "running" });
    const done = store.poll(request_id) as { responses: Array<{ id: number }> };
    expect(done.responses.map((r) => r.id).sort()).toEqual([0, 1, 2]);
    expect(done.responses.map((r) => r.id)).not.toEqual([0, 1, 2]);
    expect(store.poll(request_id)).toEqual(done);
  });

  it("gives the same body submitted twice two different jobs", () => {
    const store = new BatchStore();
    const a = store.submit("m", 5, results, usage) as { request_id: string };
    const b = store.submit("m", 5, results, usage) as { request_id: string };
    expect(a.request_id).not.toBe(b.request_id);
  });

  it("forgets unknown and evicted ids", () => {
    const store = new BatchStore(2);
    const first = store.submit("m", 1, results, usage) as { request_id: string };
    store.submit("m", 2, results, usage);
    store.submit("m", 3, results, usage);
    expect(store.poll(first.request_id)).toBeUndefined();
    expect(store.poll("nope")).toBeUndefined();
  });
});
