/**
 * Request body decoding and validation against the contract's zod schemas. Every failure becomes
 * a 400/413/415 envelope whose message names the problem (path and rule), never a crash.
 */
import { ErrorCode, failure } from "./envelope.js";
import type { MockRequest, MockResponse } from "./mock-response.js";
import { componentSchema } from "./catalog.js";

/** Bodies above this size are refused with 413 / 3006 (the batch limit of the real API). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** A decoded body: JSON, raw bytes (binary-input models), or an error answer. */
export type DecodedBody = { kind: "json"; value: unknown } | { kind: "binary"; bytes: Uint8Array } | { kind: "error"; response: MockResponse };

const decoder = new TextDecoder("utf-8", { fatal: false });

/** 413 / 3006. */
export function tooLarge(): MockResponse {
  return failure(413, ErrorCode.tooLarge, `Request too large: the body exceeds ${MAX_BODY_BYTES} bytes`);
}

function mediaType(req: MockRequest): string {
  const header = req.header("content-type");
  if (header === "application/json") return header; // what nearly every client sends: skip the split
  return (header ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * Decodes a body. JSON is accepted with `application/json`, `*+json`, no content type, or the
 * defaults curl (`x-www-form-urlencoded`) and fetch (`text/plain`) send for a string body, because
 * the real API parses those too; binary types only for models that take raw bytes; else 415.
 */
export function decodeBody(req: MockRequest, allowBinary: boolean): DecodedBody {
  if (req.body.length > MAX_BODY_BYTES) return { kind: "error", response: tooLarge() };
  const type = mediaType(req);
  const isBinaryType = type === "application/octet-stream" || type.startsWith("audio/") || type.startsWith("image/");
  if (isBinaryType) {
    if (!allowBinary) {
      return { kind: "error", response: failure(415, ErrorCode.missingBody, `Unsupported content type "${type}": this endpoint takes application/json`) };
    }
    if (req.body.length === 0) return { kind: "error", response: failure(400, ErrorCode.missingBody, "Request is missing a body") };
    return { kind: "binary", bytes: req.body };
  }
  const jsonLike = type === "" || type === "application/json" || type.endsWith("+json") || type === "text/plain" || type === "application/x-www-form-urlencoded";
  if (!jsonLike) {
    const accepted = allowBinary ? "application/json or raw bytes (application/octet-stream, audio/*, image/*)" : "application/json";
    return { kind: "error", response: failure(415, ErrorCode.missingBody, `Unsupported content type "${type}": this endpoint takes ${accepted}`) };
  }
  if (req.body.length === 0) return { kind: "error", response: failure(400, ErrorCode.missingBody, "Request is missing a body") };
  // Cloudflare's own whisper and resnet examples send `curl --data-binary @file` with no content type, so curl
  // labels the audio or image x-www-form-urlencoded; the real API takes those bytes (docs/decisions/0242). Only an
  // explicit JSON type insists on JSON.
  if (allowBinary && !looksLikeJson(req.body) && !(type === "application/json" || type.endsWith("+json"))) {
    return { kind: "binary", bytes: req.body };
  }
  // The emulator hands over Buffers; their utf8 toString is cheaper than TextDecoder for small bodies (same result).
  const text = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : decoder.decode(req.body);
  try {
    return { kind: "json", value: JSON.parse(text) };
  } catch (error) {
    return { kind: "error", response: failure(400, undefined, `Bad input: malformed JSON body (${(error as Error).message})`) };
  }
}

/** True when the first non-blank byte opens a JSON object or array (what a JSON run body starts with). */
function looksLikeJson(body: Uint8Array): boolean {
  for (let i = 0; i < body.length && i < 64; i++) {
    const c = body[i]!;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return c === 0x7b || c === 0x5b; // "{" or "["
  }
  return false;
}

interface ZodIssueLike {
  path: PropertyKey[];
  code: string;
  message: string;
  /** For invalid_union: the issues of each branch. */
  errors?: ZodIssueLike[][];
}

function describe(issue: ZodIssueLike, prefix: PropertyKey[] = []): string {
  const path = [...prefix, ...issue.path];
  const where = path.length > 0 ? path.map(String).join(".") : "(root)";
  if (issue.code === "invalid_union" && issue.errors && issue.errors.length > 0) {
    // Name what each alternative wanted, e.g. "prompt: expected string | messages: expected array".
    const branches = issue.errors
      .filter((branch) => branch.length > 0)
      .map((branch) => branch.slice(0, 2).map((i) => describe(i, path)).join(", "));
    return `${where}: invalid_union: matches none of the alternatives (${branches.join(" | ")})`;
  }
  return `${where}: ${issue.code}: ${issue.message}`;
}

type Parser = { safeParse(value: unknown): { success: boolean; error?: unknown } };

interface ZodInternals {
  _zod?: { def?: { type?: string; options?: unknown[]; shape?: Record<string, { _zod?: { optin?: string } }> } };
}

/** Required keys of a zod object schema, or undefined when it is not a plain object schema. */
function requiredKeys(schema: unknown): string[] | undefined {
  const def = (schema as ZodInternals)._zod?.def;
  if (def?.type !== "object" || !def.shape) return undefined;
  return Object.keys(def.shape).filter((key) => def.shape![key]!._zod?.optin !== "optional");
}

const branchCache = new WeakMap<object, Array<{ schema: Parser; required: string[] }> | null>();

/**
 * The contract's oneOf unions (prompt | messages, ...) parse every branch, and zod's failing
 * branches are the expensive part of a request. A branch whose required keys are missing from
 * the value can never match, so when exactly one branch is possible it alone decides the answer.
 * Any other case, and every failure (for its message), goes through the full schema.
 */
function quickValid(schema: Parser, value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  let branches = branchCache.get(schema);
  if (branches === undefined) {
    const def = (schema as ZodInternals)._zod?.def;
    const options = def?.type === "union" ? def.options : undefined;
    const mapped = options?.map((o) => ({ schema: o as Parser, required: requiredKeys(o) }));
    branches = mapped && mapped.every((b) => b.required !== undefined && b.required.length > 0)
      ? (mapped as Array<{ schema: Parser; required: string[] }>)
      : null;
    branchCache.set(schema, branches);
  }
  if (!branches) return false;
  let candidate: Parser | undefined;
  for (const branch of branches) {
    if (branch.required.every((key) => (value as Record<string, unknown>)[key] !== undefined)) {
      if (candidate) return false;
      candidate = branch.schema;
    }
  }
  return candidate !== undefined && candidate.safeParse(value).success;
}

/** Validates against a named contract component; undefined when valid or when no schema exists. */
export function validateAgainst(schemaName: string | undefined, value: unknown): MockResponse | undefined {
  const schema = componentSchema(schemaName);
  if (!schema) return undefined;
  if (quickValid(schema, value)) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const issues = ((result.error as { issues?: ZodIssueLike[] })?.issues ?? []).slice(0, 3);
  const detail = issues.map((i) => describe(i)).join("; ");
  return failure(400, undefined, `AiError: Bad input: ${schemaName}: ${detail || "invalid"}`);
}
