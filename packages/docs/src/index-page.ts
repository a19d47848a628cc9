/**
 * The HTML shell of the docs page. Swagger UI is configured from a JSON block in the page (read by
 * `assets/docs-init.js`) rather than swagger-ui-dist's `swagger-initializer.js`, which points at the public
 * petstore and would make the browser leave the machine.
 */
import type { LoadedSpec } from "./spec-sources.js";

/** What the page needs to know about this run. */
export interface IndexPageInput {
  specs: readonly LoadedSpec[];
  /** Base URL of the local emulator (with `/client/v4`). */
  emulatorUrl: string;
  /** Whether the emulator is running (started with the docs). */
  emulatorRunning: boolean;
}

/** Config handed to the browser script; kept small and JSON-only. */
export interface BrowserConfig {
  urls: Array<{ name: string; url: string }>;
  primaryName: string | null;
  emulatorOrigin: string;
  demoToken: string;
}

/** Token the page adds to emulator calls without one; the emulator accepts any bearer token by default. */
export const DEMO_TOKEN = "edge-ai-docs-demo-token";

const FALLBACK_TITLE = "edge-ai: Cloudflare Workers AI REST API";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * First paragraph of a Markdown description, without link syntax and emphasis, cut at a sentence end near
 * 240 characters, so the header reads as one line of prose whatever the contract's description holds.
 */
export function shortDescription(markdown: string | undefined): string {
  if (!markdown) return "";
  const paragraph = markdown.trim().split(/\n\s*\n/)[0] ?? "";
  const plain = paragraph
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#>]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= 240) return plain;
  const cut = plain.slice(0, 240);
  const end = cut.lastIndexOf(". ");
  return end > 80 ? cut.slice(0, end + 1) : `${cut.trimEnd()}…`;
}

/**
 * The one-line summary under the heading: OpenAPI 3.1's `info.summary` when the document has one (it is meant
 * for exactly this), else the start of `info.description`.
 */
export function pageSummary(info: { summary?: string; description?: string } | undefined): string {
  const summary = info?.summary?.trim();
  return summary ? shortDescription(summary) : shortDescription(info?.description);
}

/**
 * Content-Security-Policy of the page: scripts, styles and images only from this server (plus `data:` images
 * and React's inline styles), and network calls only to this machine or to the remote servers the specs list
 * (Cloudflare, for a user who picks it and authorizes). The browser itself then refuses anything else.
 */
export function contentSecurityPolicy(specs: readonly LoadedSpec[]): string {
  const remote = new Set<string>();
  for (const spec of specs) {
    if (spec.status !== "ok") continue;
    for (const server of spec.document.servers ?? []) {
      try {
        const url = new URL(server.url);
        if (url.protocol === "https:") remote.add(url.origin);
      } catch {
        // Templated or relative server URLs add nothing: relative ones are 'self'.
      }
    }
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    ["connect-src 'self' http://127.0.0.1:* http://localhost:*", ...[...remote].sort()].join(" "),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Builds the browser config: only specs that loaded are offered; the contract stays the default. */
export function browserConfig(input: IndexPageInput): BrowserConfig {
  const urls = input.specs
    .filter((spec) => spec.status === "ok")
    .map((spec) => ({ name: spec.source.name, url: `./specs/${spec.source.id}.json` }));
  return {
    urls,
    primaryName: urls[0]?.name ?? null,
    emulatorOrigin: new URL(input.emulatorUrl).origin,
    demoToken: DEMO_TOKEN,
  };
}

function noticeFor(spec: LoadedSpec): string {
  if (spec.status === "missing") {
    return `<li><strong>${escapeHtml(spec.source.name)}</strong> is not built yet (<code>${escapeHtml(spec.source.file)}</code>): run <code>${escapeHtml(spec.source.producedBy)}</code> and reload.</li>`;
  }
  if (spec.status === "invalid") {
    return `<li><strong>${escapeHtml(spec.source.name)}</strong> cannot be shown: ${escapeHtml(spec.reason)}</li>`;
  }
  return "";
}

/**
 * Renders the page. The heading is the first loaded spec's `info.title` with a one-line summary, so the
 * page opens on what the API is before the operation list.
 *
 * @example renderIndexPage({ specs, emulatorUrl: "http://127.0.0.1:8787/client/v4", emulatorRunning: true })
 */
export function renderIndexPage(input: IndexPageInput): string {
  const primary = input.specs.find((spec) => spec.status === "ok");
  const info = primary?.status === "ok" ? primary.document.info : undefined;
  const title = info?.title?.trim() || FALLBACK_TITLE;
  const summary = pageSummary(info);
  const notices = input.specs.map(noticeFor).filter(Boolean).join("\n        ");
  const config = JSON.stringify(browserConfig(input)).replace(/</g, "\\u003c");
  const emulatorLine = input.emulatorRunning
    ? `“Try it out” calls the local emulator at <code>${escapeHtml(input.emulatorUrl)}</code> (no account needed; any bearer token works).`
    : `The emulator is not running: start it with <code>pnpm mock</code> to use “Try it out” against <code>${escapeHtml(input.emulatorUrl)}</code>.`;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="./swagger-ui/swagger-ui.css" />
    <link rel="stylesheet" href="./docs.css" />
    <link rel="icon" type="image/png" href="./swagger-ui/favicon-32x32.png" sizes="32x32" />
  </head>
  <body>
    <header class="edge-ai-header">
      <h1 id="edge-ai-title">${escapeHtml(title)}</h1>
      ${summary ? `<p id="edge-ai-summary">${escapeHtml(summary)}</p>` : ""}
      <p class="edge-ai-emulator">${emulatorLine}</p>
      ${notices ? `<ul class="edge-ai-notices">\n        ${notices}\n      </ul>` : ""}
    </header>
    <div id="swagger-ui"></div>
    <script id="edge-ai-docs-config" type="application/json">${config}</script>
    <script src="./swagger-ui/swagger-ui-bundle.js" charset="utf-8"></script>
    <script src="./swagger-ui/swagger-ui-standalone-preset.js" charset="utf-8"></script>
    <script src="./docs-init.js" charset="utf-8"></script>
  </body>
</html>
`;
}
