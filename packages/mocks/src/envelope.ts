/**
 * The Cloudflare response envelope and the error answers the real API gives. Error codes and
 * message styles follow the Workers AI error table (see /work/shared/reference/workers-ai-api.md §1.3).
 */
import type { MockResponse } from "./mock-response.js";

const JSON_HEADERS = { "content-type": "application/json" } as const;

/** Error codes the emulator emits, named after what they mean. */
export const ErrorCode = {
  noRoute: 7000,
  methodNotAllowed: 7001,
  badIdentifier: 7003,
  unauthorized: 10000,
  forbidden: 10000,
  unknownModel: 5007,
  missingBody: 3003,
  tooLarge: 3006,
  timeout: 3007,
  quota: 3036,
  capacity: 3040,
  rateLimited: 971,
  internal: 3043,
} as const;

/** A successful envelope around `result` (with `result_info` for paged lists). */
export function success(result: unknown, extra?: { resultInfo?: object; headers?: Record<string, string> }): MockResponse {
  const body: Record<string, unknown> = { result, success: true, errors: [], messages: [] };
  if (extra?.resultInfo) body["result_info"] = extra.resultInfo;
  return { status: 200, headers: { ...JSON_HEADERS, ...extra?.headers }, body };
}

/**
 * A failure envelope: `result: null`, one error. `code` is omitted for model-input validation
 * errors, as the live API does (clients must tolerate a missing code).
 */
export function failure(status: number, code: number | undefined, message: string, headers?: Record<string, string>): MockResponse {
  return {
    status,
    headers: { ...JSON_HEADERS, ...headers },
    body: { result: null, success: false, errors: [code === undefined ? { message } : { code, message }], messages: [] },
  };
}

/** 401 as the API front door answers a missing or rejected token. */
export function unauthorized(): MockResponse {
  return failure(401, ErrorCode.unauthorized, "Authentication error");
}

/** The front door's answer for paths it cannot route (also an encoded `/` in a model slug). */
export function noRoute(status = 400): MockResponse {
  return failure(status, ErrorCode.noRoute, "No route for that URI");
}

/** 5007 for a model id that is not in the catalog. */
export function unknownModel(model: string): MockResponse {
  return failure(400, ErrorCode.unknownModel, `AiError: No such model ${model} or task`);
}

/**
 * 7003 as the front door answers an account id that is not a 32-hex object identifier (typically the API token
 * pasted into the account slot): 400 with 7003 naming the path, then 7000 (docs/decisions/0240).
 */
export function badIdentifier(fullPath: string): MockResponse {
  return {
    status: 400,
    headers: { ...JSON_HEADERS },
    body: {
      result: null,
      success: false,
      errors: [
        { code: ErrorCode.badIdentifier, message: `Could not route to ${fullPath}, perhaps your object identifier is invalid?` },
        { code: ErrorCode.noRoute, message: "No route for that URI" },
      ],
      messages: [],
    },
  };
}

/** 405 / 7001 for a known route called with the wrong method; `Allow` names the right one (docs/decisions/0241). */
export function methodNotAllowed(allowed: string): MockResponse {
  return failure(405, ErrorCode.methodNotAllowed, "Method not allowed", { allow: allowed });
}
