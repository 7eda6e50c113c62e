/**
 * Asking a certificate's OCSP responder (F-09, decision 0013): where a certificate names one
 * (authority information access), its status is asked besides the CRLs. An answer is used only after
 * its signature, its subject, its freshness and our nonce are checked. A responder that cannot be
 * reached or answers nothing usable leaves the CRL to decide (soft fail), and the failure is logged:
 * one CA's responder being down must not stop every bidder of that CA from logging in.
 */
import { randomBytes } from 'node:crypto';
import { certIdOf, encodeOcspRequest, verifyOcspResponse, type Certificate, type OcspChecker, type OcspResult } from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';

/** Sends a DER OCSP request to a responder URL; resolves with the DER answer. */
export type OcspTransport = (url: string, request: Uint8Array) => Promise<Uint8Array>;

/** A request answered by this application itself, in-process (the sandbox CA's responder). */
export type SelfInject = (request: {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  payload: Buffer;
}) => Promise<{ statusCode: number; rawPayload: Buffer }>;

const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * HTTP POST (RFC 6960 Appendix A.1) with a time limit and a size limit. A URL on the platform's own
 * origin (the demo's sandbox CA) is answered in-process, so the demo needs no port of its own.
 */
export function ocspTransport(opts: { timeoutMs?: number; selfOrigin?: string; selfInject?: SelfInject } = {}): OcspTransport {
  const timeoutMs = opts.timeoutMs ?? 3000;
  return async (url, request) => {
    if (opts.selfOrigin && opts.selfInject && url.startsWith(`${opts.selfOrigin}/`)) {
      const res = await opts.selfInject({
        method: 'POST',
        url: url.slice(opts.selfOrigin.length),
        headers: { 'content-type': 'application/ocsp-request' },
        payload: Buffer.from(request),
      });
      if (res.statusCode !== 200) throw new Error(`OCSP responder ${url} answered HTTP ${res.statusCode}`);
      return new Uint8Array(res.rawPayload);
    }
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
      body: Buffer.from(request),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    if (!res.ok) throw new Error(`OCSP responder ${url} answered HTTP ${res.status}`);
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.length > MAX_ANSWER_BYTES) throw new Error(`OCSP responder ${url} answered ${body.length} bytes`);
    return body;
  };
}

export interface OcspCheckerDeps {
  transport: OcspTransport;
  clock: Clock;
  /** How long a good or revoked answer is reused (never past its nextUpdate). */
  cacheMs?: number;
  onFailure?: (failure: { url: string; serialNumber: string; error: unknown }) => void;
}

export function createOcspChecker(deps: OcspCheckerDeps): OcspChecker & { forget(): void } {
  const cacheMs = deps.cacheMs ?? 60_000;
  const cache = new Map<string, { result: OcspResult; until: number }>();
  return {
    forget: () => cache.clear(),
    async check(cert: Certificate, issuer: Certificate, at: Date): Promise<OcspResult> {
      const url = cert.ocspUrls?.find((u) => /^https?:\/\//i.test(u));
      if (!url) return { status: 'unknown' };
      const key = `${issuer.fingerprint}/${cert.serialNumber}`;
      const now = deps.clock.now().getTime();
      const cached = cache.get(key);
      if (cached && cached.until > now && Math.abs(at.getTime() - now) < cacheMs) return cached.result;
      const nonce = new Uint8Array(randomBytes(16));
      try {
        const answer = await deps.transport(url, encodeOcspRequest([certIdOf(cert, issuer)], nonce));
        const result = await verifyOcspResponse(answer, cert, issuer, { at, nonce });
        if (result.status !== 'unknown') cache.set(key, { result, until: now + cacheMs });
        return result;
      } catch (error) {
        deps.onFailure?.({ url, serialNumber: cert.serialNumber, error });
        return { status: 'unknown' };
      }
    },
  };
}
