import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { activeResources, resourceGrowth, settleResources } from "./active-resources.js";

describe("active resource accounting", () => {
  it("sees an open socket and a ref'd timer as growth, and nothing once they are closed", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const baseline = activeResources();
    const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    const timer = setTimeout(() => undefined, 60_000);
    const growth = resourceGrowth(baseline);
    expect(growth.TCPSocketWrap ?? 0).toBeGreaterThan(0);
    expect(growth.Timeout ?? 0).toBeGreaterThan(0);
    clearTimeout(timer);
    socket.destroy();
    server.closeAllConnections();
    expect(await settleResources(baseline)).toEqual({});
    await new Promise<void>((r) => server.close(() => r()));
  });
});
