/**
 * Encodes a multipart/form-data body for the upload endpoints (tomarkdown, finetune assets). Built by hand so the
 * client keeps one transport path (raw bytes + content type) and works with both undici and a custom fetch.
 */

/** One form field: text, or a file with a name and optional content type. */
export type FormField = string | { filename: string; data: Uint8Array; contentType?: string };

/** A file to upload: bytes, a string, or a Blob (read once before sending). */
export interface UploadFile {
  name: string;
  data: Uint8Array | string | Blob;
  /** MIME type; guessed by the server from the name when omitted. */
  type?: string;
}

/** Reads an UploadFile into bytes. */
export async function fileBytes(file: UploadFile): Promise<Uint8Array> {
  if (file.data instanceof Uint8Array) return file.data;
  if (typeof file.data === "string") return new TextEncoder().encode(file.data);
  return new Uint8Array(await file.data.arrayBuffer());
}

const quote = (s: string) => s.replace(/["\r\n]/g, "_");

/** The body bytes and the content type (with its boundary) of `fields`, repeated names allowed. */
export function encodeMultipart(fields: [string, FormField][]): { body: Uint8Array; contentType: string } {
  const boundary = `edge-ai-${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const [name, value] of fields) {
    if (typeof value === "string") {
      chunks.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`));
    } else {
      const type = value.contentType ?? "application/octet-stream";
      chunks.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"; filename="${quote(value.filename)}"\r\nContent-Type: ${type}\r\n\r\n`));
      chunks.push(value.data, enc.encode("\r\n"));
    }
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.length;
  }
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
