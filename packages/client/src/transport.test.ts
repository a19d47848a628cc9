import { errors } from "undici";
import { describe, expect, it } from "vitest";
import { ConnectionError, ValidationError } from "./errors.js";
import { AttemptSignal, defaultTimeouts } from "./timeouts.js";
import { toTransportError } from "./transport.js";

describe("toTransportError", () => {
  it("maps undici's InvalidArgumentError to a non-retryable request ValidationError, not a ConnectionError", () => {
    const err = toTransportError(new errors.InvalidArgumentError("invalid headersTimeout"), new AttemptSignal(undefined, 0), defaultTimeouts, false);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).not.toBeInstanceOf(ConnectionError);
    expect((err as ValidationError).retryable).toBe(false);
    expect((err as ValidationError).direction).toBe("request");
  });
  it("keeps a socket reset a retryable ConnectionError naming the system code", () => {
    const err = toTransportError(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }), new AttemptSignal(undefined, 0), defaultTimeouts, false);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).retryable).toBe(true);
    expect((err as ConnectionError).systemCode).toBe("ECONNRESET");
  });
});
