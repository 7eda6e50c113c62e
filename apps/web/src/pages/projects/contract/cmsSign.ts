// A detached CMS SignedData over exact bytes, signed through any KeyProvider (the certificate file
// of the login page now, a USB key later: the private key is never handed out). The structure is the
// one @bidhall/crypto's signCmsDetached writes and the server's verifyCmsDetached checks — GM/T 0010
// OIDs and SM3 for SM2, RFC 5652 with SHA-256 for P-256 — but the signature over the signed
// attributes comes from the provider, which is why it is assembled here.
import type { KeyProvider } from '@bidhall/contracts';
import { CryptoError, parseCertificates, sha256, sm3, toBase64, utf8 } from '@bidhall/crypto/browser';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  gmData: '1.2.156.10197.6.1.4.2.1',
  gmSignedData: '1.2.156.10197.6.1.4.2.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  sm3: '1.2.156.10197.1.401',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sm2Sign: '1.2.156.10197.1.301.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
};

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function tlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  let len: Uint8Array;
  if (n < 0x80) len = Uint8Array.of(n);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
    len = Uint8Array.of(0x80 | bytes.length, ...bytes);
  }
  return concat(Uint8Array.of(tag), len, content);
}

const seq = (...items: Uint8Array[]) => tlv(0x30, concat(...items));
/** DER SET OF: the encodings sorted as unsigned byte strings. */
function setOf(...items: Uint8Array[]): Uint8Array {
  const sorted = [...items].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  });
  return tlv(0x31, concat(...sorted));
}
const octets = (bytes: Uint8Array) => tlv(0x04, bytes);

function oid(text: string): Uint8Array {
  const arcs = text.split('.').map((a) => BigInt(a));
  const out: number[] = [];
  const push = (v: bigint) => {
    const bytes = [Number(v & 0x7fn)];
    for (v >>= 7n; v > 0n; v >>= 7n) bytes.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...bytes);
  };
  push(arcs[0]! * 40n + arcs[1]!);
  arcs.slice(2).forEach(push);
  return tlv(0x06, Uint8Array.from(out));
}

function integerHex(hex: string): Uint8Array {
  let h = hex.replace(/^0+(?=.)/, '');
  if (h.length % 2) h = `0${h}`;
  let bytes: Uint8Array = Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
  if (bytes[0]! & 0x80) bytes = concat(Uint8Array.of(0), bytes);
  return tlv(0x02, bytes);
}

function time(date: Date): Uint8Array {
  const y = date.getUTCFullYear();
  const pad = (n: number) => String(n).padStart(2, '0');
  const rest = `${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  return y >= 1950 && y < 2050 ? tlv(0x17, utf8(`${pad(y % 100)}${rest}`)) : tlv(0x18, utf8(`${y}${rest}`));
}

/** [0] IMPLICIT SET OF: the DER SET with its tag replaced. */
function implicit0(set: Uint8Array): Uint8Array {
  const out = Uint8Array.from(set);
  out[0] = 0xa0;
  return out;
}

/**
 * Signs `content` into a detached CMS (base64). `signingTime` is the server's time. RSA keys sign
 * logins but not documents here: E-signatures take SM2 or ECDSA P-256 certificates (BAD_KEY_ALG).
 */
export async function signDetached(provider: KeyProvider, content: Uint8Array, signingTime: Date): Promise<string> {
  const pem = await provider.certificate();
  const chain = parseCertificates(pem);
  const cert = chain[0]!;
  const certDers = chain.map((c) => c.der);
  const gm = cert.keyAlg === 'sm2';
  if (!gm && cert.keyAlg !== 'p256') throw new CryptoError('UNSUPPORTED_ALGORITHM', `documents are signed with SM2 or P-256, not ${cert.keyAlg}`);
  const profile = gm
    ? { signedData: OID.gmSignedData, data: OID.gmData, digest: OID.sm3, signature: OID.sm2Sign }
    : { signedData: OID.signedData, data: OID.data, digest: OID.sha256, signature: OID.ecdsaWithSha256 };
  const digest = gm ? sm3(content) : sha256(content);
  const attribute = (type: string, value: Uint8Array) => seq(oid(type), setOf(value));
  const signedAttrs = setOf(
    attribute(OID.contentType, oid(profile.data)),
    attribute(OID.signingTime, time(signingTime)),
    attribute(OID.messageDigest, octets(digest)),
  );
  const signature = await provider.sign(signedAttrs);
  const signerInfo = seq(
    integerHex('1'),
    seq(cert.issuer.der, integerHex(cert.serialNumber)),
    seq(oid(profile.digest)),
    implicit0(signedAttrs),
    seq(oid(profile.signature)),
    octets(signature),
  );
  const signedData = seq(
    integerHex('1'),
    setOf(seq(oid(profile.digest))),
    seq(oid(profile.data)),
    implicit0(setOf(...certDers)),
    setOf(signerInfo),
  );
  return toBase64(seq(oid(profile.signedData), tlv(0xa0, signedData)));
}
