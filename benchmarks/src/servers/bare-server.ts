/**
 * The baseline: a bare node:http handler that reads the request body and answers every request with the same
 * recorded bytes. No routing, no validation, no JSON work: the ceiling a Node HTTP server reaches on this machine.
 * Usage: bare-server.ts <recording.json>   prints `bare server listening on http://127.0.0.1:PORT`
 */
import { createServer } from "node:http";
import { loadRecording } from "../recorded-response.js";

const file = process.argv[2];
if (file === undefined) throw new Error("usage: bare-server.ts <recording.json>");
const rec = loadRecording(file);
const headers = { ...rec.headers, "content-length": String(rec.body.length) };

const server = createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    res.writeHead(rec.status, headers);
    res.end(rec.body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const addr = server.address();
  if (addr === null || typeof addr === "string") throw new Error("no TCP address");
  console.log(`bare server listening on http://127.0.0.1:${addr.port}`);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
