import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ContinueHttpStack } from './continue-http-stack.ts';

interface Seen {
  expect: string | undefined;
  /** Body bytes that arrived before the server answered (100 or final). */
  early: number;
  /** All body bytes that arrived. */
  total: number;
}

let server: http.Server | null = null;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A server that waits 300 ms on each request's headers, then asks for the body or refuses it. */
async function serve(answer: 'continue' | 'refuse'): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = http.createServer();
  server.on('checkContinue', (req, res) => {
    const s: Seen = { expect: req.headers.expect, early: 0, total: 0 };
    seen.push(s);
    let answered = false;
    req.on('data', (c: Buffer) => {
      s.total += c.length;
      if (!answered) s.early += c.length;
    });
    setTimeout(() => {
      answered = true;
      if (answer === 'refuse') {
        res.writeHead(409, { 'content-type': 'text/plain' }).end('closed');
        return;
      }
      res.writeContinue();
      req.on('end', () => res.writeHead(204, { 'upload-offset': String(s.total) }).end());
    }, 300);
  });
  server.on('request', (req, res) => {
    seen.push({ expect: req.headers.expect, early: 0, total: 0 });
    req.resume().on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/u/1`, seen };
}

describe('the bid tool’s tus stack', () => {
  it('holds a PATCH body back until 100 Continue, then sends it all with its progress', async () => {
    const { url, seen } = await serve('continue');
    const body = new Uint8Array(1_000_000).fill(7);
    const req = new ContinueHttpStack().createRequest('PATCH', url);
    req.setHeader('Upload-Offset', '0');
    const progress: number[] = [];
    req.setProgressHandler((n) => progress.push(n));
    const res = await req.send(body);
    expect(res.getStatus()).toBe(204);
    expect(seen).toEqual([{ expect: '100-continue', early: 0, total: body.length }]);
    expect(res.getHeader('Upload-Offset')).toBe(String(body.length));
    // Counted as the pieces go out (tus-js-client throttles the handler to one call per 100 ms).
    expect(progress.length).toBeGreaterThan(0);
    expect(Math.max(...progress)).toBeLessThanOrEqual(body.length);
  });

  it('never sends the body of a PATCH refused first', async () => {
    const { url, seen } = await serve('refuse');
    const res = await new ContinueHttpStack().createRequest('PATCH', url).send(new Uint8Array(500_000));
    expect(res.getStatus()).toBe(409);
    expect(res.getBody()).toBe('closed');
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([{ expect: '100-continue', early: 0, total: 0 }]);
  });

  it('sends other requests as tus-js-client does', async () => {
    const { url, seen } = await serve('continue');
    const res = await new ContinueHttpStack().createRequest('POST', url).send(null);
    expect(res.getStatus()).toBe(204);
    expect(seen).toEqual([{ expect: undefined, early: 0, total: 0 }]);
  });
});
