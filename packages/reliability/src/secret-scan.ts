/**
 * Everything a user might print, log or serialise, rendered to text so a test can search it for the token:
 * `String`, `message`, `stack`, `util.inspect` (hidden properties, full depth), `JSON.stringify`, and the same
 * for every `cause` down the chain. A leak anywhere in that text is a leak.
 */
import { inspect } from "node:util";

function safe(render: () => string | undefined): string {
  try {
    return render() ?? "";
  } catch (e) {
    return `<render failed: ${String(e)}>`;
  }
}

/** Every rendering of `value` (and its cause chain, up to 8 levels) a user could plausibly produce. */
export function renderings(value: unknown): string[] {
  const out: string[] = [];
  let current: unknown = value;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    const v = current;
    out.push(
      safe(() => String(v)),
      safe(() => inspect(v, { depth: Infinity, showHidden: true, getters: true })),
      safe(() => JSON.stringify(v)),
      safe(() => JSON.stringify(Object.fromEntries(Object.getOwnPropertyNames(v).map((k) => [k, (v as Record<string, unknown>)[k]])))),
    );
    if (v instanceof Error) out.push(v.message, v.stack ?? "");
    current = (v as { cause?: unknown }).cause;
  }
  return out;
}

/** The fragments of `secret` that must never appear: the whole token and its first and last 16 characters. */
export function secretFragments(secret: string): string[] {
  return [secret, secret.slice(0, 16), secret.slice(-16)];
}

/** Returns a description of each place a fragment of `secret` appears in `texts`; empty when clean. */
export function findSecret(where: string, texts: string[], secret: string): string[] {
  const hits: string[] = [];
  for (const text of texts) {
    for (const fragment of secretFragments(secret)) {
      const at = text.indexOf(fragment);
      if (at >= 0) hits.push(`${where}: ...${text.slice(Math.max(0, at - 60), at + fragment.length + 20)}...`);
    }
  }
  return hits;
}
