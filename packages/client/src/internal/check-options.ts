/**
 * Checks the numbers and headers of client options and per-call options before anything is sent. A NaN or
 * negative timeout would otherwise reach undici (which throws an argument error) or silently disable a JS timer,
 * and `maxRetries: Infinity` would retry forever.
 */
import type { ValidationIssue } from "../errors.js";

/** The numeric knobs shared by client and per-call options. */
export interface NumericOptions {
  maxRetries?: unknown;
  timeout?: unknown;
  streamTimeouts?: { firstByte?: unknown; idle?: unknown } | undefined;
  retry?: Record<string, unknown> | undefined;
  headers?: unknown;
}

/** Longest timeout accepted (what a JS timer can hold, about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;
/** A generous ceiling for retries; anything larger is a mistake, not a policy. */
const MAX_RETRIES = 100;

/** Appends one issue per bad value to `out`; `defaultHeaders` is the client option's name for headers. */
export function checkNumericOptions(o: NumericOptions, out: ValidationIssue[], headersName = "headers"): void {
  count(o.maxRetries, "maxRetries", out);
  ms(o.timeout, "timeout", out);
  if (o.streamTimeouts !== undefined) {
    if (typeof o.streamTimeouts !== "object" || o.streamTimeouts === null) out.push({ path: "streamTimeouts", rule: "type", message: "must be an object" });
    else {
      ms(o.streamTimeouts.firstByte, "streamTimeouts.firstByte", out);
      ms(o.streamTimeouts.idle, "streamTimeouts.idle", out);
    }
  }
  if (o.retry !== undefined) {
    count(o.retry.maxRetries, "retry.maxRetries", out);
    for (const key of ["initialDelayMs", "maxDelayMs", "maxRetryAfterMs"]) ms(o.retry[key], `retry.${key}`, out);
  }
  checkHeaders(o.headers, headersName, out);
}

function count(v: unknown, path: string, out: ValidationIssue[]): void {
  if (v === undefined) return;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > MAX_RETRIES) {
    out.push({ path, rule: "range", message: `must be a whole number from 0 to ${MAX_RETRIES}, got ${describe(v)}` });
  }
}

function ms(v: unknown, path: string, out: ValidationIssue[]): void {
  if (v === undefined) return;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > MAX_TIMER_MS) {
    out.push({ path, rule: "range", message: `must be a finite number of milliseconds from 0 to ${MAX_TIMER_MS} (0 = none), got ${describe(v)}` });
  }
}

/** Header values may not carry CR, LF or NUL (request splitting); names must be HTTP tokens. */
function checkHeaders(headers: unknown, path: string, out: ValidationIssue[]): void {
  if (headers === undefined) return;
  if (typeof headers !== "object" || headers === null) {
    out.push({ path, rule: "type", message: "must be an object of header names to string values" });
    return;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) out.push({ path: `${path}.${name}`, rule: "header", message: "is not a valid header name" });
    else if (typeof value !== "string" || /[\r\n\0]/.test(value)) out.push({ path: `${path}.${name}`, rule: "header", message: "must be a string without CR, LF or NUL" });
  }
}

function describe(v: unknown): string {
  return typeof v === "number" ? String(v) : typeof v;
}
