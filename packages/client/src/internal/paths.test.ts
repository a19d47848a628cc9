import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { modelPath, queryString, splitBaseUrl } from "./paths.js";

describe("modelPath", () => {
  it("keeps slashes and @ literal", () => {
    expect(modelPath("@cf/meta/llama-3.1-8b-instruct")).toBe("@cf/meta/llama-3.1-8b-instruct");
    expect(modelPath("@hf/nousresearch/hermes-2-pro-mistral-7b")).toBe("@hf/nousresearch/hermes-2-pro-mistral-7b");
  });
  it("encodes characters that would change the URL inside a segment", () => {
    expect(modelPath("@cf/acme/model%20x")).toBe("@cf/acme/model%2520x");
  });
  it("rejects ids that are not slugs with a ValidationError", () => {
    for (const bad of ["", "@cf//x", "@cf/../admin", "a b", "@cf/x?y", "@cf/x#y"]) expect(() => modelPath(bad)).toThrow(ValidationError);
  });
});

describe("splitBaseUrl and queryString", () => {
  it("splits the origin from the base path and drops trailing slashes", () => {
    expect(splitBaseUrl("https://api.cloudflare.com/client/v4/")).toEqual({ origin: "https://api.cloudflare.com", basePath: "/client/v4" });
    expect(() => splitBaseUrl("ftp://x")).toThrow(ValidationError);
    expect(() => splitBaseUrl("not a url")).toThrow(ValidationError);
  });
  it("skips undefined values and encodes the rest", () => {
    expect(queryString({ a: "x y", b: undefined, c: true, d: 2 })).toBe("?a=x%20y&c=true&d=2");
    expect(queryString({})).toBe("");
  });
});
