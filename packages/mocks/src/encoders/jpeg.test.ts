import { describe, expect, it } from "vitest";
import { jpegInfo } from "../../test/support/image-checks.js";
import { encodeJpegTiles } from "./jpeg.js";
import { pictureJpeg } from "./picture.js";

describe("encodeJpegTiles", () => {
  it("writes SOI, APP0, DQT, SOF0 (baseline), DHT, SOS and EOI with stuffed entropy data", () => {
    const { markers, width, height } = jpegInfo(encodeJpegTiles(16, 8, Uint8Array.from([255, 255, 255, 0, 0, 0])));
    expect(markers).toEqual([0xe0, 0xdb, 0xc0, 0xc4, 0xda]);
    expect([width, height]).toEqual([16, 8]);
  });

  it("handles sizes that are not multiples of 8 and extreme colour jumps", () => {
    const tiles = new Uint8Array(3 * 2 * 3);
    for (let t = 0; t < 6; t++) tiles.fill(t % 2 === 0 ? 0 : 255, t * 3, t * 3 + 3);
    const { width, height } = jpegInfo(encodeJpegTiles(17, 9, tiles));
    expect([width, height]).toEqual([17, 9]);
  });

  it("rejects a tile buffer of the wrong size", () => {
    expect(() => encodeJpegTiles(16, 16, new Uint8Array(3))).toThrow(RangeError);
  });

  it("produces a valid picture for a seed", () => {
    const { width, height } = jpegInfo(pictureJpeg(42, 256, 128));
    expect([width, height]).toEqual([256, 128]);
  });
});
