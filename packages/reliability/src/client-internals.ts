/**
 * The client modules the fuzz suites drive directly. `toTextGenerationChunk` and the error-mapping functions are
 * internal to @edge-ai/client (not in its public API), so they are imported by source path, in this one file: when
 * the client moves a module, only this file changes. Public names come from the package entry, as users see them.
 */
export { APIError, EdgeAIError, EdgeAIStream, SSEParser } from "@edge-ai/client";
export { toTextGenerationChunk } from "../../client/src/stream-chunks.js";
export { errorFromResponse, parseRetryAfter, parseRateLimit } from "../../client/src/error-mapping.js";
