/**
 * @edge-ai/docs: Swagger UI for the edge-ai contract, served offline on 127.0.0.1 next to the emulator.
 * Private package; the public surface is what `pnpm run docs` and the browser test use.
 */

// Starting the page
export { startDocs, DocsStartError } from "./start-docs.js";
export type { StartDocsOptions, RunningDocs, EmulatorHandle, EmulatorStarter } from "./start-docs.js";
export { startDocsServer, DocsServerError } from "./docs-server.js";
export type { DocsServer, DocsServerOptions } from "./docs-server.js";

// Flags
export { parseDocsArgs, DocsUsageError, DOCS_USAGE, DEFAULT_DOCS_PORT, DEFAULT_EMULATOR_PORT } from "./cli-args.js";
export type { DocsCliOptions } from "./cli-args.js";

// Specs
export { defaultSpecSources, loadSpec, loadSpecs, REPO_ROOT } from "./spec-sources.js";
export type { SpecSource, LoadedSpec, OpenApiDocument } from "./spec-sources.js";
export { servedSpec, listOperations, isLoopbackServer } from "./served-spec.js";
export type { EmulatorTarget, ListedOperation } from "./served-spec.js";
export { renderIndexPage, shortDescription, pageSummary, browserConfig, contentSecurityPolicy, DEMO_TOKEN } from "./index-page.js";
