import { describe, expect, it } from "vitest";
import { decodePng, pngChunks } from "../../test/support/image-checks.js";
import { encodePng } from "./png.js";
import { picturePng } from "./picture.js";

describe("encodePng", () => {
  it("writes the signature, IHDR/IDAT/IEND chunks with valid CRCs", () => {
    const list = pngChunks(encodePng(2, 1, Uint8Array.from([255, 0, 0, 0, 0, 255])));
    expect(list.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    expect(list.every((c) => c.crcOk)).toBe(true);
  });

  it("stores the pixels so that inflating IDAT gives filter bytes plus the RGB rows", () => {
    const decoded = decodePng(encodePng(2, 2, Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])));
    expect([decoded.width, decoded.height]).toEqual([2, 2]);
    expect([...decoded.pixels]).toEqual([0, 1, 2, 3, 4, 5, 6, 0, 7, 8, 9, 10, 11, 12]);
  });

  it("rejects a pixel buffer of the wrong size", () => {
    expect(() => encodePng(2, 2, new Uint8Array(3))).toThrow(RangeError);
  });

  it("draws the same picture for the same seed and a different one for another seed", () => {
    expect(Buffer.from(picturePng(7, 32, 16)).equals(Buffer.from(picturePng(7, 32, 16)))).toBe(true);
    expect(Buffer.from(picturePng(7, 32, 16)).equals(Buffer.from(picturePng(8, 32, 16)))).toBe(false);
    const decoded = decodePng(picturePng(7, 32, 16));
    expect([decoded.width, decoded.height, decoded.crcOk]).toEqual([32, 16, true]);
  });
});
