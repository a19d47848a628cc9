/**
 * Deterministic randomness. Every answer is seeded from a hash of (method, path, body), so the same
 * request always gets the same answer in both adapters, and tests can rely on it.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over strings and byte arrays; cheap enough for the hot path. */
export function hashSeed(...parts: Array<string | Uint8Array>): number {
  let h = FNV_OFFSET;
  for (const part of parts) {
    if (typeof part === "string") {
      for (let i = 0; i < part.length; i++) {
        h ^= part.charCodeAt(i);
        h = Math.imul(h, FNV_PRIME);
      }
    } else {
      for (let i = 0; i < part.length; i++) {
        h ^= part[i]!;
        h = Math.imul(h, FNV_PRIME);
      }
    }
    h ^= 0xff; // separator so ("ab","c") and ("a","bc") differ
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** A small seeded generator (mulberry32) with the helpers responders need. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A random lowercase hex string of the given length. */
  hex(length: number): string;
}

/** mulberry32 as a class: methods live on the prototype, so a generator per request costs one object. */
class Mulberry32 implements Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  hex(length: number): string {
    let out = "";
    while (out.length < length) out += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, "0");
    return out.slice(0, length);
  }
}

/** Creates a seeded generator; the same seed always yields the same sequence. */
export function createRng(seed: number): Rng {
  return new Mulberry32(seed);
}

/** A UUID-shaped id derived from a seed (ids in answers must be stable too). */
export function seededUuid(seed: number): string {
  const h = createRng(seed).hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
