/**
 * EXCEPTIONS.md: the written list of scenarios one client may fail, each with its reason. A scenario not listed
 * there must pass on both clients; a listed one still runs, and the runner prints its failures (or that it passes).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { conformanceRoot } from "./load-scenarios.js";

/** One listed exception. */
export interface ListedException {
  scenario: string;
  client: "typescript" | "csharp";
  reason: string;
}

/**
 * Reads the list items of the form `- \`scenario-id\` (typescript|csharp): reason` from EXCEPTIONS.md; every
 * other line is prose.
 */
export function listedExceptions(path = join(conformanceRoot, "EXCEPTIONS.md")): ListedException[] {
  if (!existsSync(path)) return [];
  const out: ListedException[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const m = /^- `([a-z0-9-]+)` \((typescript|csharp)\): (.+)$/.exec(line.trim());
    if (m) out.push({ scenario: m[1]!, client: m[2] as ListedException["client"], reason: m[3]!.trim() });
  }
  return out;
}
