/**
 * A small OCSP responder for a fictional CA (tests, the demo's sandbox CA): DER request in, signed
 * DER answer out. It answers for certificates of its own CA only, echoes the request's nonce and
 * signs with the CA's key or a delegated responder key. No network here: the caller serves it.
 */
import { CryptoError } from '../errors.ts';
import type { Certificate } from './certificate.ts';
import type { CrlReason } from './crl.ts';
import { certIdIssuedBy, encodeOcspError, issueOcspResponse, parseOcspRequest, type SingleOcspResponse } from './ocsp-message.ts';
import type { CertSigner } from './signer.ts';

export type OcspStatusOf = (serialNumber: string) => { status: 'good' } | { status: 'revoked'; revokedAt: Date; reason?: CrlReason } | { status: 'unknown' };

export interface OcspResponderParams {
  /** The CA whose certificates are answered for. */
  issuer: Certificate;
  /** The signing key: the CA's, or the delegated responder's (then `responderCert` is its certificate). */
  signer: CertSigner;
  responderCert?: Certificate;
  status: OcspStatusOf;
  now(): Date;
  /** How long an answer may be relied on (nextUpdate − thisUpdate); default 10 minutes. */
  validityMs?: number;
}

export function createOcspResponder(p: OcspResponderParams): (request: Uint8Array) => Promise<Uint8Array> {
  const validity = p.validityMs ?? 10 * 60_000;
  return async (requestDer) => {
    let request;
    try {
      request = parseOcspRequest(requestDer);
    } catch (err) {
      if (err instanceof CryptoError) return encodeOcspError('malformedRequest');
      throw err;
    }
    const now = p.now();
    const responses: SingleOcspResponse[] = request.certIds.map((certId) => {
      const said = certIdIssuedBy(certId, p.issuer) ? p.status(certId.serialNumber) : ({ status: 'unknown' } as const);
      return { certId, ...said, thisUpdate: now, nextUpdate: new Date(now.getTime() + validity) };
    });
    return issueOcspResponse({
      signer: p.signer,
      responder: p.responderCert ?? p.issuer,
      ...(p.responderCert ? { responderCert: p.responderCert } : {}),
      producedAt: now,
      responses,
      ...(request.nonce ? { nonce: request.nonce } : {}),
    });
  };
}
