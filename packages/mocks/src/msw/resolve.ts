/**
 * The resolver every generated msw handler uses: Request → dispatch → Response, on a MockState
 * shared by one handler set.
 */
import { dispatch } from "../dispatch.js";
import type { MockState } from "../mock-state.js";
import { toFetchResponse, toMockRequest } from "./convert.js";

/** An msw resolver bound to `state`. */
export function resolveWith(state: MockState): (info: { request: Request }) => Promise<Response> {
  return async ({ request }) => toFetchResponse(dispatch(await toMockRequest(request), state));
}
