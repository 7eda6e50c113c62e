/**
 * Certificate path validation against a TrustStore: chain signatures (SM2-with-SM3 included),
 * validity at a given instant, CA constraints and key usage, and revocation by CRL (and OCSP when
 * a checker is supplied). Every refusal is a CryptoError naming the certificate and the reason.
 */
import { CryptoError } from '../errors.ts';
import type { Certificate, KeyUsageName } from './certificate.ts';
import { isSelfIssued } from './certificate.ts';
import { verifyCrl, type Crl } from './crl.ts';
import { sameName } from './name.ts';
import type { OcspChecker } from './ocsp.ts';
import type { TrustStore } from './trust-store.ts';
import { verifySignedBytes } from './verify-signature.ts';

/** What the end-entity certificate is being used for. */
export type CertPurpose = 'sign' | 'encrypt' | 'any';

export interface VerifyChainOptions {
  store: TrustStore;
  /** The instant to validate at (from the injected clock; or a signature's time). */
  at: Date;
  crls?: readonly Crl[];
  ocsp?: OcspChecker;
  purpose?: CertPurpose;
  /** Extra intermediates that came with the certificate (e.g. inside a CMS message). */
  intermediates?: readonly Certificate[];
}

export interface ChainResult {
  /** Leaf first, trust anchor last. */
  chain: Certificate[];
  anchor: Certificate;
  /** Per certificate below the anchor: how its revocation status was established. */
  revocation: ('crl' | 'ocsp' | 'not-checked')[];
}

const MAX_DEPTH = 8;

const PURPOSE_USAGES: Record<Exclude<CertPurpose, 'any'>, KeyUsageName[]> = {
  sign: ['digitalSignature'],
  encrypt: ['keyEncipherment', 'dataEncipherment', 'keyAgreement'],
};

function who(c: Certificate): string {
  return c.subject.text || `serial ${c.serialNumber}`;
}

function checkValidity(c: Certificate, at: Date): void {
  if (at.getTime() < c.notBefore.getTime()) {
    throw new CryptoError('CERT_NOT_YET_VALID', `certificate ${who(c)} is not valid before ${c.notBefore.toISOString()}`);
  }
  if (at.getTime() > c.notAfter.getTime()) {
    throw new CryptoError('CERT_EXPIRED', `certificate ${who(c)} expired at ${c.notAfter.toISOString()}`);
  }
}

function checkStructure(chain: Certificate[], purpose: CertPurpose): void {
  for (const c of chain) {
    if (c.unknownCriticalExtensions.length) {
      throw new CryptoError('CERT_UNTRUSTED', `certificate ${who(c)} has unsupported critical extension ${c.unknownCriticalExtensions[0]}`);
    }
  }
  chain.slice(1).forEach((ca, i) => {
    if (!ca.basicConstraints?.ca) throw new CryptoError('CERT_NOT_CA', `issuer ${who(ca)} is not a CA (basicConstraints CA:TRUE missing)`);
    if (ca.keyUsage && !ca.keyUsage.has('keyCertSign')) throw new CryptoError('CERT_KEY_USAGE', `issuer ${who(ca)} may not sign certificates (no keyCertSign)`);
    // Intermediates strictly below this CA, not counting self-issued ones (RFC 5280 §4.2.1.9).
    const below = chain.slice(1, i + 1).filter((c) => !isSelfIssued(c)).length;
    if (ca.basicConstraints.pathLen !== undefined && below > ca.basicConstraints.pathLen) {
      throw new CryptoError('CERT_NOT_CA', `path length constraint of ${who(ca)} exceeded`);
    }
  });
  const leaf = chain[0]!;
  if (purpose !== 'any' && leaf.keyUsage && !PURPOSE_USAGES[purpose].some((u) => leaf.keyUsage!.has(u))) {
    throw new CryptoError('CERT_KEY_USAGE', `certificate ${who(leaf)} may not be used to ${purpose} (key usage ${[...leaf.keyUsage].join(', ') || 'none'})`);
  }
}

async function checkRevocation(chain: Certificate[], opts: VerifyChainOptions): Promise<ChainResult['revocation']> {
  const out: ChainResult['revocation'] = [];
  for (let i = 0; i < chain.length - 1; i++) {
    const cert = chain[i]!;
    const issuer = chain[i + 1]!;
    let how: ChainResult['revocation'][number] = 'not-checked';
    for (const crl of opts.crls ?? []) {
      if (!sameName(crl.issuer, issuer.subject)) continue;
      await verifyCrl(crl, issuer, opts.at);
      how = 'crl';
      const entry = crl.revoked.get(cert.serialNumber);
      if (entry && entry.reason !== 'removeFromCRL' && entry.revocationDate.getTime() <= opts.at.getTime()) {
        throw new CryptoError(
          'CERT_REVOKED',
          `certificate ${who(cert)} was revoked at ${entry.revocationDate.toISOString()}${entry.reason ? ` (${entry.reason})` : ''}`,
        );
      }
    }
    if (opts.ocsp) {
      const r = await opts.ocsp.check(cert, issuer, opts.at);
      if (r.status === 'revoked') {
        throw new CryptoError('CERT_REVOKED', `certificate ${who(cert)} is revoked according to OCSP${r.reason ? ` (${r.reason})` : ''}`);
      }
      if (r.status === 'good') how = 'ocsp';
    }
    out.push(how);
  }
  return out;
}

/** Depth-first search for issuer paths whose signatures verify, leaf first. */
async function* candidatePaths(
  path: Certificate[],
  opts: VerifyChainOptions,
  failures: CryptoError[],
): AsyncGenerator<Certificate[]> {
  const current = path[path.length - 1]!;
  if (opts.store.isAnchor(current)) {
    yield path;
    return;
  }
  if (path.length > MAX_DEPTH) return;
  for (const issuer of opts.store.issuersOf(current, opts.intermediates)) {
    if (path.some((c) => c.fingerprint === issuer.fingerprint)) continue;
    let ok: boolean;
    try {
      ok = await verifySignedBytes(issuer, current.signatureAlgorithm, current.tbs, current.signature);
    } catch (err) {
      if (!(err instanceof CryptoError)) throw err;
      failures.push(err);
      continue;
    }
    if (!ok) {
      failures.push(new CryptoError('CERT_BAD_SIGNATURE', `signature on ${who(current)} does not verify with the key of ${who(issuer)}`));
      continue;
    }
    yield* candidatePaths([...path, issuer], opts, failures);
  }
}

export async function verifyChain(cert: Certificate, opts: VerifyChainOptions): Promise<ChainResult> {
  const purpose = opts.purpose ?? 'sign';
  const failures: CryptoError[] = [];
  for await (const chain of candidatePaths([cert], opts, failures)) {
    try {
      for (const c of chain) checkValidity(c, opts.at);
      checkStructure(chain, purpose);
      const revocation = await checkRevocation(chain, opts);
      return { chain, anchor: chain[chain.length - 1]!, revocation };
    } catch (err) {
      if (!(err instanceof CryptoError)) throw err;
      failures.push(err);
    }
  }
  // Report the most specific failure: a path-level problem beats "no path at all".
  const specific = failures.find((f) => f.code !== 'CERT_BAD_SIGNATURE') ?? failures[0];
  if (specific) throw specific;
  throw new CryptoError('CERT_UNTRUSTED', `certificate ${who(cert)} was not issued by a recognised CA (issuer ${cert.issuer.text})`);
}
