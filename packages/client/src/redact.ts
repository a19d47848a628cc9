/**
 * Keeps the API token out of everything observable. Headers are redacted by name (deny-list, as openai-node
 * does), and any free text headed for a log line or an error message is scrubbed for the token itself, in
 * case a proxy or server echoes it back.
 */

/** Header names whose values are secrets. */
const secretHeaders = new Set(["authorization", "proxy-authorization", "x-auth-key", "x-auth-email", "cookie", "set-cookie", "cf-access-client-secret"]);

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
