/**
 * Detached CMS SignedData (RFC 5652) over a document, in two forms chosen by the signer's key:
 * - P-256 (international): RFC 5652 OIDs, SHA-256, ecdsa-with-SHA256 — the form
 *   `openssl cms -verify -binary -content FILE -inform DER` accepts;
 * - SM2: GM/T 0010 OIDs (signedData 1.2.156.10197.6.1.4.2.2, data …2.1), SM3 digest, SM2
 *   signature (1.2.156.10197.1.301.1) over the signed attributes with the default signer ID.
 * Written with our DER writer so the signed attributes are exactly the DER SET that is signed
 * (SET OF sorted), which a schema serialiser does not guarantee.
 */
import {
  derExplicit,
  derInteger,
  derOctetString,
  derOid,
  derSequence,
  derSetOf,
  derTime,
} from '../asn1/der.ts';
import { OID } from '../asn1/oids.ts';
import type { Certificate } from '../cert/certificate.ts';
import { CryptoError } from '../errors.ts';
import type { PrivateKey } from '../keys/key-types.ts';
import { suiteForKey } from '../suite/suite.ts';
import { equalBytes } from '../util/bytes.ts';

export interface CmsProfile {
  signedData: string;
  data: string;
  digest: string;
  signature: string;
}

export const CMS_INTL: CmsProfile = { signedData: OID.signedData, data: OID.data, digest: OID.sha256, signature: OID.ecdsaWithSha256 };
export const CMS_GM: CmsProfile = { signedData: OID.gmSignedData, data: OID.gmData, digest: OID.sm3, signature: OID.sm2Sign };

export interface CmsSigner {
  key: PrivateKey;
  cert: Certificate;
  /** Intermediates to include so a verifier can build the chain. */
  chain?: Certificate[];
}

export interface CmsSignOptions {
  /** Written as the signingTime attribute (from the injected clock). */
  signingTime: Date;
}

function attribute(oid: string, value: Uint8Array): Uint8Array {
  return derSequence(derOid(oid), derSetOf(value));
}

export function signCmsDetached(content: Uint8Array, signer: CmsSigner, opts: CmsSignOptions): Uint8Array {
  const { key, cert } = signer;
  if (!cert.publicKey || !equalBytes(cert.publicKey.point, key.publicKey.point)) {
    throw new CryptoError('BAD_KEY', 'the private key does not belong to the signing certificate');
  }
  const profile = key.alg === 'sm2' ? CMS_GM : CMS_INTL;
  const s = suiteForKey(key);
  const attrs = [
    attribute(OID.contentType, derOid(profile.data)),
    attribute(OID.signingTime, derTime(opts.signingTime)),
    attribute(OID.messageDigest, derOctetString(s.hash(content))),
  ];
  const signedAttrsSet = derSetOf(...attrs);
  const signature = s.sign(key, signedAttrsSet);
  const signerInfo = derSequence(
    derInteger(1),
    derSequence(cert.issuer.der, derInteger(BigInt(`0x${cert.serialNumber}`))),
    derSequence(derOid(profile.digest)),
    implicit0(signedAttrsSet),
    derSequence(derOid(profile.signature)),
    derOctetString(signature),
  );
  const certs = [cert, ...(signer.chain ?? [])].map((c) => c.der);
  const signedData = derSequence(
    derInteger(1),
    derSetOf(derSequence(derOid(profile.digest))),
    derSequence(derOid(profile.data)),
    implicit0(derSetOf(...certs)),
    derSetOf(signerInfo),
  );
  return derSequence(derOid(profile.signedData), derExplicit(0, signedData));
}

/** [0] IMPLICIT SET OF: the DER SET with its tag replaced (contents stay sorted as DER requires). */
function implicit0(set: Uint8Array): Uint8Array {
  const out = Uint8Array.from(set);
  out[0] = 0xa0;
  return out;
}
