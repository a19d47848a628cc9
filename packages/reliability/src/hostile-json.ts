/**
 * Arbitraries for hostile JSON bodies: the right envelope shape with wrong types, missing fields, huge numbers and
 * `__proto__` keys. `__proto__` only becomes an own key through JSON.parse (an object literal would set the
 * prototype), so bodies are built as text.
 */
import fc from "fast-check";

/** Numbers that break naive code: huge, negative, fractional, overflowing to Infinity when parsed. */
export const hostileNumberText = fc.oneof(
  fc.constantFrom("1e400", "-1e400", "1e308", "9007199254740993", "-0", "0.5", "3036", "3040", "429", "-1", "1e-400"),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.integer().map(String),
);

/** Any JSON text, with `__proto__`, `constructor` and `prototype` keys mixed in at any depth. */
export const hostileJsonText: fc.Arbitrary<string> = fc.letrec<{ value: string; object: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("null", "true", "false", '""', "[]", "{}"),
    hostileNumberText,
    fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
    tie("object"),
    fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
  ),
  object: fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom("__proto__", "constructor", "prototype", "result", "success", "errors", "messages", "code", "message", "response", "usage", "error"),
          fc.string({ maxLength: 8 }),
        ),
        tie("value"),
      ),
      { maxLength: 6 },
    )
    .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`),
})).value;

const errorItemText = fc
  .tuple(fc.option(fc.oneof(hostileNumberText, hostileJsonText)), fc.option(fc.oneof(hostileJsonText, fc.constant('"m"'))))
  .map(([code, message]) => {
    const parts: string[] = [];
    if (code !== null) parts.push(`"code":${code}`);
    if (message !== null) parts.push(`"message":${message}`);
    return `{${parts.join(",")}}`;
  });

/** Cloudflare-envelope-shaped bodies whose fields have hostile values or are missing. */
export const hostileEnvelopeText: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(hostileJsonText),
    fc.option(fc.oneof(fc.constantFrom("true", "false", '"true"', "0", "null"), hostileJsonText)),
    fc.option(fc.oneof(fc.array(errorItemText, { maxLength: 3 }).map((items) => `[${items.join(",")}]`), hostileJsonText)),
    fc.option(hostileJsonText),
    fc.option(hostileJsonText),
  )
  .map(([result, success, errors, messages, proto]) => {
    const parts: string[] = [];
    if (result !== null) parts.push(`"result":${result}`);
    if (success !== null) parts.push(`"success":${success}`);
    if (errors !== null) parts.push(`"errors":${errors}`);
    if (messages !== null) parts.push(`"messages":${messages}`);
    if (proto !== null) parts.push(`"__proto__":${proto}`);
    return `{${parts.join(",")}}`;
  });

/** Bodies that are not JSON at all, or JSON cut short. */
export const garbageBodyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom("<html><head><title>502 Bad Gateway</title></head></html>", "", "{", '{"errors":[', "null", "\uFEFF{}", "<title>" + "a".repeat(300)),
  hostileEnvelopeText.map((t) => t.slice(0, Math.max(0, t.length - 3))),
);
