/**
 * Writing the generated image: flux returns base64 without saying whether it is JPEG or PNG, so the file
 * extension comes from the magic bytes rather than a guess.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** "png", "jpg", or "bin" when the bytes are neither. */
export function imageExtension(bytes: Uint8Array): "png" | "jpg" | "bin" {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpg";
  return "bin";
}

/** Writes `bytes` to `<dir>/<name>.<ext>` (creating `dir`) and returns the path. */
export function writeImage(dir: string, name: string, bytes: Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.${imageExtension(bytes)}`);
  writeFileSync(file, bytes);
  return file;
}
