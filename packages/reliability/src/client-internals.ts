/**
 * The client modules the fuzz suites drive directly. They are internal to @edge-ai/client (not in its public
 * API), so they are imported by source path, in this one file: when the client moves a module, only this file
 * changes. Everything else in this package goes through the public `@edge-ai/client` entry.
 */
export { SSEParser } from "../../client/src/sse-parser.js";
export { EdgeAIStream } from "../../client/src/stream.js";
export { toTextGenerationChunk } from "../../client/src/stream-chunks.js";
export { errorFromResponse, parseRetryAfter, parseRateLimit } from "../../client/src/error-mapping.js";
export { EdgeAIError, APIError } from "../../client/src/errors.js";
