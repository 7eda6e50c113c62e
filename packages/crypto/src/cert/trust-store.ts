/**
 * The recognised CAs, side by side (CA 全区通): self-signed roots are trust anchors; intermediates
 * are path-building material that must themselves chain to an anchor.
 */
import { CryptoError } from '../errors.ts';
import { isSelfIssued, parseCertificates, type Certificate } from './certificate.ts';
import { sameName } from './name.ts';

export class TrustStore {
  readonly anchors: Certificate[] = [];
  readonly intermediates: Certificate[] = [];

  constructor(certs: Iterable<Certificate> = []) {
    for (const c of certs) this.add(c);
  }

  /** From PEM bundles or DER certificates. */
  static fromEncoded(inputs: Iterable<Uint8Array | string>): TrustStore {
    const store = new TrustStore();
    for (const input of inputs) for (const c of parseCertificates(input)) store.add(c);
    return store;
  }

  add(cert: Certificate): void {
    if (!cert.basicConstraints?.ca) {
      throw new CryptoError('CERT_NOT_CA', `${cert.subject.text} is not a CA certificate (basicConstraints CA:TRUE missing)`);
    }
    const list = isSelfIssued(cert) ? this.anchors : this.intermediates;
    if (!list.some((c) => c.fingerprint === cert.fingerprint)) list.push(cert);
  }

  isAnchor(cert: Certificate): boolean {
    return this.anchors.some((a) => a.fingerprint === cert.fingerprint);
  }

  /** Candidate issuers of `cert`: subject name equals its issuer name, and key IDs agree when both are present. */
  issuersOf(cert: Certificate, extra: readonly Certificate[] = []): Certificate[] {
    return [...this.anchors, ...this.intermediates, ...extra].filter(
      (c) => sameName(c.subject, cert.issuer) && (!cert.authorityKeyId || !c.subjectKeyId || cert.authorityKeyId === c.subjectKeyId),
    );
  }

  get size(): number {
    return this.anchors.length + this.intermediates.length;
  }
}
