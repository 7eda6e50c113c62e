/**
 * The platform's API as the bid tool calls it: JSON over fetch with the session cookie; a problem
 * answer (RFC 9457) becomes a Refused error carrying its code and detail, an unreachable server an
 * Unusable one. Never a stack trace for the user.
 */
import { Refused, Unusable, type Session } from './bid-workspace.ts';

export class ApiProblem extends Refused {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    detail: string,
    readonly body: unknown,
  ) {
    super(`${code ?? `HTTP ${status}`}: ${detail}`);
  }
}

export interface Api {
  base: string;
  cookie: string | undefined;
  request(method: string, path: string, body?: unknown): Promise<Response>;
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export function baseUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Unusable(`${url} is not a URL (e.g. http://localhost:3000)`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Unusable(`${url}: use http:// or https://`);
  return url.replace(/\/+$/, '');
}

export async function problemOf(res: Response): Promise<ApiProblem> {
  const text = await res.text().catch(() => '');
  let body: { code?: string; detail?: string; title?: string } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // not JSON
  }
  const detail = body.detail ?? body.title ?? (text.slice(0, 200) || res.statusText);
  return new ApiProblem(res.status, body.code, detail, body);
}

export function api(base: string, cookie?: string): Api {
  const b = baseUrl(base);
  const self: Api = {
    base: b,
    cookie,
    async request(method, path, body) {
      const headers: Record<string, string> = {};
      if (self.cookie) headers.cookie = self.cookie;
      if (body !== undefined) headers['content-type'] = 'application/json';
      try {
        return await fetch(`${b}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      } catch (err) {
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        throw new Unusable(`cannot reach ${b}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
      }
    },
    async json<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await self.request(method, path, body);
      if (!res.ok) {
        const p = await problemOf(res);
        if (res.status === 401) throw new Refused(`${p.message} — the session has ended: run 'bidhall bid login' again`);
        throw p;
      }
      return (await res.json()) as T;
    },
  };
  return self;
}

export const sessionApi = (s: Session) => api(s.url, s.cookie);
