/**
 * Independent image decoders for tests: a PNG chunk walker with its own CRC-32 and zlib inflate,
 * and a JPEG marker walker. They do not reuse the encoders' code, so they can catch its bugs.
 */
import { inflateSync } from "node:zlib";

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** One PNG chunk and whether its CRC matches. */
export interface PngChunk {
  type: string;
  data: Buffer;
  crcOk: boolean;
}

/** Splits a PNG into chunks; throws when the signature is wrong. */
export function pngChunks(png: Uint8Array): PngChunk[] {
  const buf = Buffer.from(png);
  if (!buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error("not a PNG signature");
  const out: PngChunk[] = [];
  let offset = 8;
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString("latin1", offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    const crc = buf.readUInt32BE(offset + 8 + length);
    out.push({ type, data, crcOk: crc === crc32(buf.subarray(offset + 4, offset + 8 + length)) });
    offset += 12 + length;
  }
  return out;
}

/** Decodes a truecolour, filter-0 PNG fully: size and the inflated scanlines. */
export function decodePng(png: Uint8Array): { width: number; height: number; crcOk: boolean; types: string[]; pixels: Buffer } {
  const list = pngChunks(png);
  const ihdr = list.find((c) => c.type === "IHDR")!.data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const pixels = inflateSync(Buffer.concat(list.filter((c) => c.type === "IDAT").map((c) => c.data)));
  if (pixels.length !== (width * 3 + 1) * height) throw new Error(`IDAT inflates to ${pixels.length} bytes, expected ${(width * 3 + 1) * height}`);
  return { width, height, crcOk: list.every((c) => c.crcOk), types: list.map((c) => c.type), pixels };
}

/** Walks a JPEG's segments up to SOS, checks byte stuffing of the scan and the final EOI. */
export function jpegInfo(bytes: Uint8Array): { markers: number[]; width: number; height: number } {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error("missing SOI");
  const markers: number[] = [];
  let width = 0;
  let height = 0;
  let i = 2;
  for (;;) {
    if (bytes[i] !== 0xff) throw new Error(`expected a marker at ${i}`);
    const marker = bytes[i + 1]!;
    markers.push(marker);
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (marker === 0xc0) {
      height = (bytes[i + 5]! << 8) | bytes[i + 6]!;
      width = (bytes[i + 7]! << 8) | bytes[i + 8]!;
    }
    i += 2 + length;
    if (marker === 0xda) break;
    if (i >= bytes.length) throw new Error("no SOS segment");
  }
  for (; i < bytes.length - 2; i++) {
    if (bytes[i] === 0xff) {
      if (bytes[i + 1] !== 0x00) throw new Error(`unstuffed 0xFF in scan data at ${i}`);
      i++;
    }
  }
  if (bytes.at(-2) !== 0xff || bytes.at(-1) !== 0xd9) throw new Error("missing EOI");
  return { markers, width, height };
}
