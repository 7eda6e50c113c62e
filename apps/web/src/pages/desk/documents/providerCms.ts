// A detached CMS SignedData made with a KeyProvider (the key stays in the provider: a file key in the
// page today, a UKey later). It is the structure of @bidhall/crypto's signCmsDetached — which needs
// the private key itself — with the signature over the signed attributes asked of the provider:
// GM/T 0010 OIDs with SM3 for SM2, RFC 5652 with SHA-256 for P-256 and RSA. The server verifies it
// with verifyCmsDetached over exactly the manifest bytes it returned from packaging.
import type { KeyProvider } from '@bidhall/contracts';
import { CMS_GM, CMS_INTL, concat, fromHex, parseCertificates, sha256, sm3, toBase64, utf8 } from '@bidhall/crypto/browser';

const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';

function length(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}
const tlv = (tag: number, value: Uint8Array) => concat(Uint8Array.of(tag), length(value.length), value);
const seq = (...items: Uint8Array[]) => tlv(0x30, concat(...items));
function setOf(...items: Uint8Array[]): Uint8Array {
  const sorted = [...items].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  });
  return tlv(0x31, concat(...sorted));
}
function integer(n: bigint): Uint8Array {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = fromHex(hex);
  if (bytes[0]! & 0x80) bytes = concat(Uint8Array.of(0), bytes);
  return tlv(0x02, bytes);
}
function oid(text: string): Uint8Array {
  const arcs = text.split('.').map(BigInt);
  const out: number[] = [];
  const arc = (a: bigint) => {
    const bytes = [Number(a & 0x7fn)];
    for (let v = a >> 7n; v > 0n; v >>= 7n) bytes.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...bytes);
  };
  arc(arcs[0]! * 40n + arcs[1]!);
  arcs.slice(2).forEach(arc);
  return tlv(0x06, Uint8Array.from(out));
}
function time(date: Date): Uint8Array {
  const p = (n: number) => String(n).padStart(2, '0');
  const y = date.getUTCFullYear();
  const rest = `${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
  return y >= 1950 && y < 2050 ? tlv(0x17, utf8(`${p(y % 100)}${rest}`)) : tlv(0x18, utf8(`${y}${rest}`));
}
const attribute = (type: string, value: Uint8Array) => seq(oid(type), setOf(value));
/** [0] IMPLICIT SET OF: the DER SET with its tag replaced. */
const implicit0 = (set: Uint8Array) => {
  const out = Uint8Array.from(set);
  out[0] = 0xa0;
  return out;
};

/** Base64 of a detached CMS over `content`, signed by the provider's key at `signingTime` (server time). */
export async function signDetachedWithProvider(provider: KeyProvider, content: Uint8Array, signingTime: Date): Promise<string> {
  const [cert, ...chain] = parseCertificates(await provider.certificate());
  if (!cert) throw new Error('no certificate');
  const gm = cert.keyAlg === 'sm2';
  const profile = gm ? CMS_GM : CMS_INTL;
  const signatureOid = cert.keyAlg === 'rsa' ? OID_RSA_ENCRYPTION : profile.signature;
  const signedAttrs = setOf(
    attribute(OID_CONTENT_TYPE, oid(profile.data)),
    attribute(OID_SIGNING_TIME, time(signingTime)),
    attribute(OID_MESSAGE_DIGEST, tlv(0x04, gm ? sm3(content) : sha256(content))),
  );
  const signature = await provider.sign(signedAttrs);
  const signerInfo = seq(
    integer(1n),
    seq(cert.issuer.der, integer(BigInt(`0x${cert.serialNumber}`))),
    seq(oid(profile.digest)),
    implicit0(signedAttrs),
    seq(oid(signatureOid)),
    tlv(0x04, signature),
  );
  const signedData = seq(
    integer(1n),
    setOf(seq(oid(profile.digest))),
    seq(oid(profile.data)),
    implicit0(setOf(...[cert, ...chain].map((c) => c.der))),
    setOf(signerInfo),
  );
  return toBase64(seq(oid(profile.signedData), tlv(0xa0, signedData)));
}
