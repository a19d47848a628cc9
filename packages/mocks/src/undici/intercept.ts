/**
 * Intercepts undici process-wide, so a default-constructed client (which makes its own undici `Agent`) is answered
 * by a Mock without being handed a dispatcher. Two hooks: `Agent.prototype.dispatch` of the undici package (every
 * Agent, including the edge-ai client's and undici's default global one), and the global dispatcher (Node's own
 * fetch and `undici.request` without a dispatcher). Requests to loopback hosts pass through (a local emulator or
 * app server keeps working); any other request that is not the Workers AI API fails loudly and reaches no network.
 */
import { Agent, type Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from "undici";
import { defaultMock, type Mock } from "../mock.js";
import { answerFromMock, bridgeDispatcher, dispatchUrl, serve } from "./bridge.js";

/** Options of {@link interceptUndici}. */
export interface InterceptOptions {
  /** Let requests to 127.0.0.1, ::1 and localhost through to the real network stack (default true). */
  allowLoopback?: boolean;
}

/** A running interception; `restore()` puts undici back as it was. */
export interface Interception {
  /** The mock answering intercepted requests. */
  mock: Mock;
  restore(): void;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const API_PATH = /\/accounts\/[^/]+\/ai(\/|$)/;

/** What happens to one request: answered by the mock, passed to the network (loopback), or refused. */
export function classify(url: URL, allowLoopback: boolean): "mock" | "pass" | "refuse" {
  if (allowLoopback && LOOPBACK.has(url.hostname)) return "pass";
  if (url.hostname === "api.cloudflare.com" || API_PATH.test(url.pathname)) return "mock";
  return "refuse";
}

function unhandled(method: string, url: URL): Error {
  return new Error(
    `@edge-ai/mocks: unhandled request ${method} ${url.href}: the mocks answer only the Workers AI API ` +
      `(.../client/v4/accounts/<id>/ai/...); the request was not sent. Mock it with mock.use(...) or call it from a test without the interception.`,
  );
}

const ACTIVE = Symbol.for("@edge-ai/mocks.interception");

/**
 * Routes every undici request of this process to `mock` (default: the process-wide one). Idempotent: a second call
 * replaces the first.
 * @example
 * const interception = interceptUndici();
 * const ai = new EdgeAI({ accountId, apiToken: "t" }); // default-constructed: answered by the mock
 * interception.restore();
 */
export function interceptUndici(mock: Mock = defaultMock(), options: InterceptOptions = {}): Interception {
  const holder = globalThis as { [ACTIVE]?: Interception };
  holder[ACTIVE]?.restore();
  const allowLoopback = options.allowLoopback ?? true;
  const answer = answerFromMock(mock);
  const proto = Agent.prototype as unknown as { dispatch: Dispatcher["dispatch"] };
  const hadOwn = Object.prototype.hasOwnProperty.call(proto, "dispatch");
  const original = proto.dispatch;
  const previousGlobal = getGlobalDispatcher();
  const passthrough = new Agent();

  const route = (self: Dispatcher, opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean => {
    const url = dispatchUrl(opts);
    const verdict = classify(url, allowLoopback);
    if (verdict === "pass") return original.call(self, opts, handler);
    if (verdict === "mock") {
      void serve(answer, opts, handler);
      return true;
    }
    void serve(async () => unhandled((opts.method ?? "GET").toUpperCase(), url), opts, handler);
    return true;
  };

  proto.dispatch = function (this: Dispatcher, opts, handler) {
    return route(this, opts, handler);
  };
  const globalBridge = bridgeDispatcher(async () => undefined);
  globalBridge.dispatch = (opts, handler) => route(passthrough, opts, handler);
  setGlobalDispatcher(globalBridge);

  const interception: Interception = {
    mock,
    restore() {
      if (holder[ACTIVE] !== interception) return;
      delete holder[ACTIVE];
      if (hadOwn) proto.dispatch = original;
      else delete (proto as { dispatch?: unknown }).dispatch;
      setGlobalDispatcher(previousGlobal);
      void passthrough.close();
    },
  };
  holder[ACTIVE] = interception;
  return interception;
}
