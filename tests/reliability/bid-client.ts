/**
 * The bidder's side over real HTTP, for the reliability tests and the deadline-rush benchmark: plain
 * node:http requests (keep-alive), the tus 1.0 calls the bid uploads take (create, PATCH, HEAD), the
 * final submission, sealing a bid with the trust core's envelope, and checking a receipt with nothing
 * but the platform's public key (signature, commitment, the log entry's inclusion proof, timestamp).
 */
import http from 'node:http';
import type { BiddingRequirements, BidReceiptResponse, BidSubmitRequest } from '@bidhall/contracts';
import {
  buildManifest,
  canonicalJson,
  fromHex,
  manifestPart,
  publicKeyFromPem,
  sealBytes,
  sealBidSummary,
  signManifest,
  sm3,
  toHex,
  utf8,
  verifyJson,
  type PartHeader,
  type PrivateKey,
  type Recipients,
} from '@bidhall/crypto';
import { checkLogReceipt } from '@bidhall/crypto/log-verify';

export const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** performance.now() when the last byte of the request body was handed to the socket. */
  lastByteAt: number;
  /** performance.now() when the whole answer had arrived. */
  answeredAt: number;
  json<T = unknown>(): T;
}

export type Body = Buffer | Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array> | undefined;

/**
 * One HTTP request; the body may stream (backpressure respected). A socket error rejects. With
 * `expectContinue` the body is held back until the server answers 100 Continue; answered with a final
 * status instead, it is never sent (and the connection, which the server then closes, is not reused).
 */
export function request(
  url: string,
  init: { method: string; headers?: Record<string, string | number>; body?: Body; signal?: AbortSignal; expectContinue?: boolean },
): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    let lastByteAt = 0;
    const holdBack = init.expectContinue === true && init.body !== undefined;
    const headers = holdBack ? { ...init.headers, expect: '100-continue' } : init.headers;
    const req = http.request(
      url,
      { method: init.method, headers, agent, ...(init.signal ? { signal: init.signal } : {}) },
      (res) => {
        if (holdBack) req.off('continue', send);
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(parts);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            lastByteAt: lastByteAt || performance.now(),
            answeredAt: performance.now(),
            json: <T>() => JSON.parse(body.toString('utf8')) as T,
          });
          // Answered before the body was asked for: the request is over without it.
          if (holdBack && !req.writableEnded) req.destroy();
        });
      },
    );
    req.on('error', reject);
    req.on('finish', () => (lastByteAt = performance.now()));
    function send() {
      const body = init.body;
      if (body === undefined) {
        req.end();
        return;
      }
      if (body instanceof Uint8Array) {
        req.end(body);
        return;
      }
      void (async () => {
        try {
          for await (const chunk of body as AsyncIterable<Uint8Array>) {
            if (req.destroyed) return;
            if (!req.write(chunk)) await new Promise<void>((r) => req.once('drain', r).once('close', r));
          }
          req.end();
        } catch (err) {
          req.destroy(err as Error);
        }
      })();
    }
    if (holdBack) {
      req.once('continue', send);
      req.flushHeaders();
    } else send();
  });
}

