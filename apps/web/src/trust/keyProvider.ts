// The certificate-file KeyProvider in the browser, adapted from apps/cli/src/key-provider.ts: the
// certificate and its PKCS#8 key are read from files the user picks and the key never leaves the
// page. SM2 and P-256 sign with @bidhall/crypto's JavaScript suites, RSA with Web Crypto. A USB key
// (UKey) driver would be another KeyProvider; the login form takes any (see pages/login/keySources.ts).
import type { KeyProvider } from '@bidhall/contracts';
import {
  CryptoError,
  encodePem,
  fromBase64,
  decodePem,
  isCryptoError,
  keyId,
  parseCertificate,
  privateKeyFromPem,
  sha256,
  suiteForKey,
  toHex,
  type Certificate,
  type PrivateKey,
} from '@bidhall/crypto/browser';
import { CertificateFileError, readCertificateFile, readPrivateKeyFile, type CertificateFile } from './certificateFile.ts';

/** What the user sees of the certificate they picked. */
export interface CertificateSummary {
  subject: string;
  /** The subject's organisation (O), else its common name. */
  holder: string;
  issuer: string;
  /** The issuer's common name (CN), else its organisation. */
  issuerName: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  keyAlg: string;
  /** Hex SHA-256 of the DER, as the server's fingerprintSha256. */
  fingerprintSha256: string;
}

export function summarise(cert: Certificate): CertificateSummary {
  const attr = (name: Certificate['subject'], short: string) => name.attributes.find((a) => a.short === short)?.value;
  return {
    subject: cert.subject.text,
    holder: attr(cert.subject, 'O') ?? attr(cert.subject, 'CN') ?? cert.subject.text,
    issuer: cert.issuer.text,
    issuerName: attr(cert.issuer, 'CN') ?? attr(cert.issuer, 'O') ?? cert.issuer.text,
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    keyAlg: cert.keyAlg,
    fingerprintSha256: toHex(sha256(cert.der)),
  };
}

/** The certificate of a file as PEM (DER files are wrapped), with the certificate parsed. */
export function certificateOf(file: CertificateFile): { pem: string; cert: Certificate } {
  const pem = file.format === 'pem' ? file.text : encodePem('CERTIFICATE', fromBase64(file.text));
  return { pem, cert: parseCertificate(pem) };
}

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const buffer = (bytes: Uint8Array) => bytes.slice().buffer;

/** RSA through Web Crypto; the key must be the certificate's (same modulus and exponent). */
async function rsaSigner(cert: Certificate, privateKeyPem: string): Promise<(data: Uint8Array) => Promise<Uint8Array>> {
  const der = decodePem(privateKeyPem, 'PRIVATE KEY').der;
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey('pkcs8', buffer(der), RSA, true, ['sign']);
    publicKey = await crypto.subtle.importKey('spki', buffer(cert.spki), RSA, true, ['verify']);
  } catch (err) {
    throw new CryptoError('BAD_KEY', 'the private key is not an RSA PKCS#8 key', { cause: err });
  }
  const [priv, pub] = await Promise.all([crypto.subtle.exportKey('jwk', privateKey), crypto.subtle.exportKey('jwk', publicKey)]);
  if (priv.n !== pub.n || priv.e !== pub.e)
    throw new CryptoError('BAD_KEY', 'the private key does not belong to the certificate');
  return async (data) => new Uint8Array(await crypto.subtle.sign(RSA, privateKey, buffer(data)));
}

/** A KeyProvider from a certificate (PEM) and its PKCS#8 private key (PEM); BAD_KEY when they do not match. */
export async function pemKeyProvider(options: {
  certificatePem: string;
  privateKeyPem: string;
  label: string;
}): Promise<KeyProvider> {
  const cert = parseCertificate(options.certificatePem);
  const certificate = async () => options.certificatePem;
  if (cert.keyAlg === 'rsa') {
    const sign = await rsaSigner(cert, options.privateKeyPem);
    return { label: options.label, certificate, sign };
  }
  const key = privateKeyFromPem(options.privateKeyPem);
  if (!cert.publicKey || keyId(cert.publicKey) !== keyId(key.publicKey)) {
    throw new CryptoError('BAD_KEY', 'the private key does not belong to the certificate');
  }
  // SM2 signs with SM3 and the signer ID 1234567812345678; P-256 with SHA-256.
  return { label: options.label, certificate, sign: async (data) => suiteForKey(key).sign(key, data) };
}

/** Why a certificate or key file cannot be used, as a key under `login.cert.fileErrors`. */
export type FileProblem =
  'TOO_LARGE' | 'NOT_CERTIFICATE' | 'NOT_KEY' | 'KEY_MISMATCH' | 'ENCRYPTED_KEY' | 'UNSUPPORTED' | 'MALFORMED';

export function fileProblemOf(err: unknown): FileProblem | undefined {
  if (err instanceof CertificateFileError) return err.code;
  if (!isCryptoError(err)) return undefined;
  if (err.code === 'BAD_KEY') return 'KEY_MISMATCH';
  if (err.code === 'UNSUPPORTED_ALGORITHM') return /encrypted/i.test(err.reason) ? 'ENCRYPTED_KEY' : 'UNSUPPORTED';
  return 'MALFORMED';
}

/** Reads and parses a certificate file (for showing it before the key is chosen). */
export async function loadCertificateFile(
  file: File,
): Promise<{ file: CertificateFile; pem: string; summary: CertificateSummary }> {
  const read = await readCertificateFile(file);
  const { pem, cert } = certificateOf(read);
  return { file: read, pem, summary: summarise(cert) };
}

/** The file KeyProvider from the two files the user picked. */
export async function fileKeyProvider(certificateFile: File, keyFile: File): Promise<KeyProvider> {
  const [{ pem }, key] = await Promise.all([loadCertificateFile(certificateFile), readPrivateKeyFile(keyFile)]);
  return pemKeyProvider({ certificatePem: pem, privateKeyPem: key.pem, label: certificateFile.name });
}

/**
 * A PKCS#8 key file (SM2 or P-256) as a private key that stays in this page, for unwrapping the content
 * keys a bid was sealed to it with; throws CertificateFileError or CryptoError (see fileProblemOf).
 */
export async function loadDecryptionKey(keyFile: File): Promise<PrivateKey> {
  const { pem } = await readPrivateKeyFile(keyFile);
  return privateKeyFromPem(pem);
}
