/**
 * CORS for the local emulator, so Swagger UI "Try it out" and browser apps on another local port
 * can call it. Allowed headers are reflected from the preflight (custom x-emulator-* included).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** Added to every answer. Exposes the rate-limit headers so browser code can read them. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ratelimit, ratelimit-policy, retry-after, content-type",
};

const DEFAULT_ALLOWED = "authorization, content-type, x-emulator-fault, x-emulator-fault-key, x-auth-email, x-auth-key, x-session-affinity";

/** Answers a preflight `OPTIONS` with 204. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers["access-control-request-headers"];
  res.writeHead(204, {
    ...CORS_HEADERS,
    "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
    "access-control-allow-headers": typeof requested === "string" && requested.length > 0 ? requested : DEFAULT_ALLOWED,
    "access-control-max-age": "600",
    "content-length": "0",
  });
  res.end();
}
