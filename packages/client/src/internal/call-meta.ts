/**
 * Carries the HTTP answer of a call from the core back to `APIPromise.withResponse()` without touching every
 * resource: the per-call options object gets a private symbol key that the core fills on a 2xx answer.
 */
import { APIPromise, type ResponseInfo } from "../api-promise.js";
import { parseRateLimit } from "../error-mapping.js";
import type { TransportResponse } from "../transport.js";

/** The options key (never enumerable by users' code, never sent). */
export const kCallMeta: unique symbol = Symbol("edge-ai.callMeta");

/** Filled by the core: the last 2xx answer of the call (a paginated or polling call keeps its last one). */
export interface CallMeta {
  response?: TransportResponse;
}

/** Per-call options as the core sees them. */
export type WithCallMeta<O> = O & { [kCallMeta]?: CallMeta };

/** Runs `fn` with options carrying a fresh CallMeta and wraps the result in an APIPromise. */
export function apiCall<O extends object, T>(options: O | undefined, fn: (options: WithCallMeta<O>) => Promise<T>): APIPromise<T> {
  const meta: CallMeta = {};
  // The response facts are only gathered if `.withResponse()` asks for them (headers are copied then).
  return new APIPromise(fn({ ...(options as O), [kCallMeta]: meta }), () => describeResponse(meta.response));
}

/** The public facts of an answer (headers copied, `Ratelimit` parsed). */
export function describeResponse(response: TransportResponse | undefined): ResponseInfo {
  if (response === undefined) return { status: 0, headers: {}, requestId: undefined, rateLimit: undefined };
  const headers = response.headerRecord();
  return { status: response.status, headers, requestId: headers["cf-ray"], rateLimit: parseRateLimit(headers) };
}
