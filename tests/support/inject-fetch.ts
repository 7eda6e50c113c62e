import type { TestApp } from './test-app.ts';

/** `fetch` answered by the app in-process, so the CLI verifiers run unchanged against it. */
export function injectFetch(app: TestApp): typeof fetch {
  return (async (input: string | URL) => {
    const url = new URL(String(input));
    const res = await app.built.app.inject({ method: 'GET', url: url.pathname + url.search });
    return new Response(res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type']) } });
  }) as typeof fetch;
}
