import { CryptoError } from '../errors.ts';
import { fromBase64, toBase64 } from './bytes.ts';

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

const PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

/** All PEM blocks in a text, in order (a chain file or a key file with several blocks). */
export function decodePemAll(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(PEM_RE)) {
    const body = m[2]!;
    // Encrypted PEM ("Proc-Type: 4,ENCRYPTED") carries headers; those keys are not supported.
    if (body.includes(':')) throw new CryptoError('UNSUPPORTED_ALGORITHM', `PEM block ${m[1]} has headers (encrypted PEM is not supported)`);
    try {
      blocks.push({ label: m[1]!, der: fromBase64(body) });
    } catch (err) {
      throw new CryptoError('MALFORMED_PEM', `PEM block ${m[1]} is not valid base64`, { cause: err });
    }
  }
  return blocks;
}

export function decodePem(text: string, ...labels: string[]): PemBlock {
  const blocks = decodePemAll(text).filter((b) => labels.length === 0 || labels.includes(b.label));
  const first = blocks[0];
  if (!first) throw new CryptoError('MALFORMED_PEM', `no PEM block ${labels.join(' or ') || ''} found`.replace(/  +/, ' '));
  return first;
}

export function encodePem(label: string, der: Uint8Array): string {
  const b64 = toBase64(der);
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function looksLikePem(data: Uint8Array | string): boolean {
  const text = typeof data === 'string' ? data : new TextDecoder().decode(data.subarray(0, 64));
  return text.includes('-----BEGIN ');
}
