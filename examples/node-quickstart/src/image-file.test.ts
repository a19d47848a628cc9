import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { imageExtension, writeImage } from "./image-file.js";

describe("image files", () => {
  it("names PNG and JPEG by their magic bytes and anything else .bin", () => {
    expect(imageExtension(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("png");
    expect(imageExtension(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpg");
    expect(imageExtension(Uint8Array.from([1, 2, 3]))).toBe("bin");
  });

  it("writes the bytes into a directory it creates", () => {
    const dir = mkdtempSync(join(tmpdir(), "quickstart-img-"));
    try {
      const file = writeImage(join(dir, "nested"), "pic", Uint8Array.from([0xff, 0xd8, 0xff, 0xdb]));
      expect(file).toBe(join(dir, "nested", "pic.jpg"));
      expect([...readFileSync(file)]).toEqual([0xff, 0xd8, 0xff, 0xdb]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
