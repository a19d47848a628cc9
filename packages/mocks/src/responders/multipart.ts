/**
 * A small multipart/form-data reader for the emulator's upload endpoints (tomarkdown, finetune assets): parts
 * with their field name, file name, content type and bytes. Enough for what clients send; not a general parser.
 */

/** One part of a multipart body. */
export interface FormPart {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: Uint8Array;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The parts of `body`, or undefined when the content type has no boundary or the body is not multipart. */
export function readMultipart(contentType: string | undefined, body: Uint8Array): FormPart[] | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
  if (!contentType?.toLowerCase().startsWith("multipart/form-data") || !boundary) return undefined;
  const delimiter = new TextEncoder().encode(`--${boundary[1] ?? boundary[2]!.trim()}`);
  const parts: FormPart[] = [];
  let at = indexOf(body, delimiter, 0);
  if (at < 0) return undefined;
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // closing "--"
    const next = indexOf(body, delimiter, start);
    if (next < 0) break;
    const chunk = body.subarray(start + 2, next - 2); // skip CRLF after the delimiter and before the next one
    const split = indexOf(chunk, new TextEncoder().encode("\r\n\r\n"), 0);
    if (split >= 0) {
      const head = new TextDecoder().decode(chunk.subarray(0, split));
      const name = dispositionParam(head, "name");
      if (name !== undefined) {
        parts.push({
          name,
          filename: dispositionParam(head, "filename"),
          contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim(),
          data: chunk.subarray(split + 4),
        });
      }
    }
    at = next;
  }
  return parts;
}

/**
 * One parameter of a part's Content-Disposition, quoted (`name="files"`, as browsers send) or bare (`name=files`, as
 * .NET's MultipartFormDataContent sends): real form parsers accept both. Anchored at `;` so `name` never matches
 * inside `filename`.
 */
function dispositionParam(head: string, param: string): string | undefined {
  const match = new RegExp(`;\\s*${param}=(?:"([^"]*)"|([^;\\s]+))`, "i").exec(head);
  return match ? (match[1] ?? match[2]) : undefined;
}

