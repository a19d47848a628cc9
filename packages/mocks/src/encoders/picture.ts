/**
 * Deterministic pictures for the image models: a seeded two-colour gradient with a disc, so
 * different prompts give visibly different images while staying cheap to compute.
 */
import { createRng } from "../seed.js";
import { encodeJpegTiles } from "./jpeg.js";
import { encodePng } from "./png.js";

interface Palette {
  from: [number, number, number];
  to: [number, number, number];
  disc: [number, number, number];
  cx: number;
  cy: number;
  radius: number;
}

function palette(seed: number): Palette {
  const rng = createRng(seed);
  const colour = (): [number, number, number] => [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  return { from: colour(), to: colour(), disc: colour(), cx: rng.next(), cy: rng.next(), radius: 0.15 + rng.next() * 0.25 };
}

function shade(p: Palette, x: number, y: number, out: Uint8Array, offset: number): void {
  const dx = x - p.cx;
  const dy = y - p.cy;
  if (dx * dx + dy * dy < p.radius * p.radius) {
    out[offset] = p.disc[0];
    out[offset + 1] = p.disc[1];
    out[offset + 2] = p.disc[2];
    return;
  }
  const t = (x + y) / 2;
  for (let c = 0; c < 3; c++) out[offset + c] = Math.round(p.from[c]! * (1 - t) + p.to[c]! * t);
}

/** A PNG picture of the given size for a seed. */
export function picturePng(seed: number, width: number, height: number): Uint8Array {
  const p = palette(seed);
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) shade(p, x / width, y / height, rgb, (y * width + x) * 3);
  }
  return encodePng(width, height, rgb);
}

/** A JPEG picture of the given size for a seed (one colour per 8x8 tile). */
export function pictureJpeg(seed: number, width: number, height: number): Uint8Array {
  const p = palette(seed);
  const cols = Math.ceil(width / 8);
  const rows = Math.ceil(height / 8);
  const tiles = new Uint8Array(cols * rows * 3);
  for (let ty = 0; ty < rows; ty++) {
    for (let tx = 0; tx < cols; tx++) shade(p, (tx + 0.5) / cols, (ty + 0.5) / rows, tiles, (ty * cols + tx) * 3);
  }
  return encodeJpegTiles(width, height, tiles);
}
