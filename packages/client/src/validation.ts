/**
 * Schema checks at the edges. Requests are checked before anything is sent; responses are checked in the
 * configured mode: "tolerant" (default) accepts extra fields but rejects wrong types, "strict" also rejects
 * fields the contract does not know, "off" skips response checks. The value returned is always the decoded
 * body itself, never zod's parsed copy, so extra fields survive and no second object is built.
 */
import type { z } from "zod";
import { ValidationError, type ValidationIssue } from "./errors.js";
import { strictSchema } from "./internal/strict-schema.js";
import { selectBranch } from "./internal/union-branch.js";

/** How strictly responses are checked against the contract. */
export type ValidationMode = "strict" | "tolerant" | "off";

type Schema = z.ZodType;

/** Throws a request ValidationError naming the path and rule of each failed check; returns nothing on success. */
export function validateRequest(schema: Schema | undefined, schemaName: string, input: unknown, mode: ValidationMode): void {
  if (schema === undefined || mode === "off") return;
  const result = selectBranch(schema, input).safeParse(input);
  if (!result.success) throw new ValidationError("request", schemaName, toIssues(result.error));
}

/** Checks a decoded response; throws a response ValidationError that keeps the raw body. */
export function validateResponse(schema: Schema | undefined, schemaName: string, value: unknown, mode: ValidationMode): void {
  if (schema === undefined || mode === "off") return;
  const checked = mode === "strict" ? strictSchema(schema) : schema;
  const result = checked.safeParse(value);
  if (!result.success) throw new ValidationError("response", schemaName, toIssues(result.error), value);
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
