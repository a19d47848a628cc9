import { describe, expect, it } from "vitest";
import { createRng } from "./seed.js";
import { estimateTokens, sentencePieces, sentenceWords, tokensForLength } from "./words.js";

describe("words", () => {
  it("builds reply pieces that read as the same sentence as sentenceWords for every seed and length", () => {
    for (let seed = 0; seed < 300; seed++) {
      for (const count of [1, 2, 7, 13, 48]) {
        const a = createRng(seed);
        const b = createRng(seed);
        const pieces = sentencePieces(a, count);
        expect(pieces).toHaveLength(count);
        expect(pieces.join("")).toBe(sentenceWords(b, count).join(" "));
        expect(a.next()).toBe(b.next()); // the generator advanced by the same calls, so later draws match too
      }
    }
  });

  it("starts every piece but the first with a space and ends the text with a period", () => {
    const pieces = sentencePieces(createRng(5), 20);
    expect(pieces[0]!.startsWith(" ")).toBe(false);
    expect(pieces.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(pieces.at(-1)!.endsWith(".")).toBe(true);
  });

  it("estimates tokens from a length exactly as from the text", () => {
    for (const text of ["", "a", "abcd", "abcde", "x".repeat(401)]) expect(tokensForLength(text.length)).toBe(estimateTokens(text));
  });
});
