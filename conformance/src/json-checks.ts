/**
 * The small assertion language of scenario `checks`, evaluated on the JSON form of a client's result. It is
 * deliberately tiny (paths, types, bounds, a regex, base64 magic bytes) so the C# runner implements the same rules
 * in a page of code (packages/dotnet/EdgeAi.Conformance.Tests/JsonChecks.cs) and both clients are judged alike.
 */

/** One assertion of a scenario (see `Check` in scenario.schema.json). */
export interface Check {
  path: string;
  type?: "string" | "number" | "integer" | "boolean" | "array" | "object" | "null";
  equals?: unknown;
  oneOf?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  base64MagicHex?: string;
  absent?: true;
}

type Segment = { key: string } | { index: number } | { all: true };

/** Splits `data[0].label`, `[*].score` or `` into segments; throws on a malformed path. */
export function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+|\*)\]|(\.)/gy;
  let expectKey = true;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while (re.lastIndex < path.length && (m = re.exec(path)) !== null) {
    if (m[1] !== undefined) {
      if (!expectKey) throw new Error(`bad path "${path}": missing "." before "${m[1]}"`);
      segments.push({ key: m[1] });
      expectKey = false;
    } else if (m[2] !== undefined) {
      segments.push(m[2] === "*" ? { all: true } : { index: Number(m[2]) });
      expectKey = false;
    } else {
      expectKey = true;
    }
  }
  if (re.lastIndex !== path.length && path.length > 0) throw new Error(`bad path "${path}" at offset ${re.lastIndex}`);
  return segments;
}

/** Every value the path reaches, with its concrete path; `[*]` fans out. Missing values are `undefined`. */
export function select(root: unknown, path: string): Array<{ at: string; value: unknown }> {
  let current: Array<{ at: string; value: unknown }> = [{ at: "", value: root }];
  for (const seg of parsePath(path)) {
    const next: Array<{ at: string; value: unknown }> = [];
    for (const { at, value } of current) {
      if ("key" in seg) {
        const v = isObject(value) ? value[seg.key] : undefined;
        next.push({ at: at ? `${at}.${seg.key}` : seg.key, value: v });
      } else if ("index" in seg) {
        next.push({ at: `${at}[${seg.index}]`, value: Array.isArray(value) ? value[seg.index] : undefined });
      } else if (Array.isArray(value) && value.length > 0) {
        value.forEach((v, i) => next.push({ at: `${at}[${i}]`, value: v }));
      } else {
        next.push({ at: `${at}[*]`, value: undefined });
      }
    }
    current = next;
  }
  return current;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function matchesType(v: unknown, type: NonNullable<Check["type"]>): boolean {
  if (type === "integer") return typeof v === "number" && Number.isInteger(v);
  return typeOf(v) === type;
}

/** Structural equality on JSON values (key order ignored). */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEquals(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEquals(a[k], b[k]));
  }
  return false;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function checkOne(at: string, v: unknown, c: Check): string[] {
  const where = at || "(root)";
  if (c.absent) return v === undefined || v === null ? [] : [`${where}: expected absent, got ${JSON.stringify(v)}`];
  if (v === undefined) return [`${where}: missing`];
  const out: string[] = [];
  if (c.type && !matchesType(v, c.type)) out.push(`${where}: expected ${c.type}, got ${typeOf(v)}`);
  if ("equals" in c && !jsonEquals(v, c.equals)) out.push(`${where}: expected ${JSON.stringify(c.equals)}, got ${JSON.stringify(v)}`);
  if (c.oneOf && !c.oneOf.some((x) => jsonEquals(v, x))) out.push(`${where}: ${JSON.stringify(v)} is not one of ${JSON.stringify(c.oneOf)}`);
  const length = typeof v === "string" || Array.isArray(v) ? v.length : undefined;
  if (c.minLength !== undefined && (length === undefined || length < c.minLength)) out.push(`${where}: length ${length ?? "n/a"} < ${c.minLength}`);
  if (c.maxLength !== undefined && (length === undefined || length > c.maxLength)) out.push(`${where}: length ${length ?? "n/a"} > ${c.maxLength}`);
  if (c.minimum !== undefined && !(typeof v === "number" && v >= c.minimum)) out.push(`${where}: ${JSON.stringify(v)} < ${c.minimum}`);
  if (c.maximum !== undefined && !(typeof v === "number" && v <= c.maximum)) out.push(`${where}: ${JSON.stringify(v)} > ${c.maximum}`);
  if (c.pattern !== undefined && !(typeof v === "string" && new RegExp(c.pattern).test(v))) out.push(`${where}: ${JSON.stringify(v)} does not match /${c.pattern}/`);
  if (c.base64MagicHex !== undefined) {
    const bytes = typeof v === "string" ? Buffer.from(v, "base64") : undefined;
    if (!bytes || !hex(bytes.subarray(0, c.base64MagicHex.length / 2)).startsWith(c.base64MagicHex)) {
      out.push(`${where}: not base64 starting with bytes ${c.base64MagicHex}`);
    }
  }
  return out;
}

/** Runs every check against `root`; returns one message per failure (empty = all passed). */
export function runChecks(root: unknown, checks: readonly Check[]): string[] {
  return checks.flatMap((c) => select(root, c.path).flatMap(({ at, value }) => checkOne(at, value, c)));
}
