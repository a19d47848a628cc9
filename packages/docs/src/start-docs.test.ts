import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { startDocs, type EmulatorStarter } from "./start-docs.js";

/** A real HTTP listener standing in for the emulator, recording whether it was closed. */
function listenerStarter(): { start: EmulatorStarter; closed: () => boolean } {
  let closed = false;
  const start: EmulatorStarter = async ({ port }) => {
    const server = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    const { port: bound } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${bound}/client/v4`,
      close: () =>
        new Promise<void>((resolve) => {
          closed = true;
          server.close(() => resolve());
        }),
    };
  };
  return { start, closed: () => closed };
}

describe("startDocs", () => {
  it("starts the emulator, points the page at it, and stops both", async () => {
    const emulator = listenerStarter();
    const docs = await startDocs({ port: 0, emulatorPort: 0, startEmulator: true, sources: [], emulatorStarter: emulator.start });
    expect(docs.emulatorRunning).toBe(true);
    expect(docs.emulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
    expect((await fetch(docs.url)).status).toBe(200);
    await docs.close();
    expect(emulator.closed()).toBe(true);
    await expect(fetch(docs.url)).rejects.toThrow();
  });

  it("with --no-emulator lists the emulator port it was given without starting anything", async () => {
    const docs = await startDocs({ port: 0, emulatorPort: 8787, startEmulator: false, sources: [] });
    expect(docs.emulatorRunning).toBe(false);
    expect(docs.emulatorUrl).toBe("http://127.0.0.1:8787/client/v4");
    expect(await (await fetch(docs.url)).text()).toContain("start it with <code>pnpm mock</code>");
    await docs.close();
  });

  it("stops the emulator again when the page port is taken", async () => {
    const first = await startDocs({ port: 0, emulatorPort: 0, startEmulator: false, sources: [] });
    const emulator = listenerStarter();
    const port = Number(new URL(first.url).port);
    await expect(
      startDocs({ port, emulatorPort: 0, startEmulator: true, sources: [], emulatorStarter: emulator.start }),
    ).rejects.toThrow(/already in use/);
    expect(emulator.closed()).toBe(true);
    await first.close();
  });

  it("suggests --no-emulator when the emulator fails to start", async () => {
    const failing: EmulatorStarter = async () => {
      throw new Error("listen EADDRINUSE");
    };
    await expect(startDocs({ port: 0, emulatorPort: 1234, startEmulator: true, sources: [], emulatorStarter: failing })).rejects.toThrow(
      "the emulator did not start on 127.0.0.1:1234 (listen EADDRINUSE); pass --emulator-port N or --no-emulator",
    );
  });
});
