/**
 * Test-side helpers for driving the docs page in Debian's chromium with playwright-core: launching with the
 * flags that keep chromium off the network, and recording every request the page makes so a test can prove
 * nothing left 127.0.0.1.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Where Debian installs chromium; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Flags from docs/reference toolchain §g: headless, no sandbox (root in CI), and no background traffic
// (component updates, sync, QUIC probes) that would show up as non-loopback requests.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches chromium, or fails with a message saying how to install it (never a silent skip). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `chromium not found at ${CHROMIUM_PATH}: run \`bash scripts/ensure-chromium.sh\` (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** True for URLs that stay on this machine (data:/blob:/about: never touch the network). */
export function isLocalUrl(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === "data:" || parsed.protocol === "blob:" || parsed.protocol === "about:") return true;
  return parsed.hostname === "127.0.0.1" || parsed.hostname === "localhost" || parsed.hostname === "[::1]";
}

/** Everything a page did that a test may want to assert on. */
export interface Traffic {
  /** Every request URL, in order, including blocked ones. */
  requests: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** `console.error` messages. */
  consoleErrors: string[];
}

/**
 * Records every request of the context and blocks (aborts) the non-local ones, so a regression shows up as a
 * recorded URL instead of the test machine trying to reach the internet.
 */
export async function recordTraffic(context: BrowserContext): Promise<Traffic> {
  const traffic: Traffic = { requests: [], pageErrors: [], consoleErrors: [] };
  context.on("request", (request) => traffic.requests.push(request.url()));
  await context.route(
    (url) => !isLocalUrl(url.href),
    (route) => route.abort("blockedbyclient"),
  );
  return traffic;
}

/** Attaches error recording to a page (page errors are per page in playwright). */
export function watchPage(page: Page, traffic: Traffic): void {
  page.on("pageerror", (error) => traffic.pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") traffic.consoleErrors.push(message.text());
  });
}
