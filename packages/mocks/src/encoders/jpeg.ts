/**
 * A tiny baseline JPEG encoder that codes only the DC coefficient of each 8x8 block (all AC
 * coefficients zero). The result is a valid SOF0/Huffman JPEG of flat 8x8 tiles: blocky, but every
 * decoder reads it, and encoding costs one pass over the tiles (models like phoenix and flux return JPEG).
 */

// Quantiser 8 makes the quantised DC equal to (mean sample - 128), range -128..127.
const QUANT = 8;
// DC table: categories 0..11 all coded with 4 bits (codes 0000..1011). AC table: only EOB, coded "0".
const DC_BITS = [0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const AC_BITS = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_VALUES = [0];

class BitWriter {
  private readonly bytes: number[] = [];
  private acc = 0;
  private count = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.count === 8) this.flushByte();
    }
  }

  private flushByte(): void {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0x00); // byte stuffing inside entropy-coded data
    this.acc = 0;
    this.count = 0;
  }

  finish(): number[] {
    while (this.count !== 0) this.write(1, 1); // pad with 1-bits, as the spec asks
    return this.bytes;
  }
}

function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

function category(value: number): number {
  let magnitude = Math.abs(value);
  let bits = 0;
  while (magnitude > 0) {
    bits++;
    magnitude >>= 1;
  }
  return bits;
}

/**
 * Encodes an image given one RGB colour per 8x8 tile (`tiles` has ceil(w/8)*ceil(h/8)*3 bytes,
 * row-major) as a baseline JPEG of `width` x `height` pixels.
 */
export function encodeJpegTiles(width: number, height: number, tiles: Uint8Array): Uint8Array {
  const cols = Math.ceil(width / 8);
  const rows = Math.ceil(height / 8);
  if (tiles.length !== cols * rows * 3) throw new RangeError(`expected ${cols * rows * 3} tile bytes, got ${tiles.length}`);
  const out: number[] = [0xff, 0xd8];
  out.push(...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  out.push(...segment(0xdb, [0x00, ...new Array<number>(64).fill(QUANT)]));
  out.push(...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]));
  out.push(...segment(0xc4, [0x00, ...DC_BITS, ...DC_VALUES, 0x10, ...AC_BITS, ...AC_VALUES]));
  out.push(...segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]));
  const bits = new BitWriter();
  const predictors = [0, 0, 0];
  for (let t = 0; t < cols * rows; t++) {
    const r = tiles[t * 3]!;
    const g = tiles[t * 3 + 1]!;
    const b = tiles[t * 3 + 2]!;
    const ycc = [
      0.299 * r + 0.587 * g + 0.114 * b,
      128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
      128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
    ];
    for (let c = 0; c < 3; c++) {
      const dc = Math.max(-128, Math.min(127, Math.round(ycc[c]! - 128)));
      const diff = dc - predictors[c]!;
      predictors[c] = dc;
      const size = category(diff);
      bits.write(size, 4);
      if (size > 0) bits.write(diff < 0 ? diff + (1 << size) - 1 : diff, size);
      bits.write(0, 1); // EOB: all AC coefficients are zero
    }
  }
  for (const byte of bits.finish()) out.push(byte);
  out.push(0xff, 0xd9);
  return Uint8Array.from(out);
}
