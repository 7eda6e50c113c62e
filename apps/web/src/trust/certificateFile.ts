// Reading a certificate file the user picked, as the API takes it: PEM text as it is, DER bytes in
// base64. No crypto here, so the workspace can bind certificates without loading the crypto code.

/** Larger than any certificate with its chain; the API takes at most 24,000 characters. */
const MAX_FILE_BYTES = 64 * 1024;

export class CertificateFileError extends Error {
  constructor(readonly code: 'TOO_LARGE' | 'NOT_CERTIFICATE' | 'NOT_KEY') {
    super(code);
    this.name = 'CertificateFileError';
  }
}

export interface CertificateFile {
  name: string;
  /** PEM text (optionally with the chain after the certificate), or the DER in base64. */
  text: string;
  format: 'pem' | 'der';
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

async function readBytes(file: Blob): Promise<Uint8Array> {
  if (file.size > MAX_FILE_BYTES) throw new CertificateFileError('TOO_LARGE');
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * A .pem/.cer/.crt file: PEM text; binary DER (a SEQUENCE, 0x30) is sent in base64; a file of bare
 * base64 (how some CAs save ".cer") is sent as it is.
 */
export async function readCertificateFile(file: File): Promise<CertificateFile> {
  const bytes = await readBytes(file);
  const text = new TextDecoder().decode(bytes);
  if (text.includes('-----BEGIN CERTIFICATE-----')) return { name: file.name, text: text.trim(), format: 'pem' };
  if (bytes[0] === 0x30 && bytes.length > 64) return { name: file.name, text: bytesToBase64(bytes), format: 'der' };
  const bare = text.replace(/\s+/g, '');
  if (bare.length > 64 && /^[A-Za-z0-9+/]+={0,2}$/.test(bare) && bare.startsWith('MI')) {
    return { name: file.name, text: bare, format: 'der' };
  }
  throw new CertificateFileError('NOT_CERTIFICATE');
}

/** A PKCS#8 private key file (PEM). */
export async function readPrivateKeyFile(file: File): Promise<{ name: string; pem: string }> {
  const text = new TextDecoder().decode(await readBytes(file));
  if (!/-----BEGIN (ENCRYPTED |EC )?PRIVATE KEY-----/.test(text)) throw new CertificateFileError('NOT_KEY');
  return { name: file.name, pem: text };
}
