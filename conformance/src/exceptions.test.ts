import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listedExceptions } from "./exceptions.js";

describe("listedExceptions", () => {
  it("reads list items with a scenario id, a client and a reason, and ignores prose", () => {
    const dir = mkdtempSync(join(tmpdir(), "conformance-exceptions-"));
    const file = join(dir, "EXCEPTIONS.md");
    writeFileSync(
      file,
      [
        "# Conformance exceptions",
        "Format: - `scenario-id` (typescript|csharp): the reason.",
        "",
        "- `error-too-large-413-3006` (csharp): the upload fails before the answer is read.",
        "- `Not An Id` (csharp): ignored, the id is not kebab-case.",
        "- `retry-x` (java): ignored, not a client of this suite.",
      ].join("\n"),
    );
    expect(listedExceptions(file)).toEqual([
      { scenario: "error-too-large-413-3006", client: "csharp", reason: "the upload fails before the answer is read." },
    ]);
  });

  it("is empty when the file does not exist", () => {
    expect(listedExceptions(join(tmpdir(), "no-such-dir", "EXCEPTIONS.md"))).toEqual([]);
  });
});
