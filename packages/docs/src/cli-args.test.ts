import { describe, expect, it } from "vitest";
import { DEFAULT_DOCS_PORT, DEFAULT_EMULATOR_PORT, DocsUsageError, parseDocsArgs } from "./cli-args.js";

describe("parseDocsArgs", () => {
  it("defaults to the docs port, the emulator on 8787, and starting the emulator", () => {
    expect(parseDocsArgs([])).toEqual({
      port: DEFAULT_DOCS_PORT,
      emulatorPort: DEFAULT_EMULATOR_PORT,
      startEmulator: true,
      quiet: false,
      help: false,
    });
    expect(DEFAULT_EMULATOR_PORT).toBe(8787);
  });

  it("reads --port, --emulator-port and --no-emulator in both spellings", () => {
    expect(parseDocsArgs(["--port", "9000", "--emulator-port=0", "--no-emulator", "--quiet"])).toMatchObject({
      port: 9000,
      emulatorPort: 0,
      startEmulator: false,
      quiet: true,
    });
    expect(parseDocsArgs(["--port=0"]).port).toBe(0);
  });

  it("ignores the bare -- pnpm may put before forwarded arguments", () => {
    expect(parseDocsArgs(["--", "--port", "9001"]).port).toBe(9001);
  });

  it("rejects unknown flags, missing values and out-of-range ports, naming the flag", () => {
    expect(() => parseDocsArgs(["--prot", "1"])).toThrow(new DocsUsageError('unknown argument "--prot"'));
    expect(() => parseDocsArgs(["--port"])).toThrow(/--port needs a port number/);
    expect(() => parseDocsArgs(["--port", "--no-emulator"])).toThrow(/--port needs a port number/);
    expect(() => parseDocsArgs(["--port", "80a"])).toThrow(/--port must be an integer 0-65535, got "80a"/);
    expect(() => parseDocsArgs(["--emulator-port", "70000"])).toThrow(/--emulator-port must be an integer 0-65535, got 70000/);
    expect(() => parseDocsArgs(["--port", "-1"])).toThrow(DocsUsageError);
    expect(() => parseDocsArgs(["--no-emulator=yes"])).toThrow(/--no-emulator takes no value/);
  });
});
