/**
 * The Cloudflare `{ result, success, errors, messages }` envelope: its `result`, or the typed error a
 * `success: false` body stands for (built with the answer's real status and headers).
 */
import { errorFromResponse } from "../error-mapping.js";

/** Returns `result` of an envelope (or `body` itself when it is not one); throws the typed error for `success: false`. */
export function unwrapEnvelope(scrub: (text: string) => string, status: number, headers: () => Record<string, string>, body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body) || !("result" in body || "success" in body)) return body;
  const env = body as { result?: unknown; success?: unknown };
  if (env.success === false) throw errorFromResponse({ status, headers: headers(), bodyText: JSON.stringify(body), scrub });
  return env.result;
}
