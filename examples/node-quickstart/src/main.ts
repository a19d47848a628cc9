/**
 * `pnpm demo`: a tour of @edge-ai/client. Runs against the local emulator (started here, on a free port) unless
 * CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN are set. The image goes to `out/` beside this package, or to
 * DEMO_OUT_DIR. Exits 0 after closing the client and the emulator; 1 with the error otherwise.
 */
import { fileURLToPath } from "node:url";
import { connect } from "./target.js";
import { runTour } from "./tour.js";

async function main(): Promise<void> {
  const target = await connect(process.env);
  console.log(
    target.mode === "emulator"
      ? `edge-ai quickstart: using the local emulator at ${target.baseUrl} (set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN to use Cloudflare)`
      : `edge-ai quickstart: using Cloudflare at ${target.baseUrl}`,
  );
  try {
    await runTour(target.ai, {
      print: (line) => console.log(line),
      write: (text) => process.stdout.write(text),
      outDir: process.env["DEMO_OUT_DIR"] ?? fileURLToPath(new URL("../out/", import.meta.url)),
    });
  } finally {
    await target.close();
  }
  console.log("\nDone: every step ran; client and emulator closed.");
}

main().catch((error: unknown) => {
  console.error(`\nquickstart failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  process.exitCode = 1;
});
