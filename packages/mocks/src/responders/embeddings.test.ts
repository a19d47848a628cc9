import { describe, expect, it } from "vitest";
import { cosine, embed, embeddingsOutput, rerankOutput } from "./embeddings.js";

describe("embeddings", () => {
  it("returns unit vectors of the requested dimension, the same for the same text", () => {
    const v = embed("edge inference", 384);
    expect(v).toHaveLength(384);
    expect(Math.sqrt(v.reduce((s, x) => s + x * x, 0))).toBeCloseTo(1, 4);
    expect(embed("edge inference", 384)).toEqual(v);
  });

  it("scores texts sharing words as more similar", () => {
    const a = embed("the cat sat on the mat", 768);
    expect(cosine(a, embed("a cat on a mat", 768))).toBeGreaterThan(cosine(a, embed("quarterly revenue grew", 768)));
  });

  it("embeds only the start of a very long text, like a 512-token model", () => {
    const long = "alpha beta ".repeat(500_000);
    expect(embed(long, 1024)).toEqual(embed("alpha beta ".repeat(256), 1024));
  });

  it("shapes the output as [n, dim] with the pooling echoed", () => {
    expect(embeddingsOutput({ text: ["a", "b"], pooling: "cls" }, 1024)).toMatchObject({ shape: [2, 1024], pooling: "cls" });
  });

  it("reranks contexts best first with scores in [0, 1] and honours top_k", () => {
    const out = rerankOutput({ query: "fast cat", contexts: [{ text: "slow dog" }, { text: "a fast cat" }, { text: "tea" }], top_k: 2 }) as { response: Array<{ id: number; score: number }> };
    expect(out.response).toHaveLength(2);
    expect(out.response[0]!.id).toBe(1);
    for (const r of out.response) expect(r.score).toBeGreaterThanOrEqual(0);
  });
});
