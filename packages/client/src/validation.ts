/**
 * Schema checks at the edges. Requests are checked before anything is sent; responses are checked in the
 * configured mode. A successful answer has already been billed, so by default ("tolerant") a response that does
 * not match the contract is still returned, with one logged warning listing its issues; "strict" throws a
 * response ValidationError (and also rejects fields the contract does not know); "off" skips response checks.
 * `null` where the contract has an optional field is accepted in every mode (servers send it for "absent").
 * The value returned is always the decoded body itself, never zod's parsed copy, so extra fields survive.
 */
import type { z } from "zod";
import { ValidationError, type ValidationIssue } from "./errors.js";
import type { Log } from "./logger.js";
import { scrubValue } from "./redact.js";
import { selectBranch } from "./internal/union-branch.js";

/** How strictly responses are checked against the contract. */
export type ValidationMode = "strict" | "tolerant" | "off";

type SchemaModule = typeof import("./internal/schemas.js");

let loaded: SchemaModule | undefined;
let loading: Promise<SchemaModule> | undefined;

/**
 * zod and the contract's schemas, loaded on the first check (decision 0340). Once loaded, checks run
 * synchronously; only the very first one waits for the import.
 */
function loadSchemas(): Promise<SchemaModule> {
  loading ??= import("./internal/schemas.js").then((m) => (loaded = m));
  return loading;
}

/**
 * Checks `input` against contract component `schemaName` (`Name[]`: an array of them) and throws a request
 * ValidationError naming the path and rule of each failed check. Returns a promise only while the schemas are
 * still loading (the first call), so callers `await` it.
 */
export function validateRequest(schemaName: string | undefined, input: unknown, mode: ValidationMode): void | Promise<void> {
  if (schemaName === undefined || mode === "off") return;
  if (loaded !== undefined) return checkRequest(loaded, schemaName, input);
  return loadSchemas().then((s) => checkRequest(s, schemaName, input));
}

function checkRequest(s: SchemaModule, schemaName: string, input: unknown): void {
  const schema = s.schemaNamed(schemaName);
  if (schema === undefined) return;
  const result = selectBranch(schema, input).safeParse(input);
  if (!result.success) throw new ValidationError("request", schemaName, toIssues(result.error));
}

/** What response checks need from the client: the mode, where warnings go, and the token scrubber. */
export interface ResponseCheckContext {
  validation: ValidationMode;
  core: { log: Log; scrub: (text: string) => string };
}

/**
 * Checks a decoded response against contract component `schemaName`. "strict" throws a response
 * ValidationError keeping the (scrubbed) body; "tolerant" logs a warning naming the issues and lets the answer
 * through. Like {@link validateRequest}, returns a promise only while the schemas are still loading.
 */
export function validateResponse(schemaName: string | undefined, value: unknown, ctx: ResponseCheckContext): void | Promise<void> {
  if (schemaName === undefined || ctx.validation === "off") return;
  if (loaded !== undefined) return checkResponse(loaded, schemaName, value, ctx);
  return loadSchemas().then((s) => checkResponse(s, schemaName, value, ctx));
}

function checkResponse(s: SchemaModule, schemaName: string, value: unknown, ctx: ResponseCheckContext): void {
  const mode = ctx.validation;
  const schema = s.schemaNamed(schemaName);
  if (schema === undefined) return;
  const checked = mode === "strict" ? s.strictSchema(schema) : schema;
  const result = checked.safeParse(value);
  if (result.success) return;
  // Only on failure: retry without null-valued keys, so `null` for an optional field is accepted.
  const withoutNulls = dropNulls(value);
  if (withoutNulls !== value && checked.safeParse(withoutNulls).success) return;
  const issues = toIssues(result.error);
  if (mode === "strict") throw new ValidationError("response", schemaName, issues, scrubValue(value, ctx.core.scrub));
  const listed = issues.slice(0, 10).map((i) => `${i.path || "(root)"}: ${i.message} (${i.rule})`);
  const more = issues.length > listed.length ? `; and ${issues.length - listed.length} more` : "";
  ctx.core.log.write("warn", `response does not match ${schemaName}, returned as received: ${listed.join("; ")}${more}`);
}

/** A deep copy without object keys whose value is null (the original when there are none). */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const d = dropNulls(v);
      if (d !== v) changed = true;
      return d;
    });
    return changed ? out : value;
  }
  if (typeof value !== "object" || value === null) return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null) {
      changed = true;
      continue;
    }
    const d = dropNulls(v);
    if (d !== v) changed = true;
    out[k] = d;
  }
  return changed ? out : value;
}

/**
 * zod issues as `{path: "messages[0].content", rule: "invalid_type", message}`. A failed union (the prompt vs
 * messages forms of text generation) is replaced by the issues of the branch the input most likely meant: the
 * one with the fewest missing keys, then the fewest issues. "Invalid input" at the root helps nobody.
 */
export function toIssues(error: z.ZodError): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  flatten(error.issues as readonly RawIssue[], [], out);
  return out;
}

interface RawIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  errors?: readonly (readonly RawIssue[])[];
}

function flatten(issues: readonly RawIssue[], prefix: readonly PropertyKey[], out: ValidationIssue[]): void {
  for (const issue of issues) {
    const path = prefix.length === 0 ? issue.path : [...prefix, ...issue.path];
    const branches = issue.code === "invalid_union" ? issue.errors : undefined;
    if (branches && branches.length > 0) {
      let best = branches[0] as readonly RawIssue[];
      for (const b of branches) if (score(b) < score(best)) best = b;
      if (best.length > 0) {
        flatten(best, path, out);
        continue;
      }
    }
    out.push({ path: formatPath(path), rule: issue.code, message: issue.message });
  }
}

function score(branch: readonly RawIssue[]): number {
  let missing = 0;
  for (const i of branch) if (i.code === "invalid_type" && i.message.endsWith("received undefined")) missing++;
  return missing * 1000 + branch.length;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}
