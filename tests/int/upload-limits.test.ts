import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOQ_MAX_BYTES } from '@bidhall/contracts';
import { DEFAULT_MAX_ATTACHMENT_BYTES } from '../../apps/server/src/modules/documents/attachment.service.ts';
import { registeredSection } from '../support/tendering-fixtures.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let port: number;
let manager: string;
let documentId: string;

beforeAll(async () => {
  t = await createTestApp();
  // A draft the caller may upload to: the refusal must come from the size, not from the document.
  const r = await registeredSection(t);
  manager = r.managerCookie;
  const created = await t.built.app.inject({ method: 'POST', url: '/api/v1/tender-documents', headers: { cookie: manager }, payload: { sectionId: r.sectionId, kind: 'tender' } });
  documentId = (created.json() as { id: string }).id;
  await t.built.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.built.app.server.address() as AddressInfo).port;
});
afterAll(async () => t.close());

const MiB = 1024 * 1024;

interface Outcome {
  status: number;
  contentType: string;
  connection: string;
  body: string;
  /** Bytes of the body the client had written when the answer was complete. */
  sentBeforeAnswer: number;
  /** A socket error (a reset, a broken pipe) before the answer was complete. */
  error: string | null;
}

/**
 * A real client over a real socket: it declares `declared` bytes, then streams them in 64 KiB chunks
 * as fast as the socket takes them until the answer is complete, and reports a reset before that.
 */
function upload(path: string, declared: number, headers: Record<string, string>, method = 'PUT'): Promise<Outcome> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    let sent = 0;
    let answered: Omit<Outcome, 'error'> | null = null;
    let error: string | null = null;
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { ...headers, 'content-length': String(declared) } });
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ ...(answered ?? { status: 0, contentType: '', connection: '', body: '', sentBeforeAnswer: sent }), error });
    };
    // A server that neither answers nor resets is a failure too, not a hung test.
    const timer = setTimeout(() => {
      error ??= 'no answer within 20 s';
      finish();
    }, 20_000);
    req.on('error', (err: NodeJS.ErrnoException) => {
      error ??= err.code ?? err.message;
      finish();
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      // 'close' with the whole message read ('end' is not emitted while the request is still being written).
      res.on('close', () => {
        if (!res.complete) return;
        answered = { status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), connection: String(res.headers.connection), body, sentBeforeAnswer: sent };
        finish();
      });
    });
    const pump = () => {
      while (!answered && !error && sent < declared) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
    };
    pump();
  });
}

function expectTooLarge(o: Outcome, maxBytes: number) {
  expect(o.error, `the client saw ${o.error}`).toBeNull();
  // A server that closes while the client still sends resets it, if not on this run then on the next.
  expect(o.connection).toBe('keep-alive');
  expect(o.status).toBe(413);
  expect(o.contentType).toContain('application/problem+json');
  expect(JSON.parse(o.body)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', details: { maxBytes } });
  // Answered before the body was read: far less than the declared 100 MiB went over the wire first.
  expect(o.sentBeforeAnswer).toBeLessThan(20 * MiB);
}

describe('an upload over the limit is answered 413 before its body is read, over a real socket', () => {
  it('a 100 MiB JSON body', async () => {
    const o = await upload('/api/v1/registrations', 100 * MiB, { 'content-type': 'application/json' }, 'POST');
    expectTooLarge(o, 64 * 1024);
  });

  it('a 100 MiB attachment (the route takes files up to its own, larger limit)', async () => {
    const o = await upload(`/api/v1/tender-documents/${documentId}/attachments?name=a.pdf&kind=other`, 100 * MiB, {
      'content-type': 'application/octet-stream',
      cookie: manager,
    });
    expectTooLarge(o, DEFAULT_MAX_ATTACHMENT_BYTES);
  });

  it('a 100 MiB bill of quantities', async () => {
    const o = await upload(`/api/v1/tender-documents/${documentId}/bill-of-quantities`, 100 * MiB, { 'content-type': 'application/xml', cookie: manager });
    expectTooLarge(o, BOQ_MAX_BYTES);
  });

  it('a bill of quantities sent as JSON keeps the JSON limit, also before it is read', async () => {
    const o = await upload(`/api/v1/tender-documents/${documentId}/bill-of-quantities`, 2 * MiB, { 'content-type': 'application/json', cookie: manager });
    expectTooLarge(o, 64 * 1024);
  });

  it('an unknown path gets the same answer: no route reads a body over the platform limit', async () => {
    expectTooLarge(await upload('/api/v1/nothing-here', 100 * MiB, { 'content-type': 'application/json' }, 'POST'), 64 * 1024);
  });

  it('an anonymous caller gets the same 413 before anything else is looked at', async () => {
    const o = await upload(`/api/v1/tender-documents/${documentId}/attachments?name=a.pdf&kind=other`, 100 * MiB, { 'content-type': 'application/octet-stream' });
    expectTooLarge(o, DEFAULT_MAX_ATTACHMENT_BYTES);
  });
});

/** A client that sends `Expect: 100-continue` and its body only when asked for it (RFC 9110 §10.1.1). */
function expecting(path: string, declared: number, headers: Record<string, string>, body: Buffer) {
  return new Promise<{ status: number; continued: boolean; connection: string; body: string }>((resolve) => {
    let continued = false;
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, headers: { ...headers, 'content-length': String(declared), expect: '100-continue' } });
    // A server that never asks for the body nor answers is a failure, not a hung test.
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ status: 0, continued, connection: '', body: 'no answer within 10 s' });
    }, 10_000);
    req.on('continue', () => {
      continued = true;
      req.end(body);
    });
    req.on('error', () => undefined);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, continued, connection: String(res.headers.connection), body: text });
      });
    });
    req.flushHeaders();
  });
}

describe('a client waiting for 100 Continue', () => {
  it('is asked for a JSON body when it is parsed, and answered on it', async () => {
    const body = Buffer.from(JSON.stringify({ nothing: true }));
    const o = await expecting('/api/v1/registrations', body.length, { 'content-type': 'application/json' }, body);
    expect(o.continued).toBe(true);
    expect(o.status).toBe(400);
    expect(JSON.parse(o.body)).toMatchObject({ status: 400 });
  });

  it('is refused over the limit without sending its body, and the connection is closed', async () => {
    const o = await expecting('/api/v1/registrations', 100 * MiB, { 'content-type': 'application/json' }, Buffer.alloc(0));
    expect(o.continued).toBe(false);
    expect(o.status).toBe(413);
    expect(JSON.parse(o.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(o.connection).toBe('close');
  });
});
