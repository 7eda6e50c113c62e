/**
 * OCSP is behind an interface: the platform plugs in a checker that talks to a CA's responder (or a
 * cache of stapled responses); this package does no network I/O.
 */
import type { Certificate } from './certificate.ts';

export interface OcspResult {
  status: 'good' | 'revoked' | 'unknown';
  revokedAt?: Date;
  reason?: string;
}

export interface OcspChecker {
  check(cert: Certificate, issuer: Certificate, at: Date): Promise<OcspResult>;
}
