/**
 * Keeps the API token out of everything observable. Headers are redacted by name (deny-list, as openai-node
 * does), and any free text headed for a log line or an error message is scrubbed for the token itself, in
 * case a proxy or server echoes it back.
 */

/** Header names whose values are secrets. */
const secretHeaders = new Set(["authorization", "proxy-authorization", "x-auth-key", "x-auth-email", "cookie", "set-cookie", "cf-access-client-secret", "cf-aig-authorization"]);

/** The text secrets are replaced with. */
export const REDACTED = "[REDACTED]";

/** Copy of `headers` with secret values replaced; safe to log. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = secretHeaders.has(k.toLowerCase()) ? REDACTED : v;
  return out;
}

/** Returns a function that removes every occurrence of `secret` from text (identity for short/empty secrets). */
export function createScrubber(secret: string): (text: string) => string {
  // A secret of a few characters would also match ordinary text; tokens are 40 characters.
  if (secret.length < 8) return (text) => text;
  return (text) => (text.includes(secret) ? text.split(secret).join(REDACTED) : text);
}

/**
 * The one way a server-derived string is kept (error bodies, non-JSON bodies, stream error messages): scrubbed
 * first, then cut to `max` characters. Cutting first could leave a token prefix the exact-match scrubber cannot
 * find (a token echoed across the cut), so the order matters.
 */
export function scrubAndCut(text: string, scrub: (text: string) => string, max: number): string {
  const clean = scrub(text);
  return clean.length > max ? clean.slice(0, max) : clean;
}

/** A copy of a decoded JSON value with every string scrubbed; returns `value` itself when nothing changed. */
export function scrubValue<T>(value: T, scrub: (text: string) => string): T {
  const json = JSON.stringify(value);
  if (json === undefined) return value;
  const clean = scrub(json);
  return clean === json ? value : (JSON.parse(clean) as T);
}
