/**
 * URL building. The model slug keeps its slashes literally (`/ai/run/@cf/meta/llama-3.1-8b-instruct`): the
 * official SDK percent-encodes them and every call then fails with 7000 "No route for that URI".
 */
import { ValidationError } from "../errors.js";

/** Splits a base URL into the origin (for the dispatcher) and a path prefix without trailing slash. */
export function splitBaseUrl(baseUrl: string): { origin: string; basePath: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ValidationError("request", "ClientOptions", [{ path: "baseUrl", rule: "url", message: `not an absolute URL: ${baseUrl}` }]);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ValidationError("request", "ClientOptions", [{ path: "baseUrl", rule: "protocol", message: "must be http or https" }]);
  }
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, "") };
}

const slugPattern = /^[^\s?#]+$/;

/**
 * Encodes each segment of a model slug but keeps `/` and `@` literal.
 * @example modelPath("@cf/meta/llama-3.1-8b-instruct") // "@cf/meta/llama-3.1-8b-instruct"
 */
export function modelPath(model: string): string {
  const hit = pathCache.get(model);
  if (hit !== undefined) return hit;
  const path = encodeSlug(model);
  // Bounded: ids are few in practice, but a caller generating ids must not grow memory without limit.
  if (pathCache.size < 1024) pathCache.set(model, path);
  return path;
}

const pathCache = new Map<string, string>();

function encodeSlug(model: string): string {
  if (typeof model !== "string" || !slugPattern.test(model) || model.split("/").some((s) => s === "" || s === "." || s === "..")) {
    throw new ValidationError("request", "model", [{ path: "model", rule: "slug", message: `not a model id: ${JSON.stringify(model)}` }]);
  }
  return model
    .split("/")
    .map((s) => encodeURIComponent(s).replace(/%40/g, "@"))
    .join("/");
}

/** Builds a query string from defined values (`?a=1&b=x`), or "" when there are none. */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  let out = "";
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    out += `${out ? "&" : "?"}${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`;
  }
  return out;
}
