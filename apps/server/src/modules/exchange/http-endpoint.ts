import type { SelfInject } from './exchange.deps.ts';

/** Where the sandbox is addressed when it is reached in-process; never resolved over the network. */
export const SANDBOX_ORIGIN = 'http://sandbox.bidhall.internal';
export const SANDBOX_APPROVAL_PATH = '/sandbox/approval/v1';
export const SANDBOX_PUBLIC_SERVICE_PATH = '/sandbox/public-service/v1';
export const SANDBOX_DESIGNATED_MEDIA_PATH = '/sandbox/designated-media/v1';
export const SANDBOX_SUPERVISION_PATH = '/sandbox/supervision/v1';
export const EXCHANGE_TIMEOUT_MS = 10_000;

export interface Endpoint {
  baseUrl: string;
  fetch: typeof fetch;
}

/**
 * A configured URL is called over the network; without one, sandbox mode answers the same HTTP
 * requests from this application's own sandbox routes in-process (no port, no network); outside
 * sandbox mode there is no endpoint and the caller reports the system as unavailable.
 */
export function endpointFor(
  configured: string | undefined,
  sandboxPath: string,
  deps: { sandbox: boolean; fetch?: typeof fetch; selfInject?: SelfInject },
): Endpoint | null {
  if (configured) return { baseUrl: configured.replace(/\/+$/, ''), fetch: deps.fetch ?? globalThis.fetch };
  if (deps.sandbox && deps.selfInject) return { baseUrl: SANDBOX_ORIGIN + sandboxPath, fetch: inProcessFetch(deps.selfInject) };
  return null;
}

function inProcessFetch(inject: SelfInject): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const method = (init?.method ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET';
    const res = await inject({
      method,
      url: url.pathname + url.search,
      headers,
      payload: typeof init?.body === 'string' ? init.body : undefined,
    });
    const empty = res.statusCode === 204 || res.statusCode === 304 || res.body === '';
    return new Response(empty ? null : res.body, {
      status: res.statusCode,
      headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
    });
  }) as typeof fetch;
}