const TUS = { 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

export interface UploadMeta {
  sectionId: string;
  partId: string;
  name: string;
  filetype?: string;
  filename?: string;
}

/** tus POST: creates an upload, returns its URL. */
export async function tusCreate(
  base: string,
  cookie: string,
  meta: UploadMeta,
  length: number,
): Promise<{ url: string; answer: HttpAnswer }> {
  const metadata = Object.entries(meta)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${b64(String(v))}`)
    .join(',');
  const answer = await request(`${base}/api/v1/bid-uploads`, {
    method: 'POST',
    headers: { ...TUS, cookie, 'upload-length': length, 'upload-metadata': metadata },
  });
  const location = answer.headers.location;
  if (answer.status !== 201 || !location) return { url: '', answer };
  // The path only: a Location built from another base URL (PUBLIC_BASE_URL) still names this upload.
  return { url: `${base}${new URL(location, base).pathname}`, answer };
}

/** tus PATCH, its body held back until the server asks for it (Expect: 100-continue), as the CLI sends it. */
export function tusPatch(url: string, cookie: string, offset: number, body: Body, length?: number): Promise<HttpAnswer> {
  return request(url, {
    method: 'PATCH',
    expectContinue: true,
    headers: {
      ...TUS,
      cookie,
      'upload-offset': offset,
      'content-type': 'application/offset+octet-stream',
      ...(length !== undefined ? { 'content-length': length } : {}),
    },
    body,
  });
}

export async function tusHead(
  url: string,
  cookie: string,
): Promise<{ status: number; offset: number | null; length: number | null }> {
  const a = await request(url, { method: 'HEAD', headers: { ...TUS, cookie } });
  const num = (h: string | string[] | undefined) => (typeof h === 'string' ? Number(h) : null);
  return { status: a.status, offset: num(a.headers['upload-offset']), length: num(a.headers['upload-length']) };
}

/** The upload id the submission names: the last path segment of the tus URL. */
export const uploadIdOf = (url: string) => new URL(url).pathname.split('/').pop()!;

export function postJson(url: string, cookie: string, payload: unknown): Promise<HttpAnswer> {
  return request(url, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(payload)),
  });
}

export async function getJson<T>(url: string, cookie?: string): Promise<T> {
  const a = await request(url, { method: 'GET', headers: cookie ? { cookie } : {} });
  if (a.status !== 200) throw new Error(`GET ${url}: ${a.status} ${a.body.toString()}`);
  return a.json<T>();
}

// -------------------------------------------------------------------------------------------------
// Sealing (small bids, really sealed: the tests decrypt nothing but prove that nobody else can)

export function recipientsFor(req: BiddingRequirements, bidderKey: PrivateKey): Recipients {
  return {
    bidder: bidderKey.publicKey,
    threshold: req.sealing.threshold,
    custodians: req.sealing.custodians.map((c) => ({ publicKey: publicKeyFromPem(c.publicKeyPem), label: c.label })),
  };
}

export interface SealedPart {
  header: PartHeader;
  sealed: Uint8Array;
  part: BidSubmitRequest['signedManifest']['manifest']['parts'][number];
}

export interface SealedBid {
  parts: SealedPart[];
  signedManifest: BidSubmitRequest['signedManifest'];
}

/** A whole bid sealed in memory: the bidSummary and one file per required part of the document. */
export async function sealBid(
  req: BiddingRequirements,
  bidder: { entityId: string; key: PrivateKey },
  content: { summary: Record<string, unknown>; files?: Record<string, Uint8Array> },
): Promise<SealedBid> {
  const recipients = recipientsFor(req, bidder.key);
  const summary = await sealBidSummary(content.summary, { recipients });
  const parts: SealedPart[] = [
    { header: summary.header, sealed: summary.sealed, part: manifestPart(summary.header, summary.digest, 'bidSummary') },
  ];
  for (const p of req.document.parts.filter((x) => x.required || content.files?.[x.key])) {
    const ext = p.fileTypes[0] ?? 'pdf';
    const bytes = content.files?.[p.key] ?? utf8(`${p.name}: bid content of ${bidder.entityId}`);
    const sealed = await sealBytes(bytes, { name: `${p.key}.${ext}`, recipients });
    parts.push({
      header: sealed.header,
      sealed: sealed.sealed,
      part: {
        ...manifestPart(sealed.header, sealed.digest, 'file'),
        partKey: p.key,
        mediaType: ext === 'pdf' ? 'application/pdf' : 'application/octet-stream',
      },
    });
  }
  return {
    parts,
    signedManifest: signBidManifest(
      req,
      bidder,
      parts.map((p) => p.part),
    ),
  };
}

export function signBidManifest(
  req: BiddingRequirements,
  bidder: { entityId: string; key: PrivateKey },
  parts: SealedPart['part'][],
): SealedBid['signedManifest'] {
  const base = buildManifest({
    sectionId: req.sectionId,
    bidderId: bidder.entityId,
    createdAt: new Date(),
    suite: 'gm',
    parts: [],
  });
  const manifest = {
    ...base,
    parts,
    document: { id: req.document.id, version: req.document.version, contentSm3: req.document.contentSm3 },
  };
  return signManifest(
    manifest as unknown as Parameters<typeof signManifest>[0],
    bidder.key,
  ) as unknown as SealedBid['signedManifest'];
}

/** Uploads every part (create + one PATCH each) and submits; returns the submission's answer. */
export async function uploadAndSubmit(
  base: string,
  cookie: string,
  sectionId: string,
  bid: SealedBid,
  certificatePem: string,
  extra: Partial<BidSubmitRequest> = {},
): Promise<HttpAnswer> {
  const parts: BidSubmitRequest['parts'] = [];
  for (const p of bid.parts) {
    const created = await tusCreate(base, cookie, { sectionId, partId: p.header.partId, name: p.header.name }, p.sealed.length);
    if (!created.url) return created.answer;
    const patched = await tusPatch(created.url, cookie, 0, p.sealed);
    if (patched.status !== 204) return patched;
    parts.push({ partId: p.header.partId, uploadId: uploadIdOf(created.url) });
  }
  return postJson(`${base}/api/v1/sections/${sectionId}/bids`, cookie, {
    signedManifest: bid.signedManifest,
    certificatePem,
    parts,
    ...extra,
  });
}

// -------------------------------------------------------------------------------------------------
// Receipts

/**
 * Checks a bid receipt with the platform key only: the platform's signature over the receipt, the
 * commitment (SM3 of salt and the receipt's core), the public log entry carrying that commitment at
 * the receipt's index, its inclusion proof under a signed tree head, and the timestamp token.
 * Returns the failures (empty when all hold).
 */
export function receiptFailures(r: BidReceiptResponse, platformKeyPem: string, expect?: { manifestSm3?: string }): string[] {
  const failures: string[] = [];
  const key = publicKeyFromPem(platformKeyPem);
  const { signature, ...unsigned } = r.receipt;
  if (!verifyJson(unsigned, signature, key)) failures.push('receipt signature');
  const { commitment, salt, logIndex, timestamp, ...core } = unsigned;
  void logIndex;
  void timestamp;
  const expected = toHex(sm3(new Uint8Array([...fromHex(salt), ...canonicalJson(core)])));
  if (expected !== commitment) failures.push('commitment');
  const log = checkLogReceipt(r.logReceipt, platformKeyPem);
  if (!log.ok)
    failures.push(
      `log receipt: ${log.checks
        .filter((c) => c.status !== 'ok')
        .map((c) => c.id)
        .join(', ')}`,
    );
  if (r.logReceipt.index !== r.receipt.logIndex) failures.push('log index');
  let entry: Record<string, unknown> = {};
  try {
    entry = JSON.parse(r.logReceipt.entry) as Record<string, unknown>;
  } catch {
    failures.push('log entry not JSON');
  }
  if (entry.commitment !== r.receipt.commitment) failures.push('log entry commitment');
  if (entry.type !== 'sealedBidEvent') failures.push(`log entry type ${String(entry.type)}`);
  if (expect?.manifestSm3 && expect.manifestSm3 !== r.receipt.manifestSm3) failures.push('manifest hash');
  return failures;
}

/** Hex SM3 of the canonical JSON of the signed manifest, as the receipt names it. */
export function manifestSm3(signed: unknown): string {
  return toHex(sm3(canonicalJson(signed)));
}
