/**
 * The preparation fingerprint the bid tool puts in the signed manifest, for collusion screening
 * later (bids prepared on one machine, files made by one author): hashes only. The identifiers
 * themselves — host name, MAC addresses, machine id, the files' author and producer — never leave
 * this machine and are not written anywhere.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { hostname, networkInterfaces } from 'node:os';
import { canonicalJson, sm3, toHex } from '@bidhall/crypto';
import type { PreparationFingerprint } from '@bidhall/crypto';

export const BID_TOOL_VERSION = '0.1.0';

export interface DeviceIdentifiers {
  hostName: string;
  macs: string[];
  machineId: string | null;
}

async function readable(path: string): Promise<string | null> {
  try {
    return (await readFile(path, 'utf8')).trim() || null;
  } catch {
    return null;
  }
}

/** What identifies this machine (read here, hashed below, never stored). */
export async function deviceIdentifiers(): Promise<DeviceIdentifiers> {
  const macs = new Set<string>();
  for (const list of Object.values(networkInterfaces())) {
    for (const i of list ?? []) if (!i.internal && i.mac && i.mac !== '00:00:00:00:00:00') macs.add(i.mac.toLowerCase());
  }
  const machineId = (await readable('/etc/machine-id')) ?? (await readable('/var/lib/dbus/machine-id'));
  return { hostName: hostname(), macs: [...macs].sort(), machineId };
}

/** Hex SM3 of the canonical JSON of the identifiers. */
export function deviceHashOf(ids: DeviceIdentifiers): string {
  return toHex(sm3(canonicalJson({ hostName: ids.hostName, macs: ids.macs, machineId: ids.machineId })));
}

const META_KEYS = ['Author', 'Creator', 'Producer'] as const;
type PdfMeta = Partial<Record<(typeof META_KEYS)[number], string>>;

/** A PDF string: UTF-16BE with a BOM, else PDFDocEncoding read as Latin-1. */
function decodePdfString(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return bytes.toString('latin1');
}

function literalString(text: string, start: number): Buffer | null {
  // text[start] === '('; balanced parentheses, backslash escapes (PDF 32000 7.3.4.2).
  const out: number[] = [];
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const n = text[++i] ?? '';
      const map: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (n in map) out.push(map[n]!);
      else if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(text[i + 1] ?? '')) oct += text[++i];
        out.push(parseInt(oct, 8) & 0xff);
      } else if (n === '\r' || n === '\n') {
        if (n === '\r' && text[i + 1] === '\n') i++;
      } else out.push(n.charCodeAt(0) & 0xff);
      continue;
    }
    if (c === '(') {
      if (depth++ === 0) continue;
    } else if (c === ')') {
      if (--depth === 0) return Buffer.from(out);
    }
    out.push(c.charCodeAt(0) & 0xff);
  }
  return null;
}

/** Author/Creator/Producer from a PDF's (uncompressed) document information dictionary. */
export function pdfMetadata(pdf: Buffer): PdfMeta {
  const text = pdf.toString('latin1');
  const meta: PdfMeta = {};
  /** The string at `at` (a literal or hex string), or an indirect reference "N G R" to an object holding one. */
  const stringAt = (at: number, depth = 0): string | undefined => {
    const rest = text.slice(at, at + 40);
    const ref = /^\s*(\d+)\s+(\d+)\s+R/.exec(rest);
    if (ref && depth === 0) {
      const obj = new RegExp(`(?:^|[\\r\\n\\s])${ref[1]}\\s+${ref[2]}\\s+obj\\s*`, 'g');
      let o: RegExpExecArray | null;
      let found: string | undefined;
      while ((o = obj.exec(text))) found = stringAt(o.index + o[0].length, 1) ?? found;
      return found;
    }
    const s = /^\s*([(<])/.exec(rest);
    if (!s) return undefined;
    const open = at + s[0].length - 1;
    if (s[1] === '(') {
      const raw = literalString(text, open);
      return raw ? decodePdfString(raw) : undefined;
    }
    const end = text.indexOf('>', open);
    const hex = text.slice(open + 1, end).replace(/\s+/g, '');
    return end > 0 && /^[0-9a-fA-F]*$/.test(hex)
      ? decodePdfString(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'))
      : undefined;
  };
  for (const key of META_KEYS) {
    const re = new RegExp(`/${key}(?![A-Za-z])`, 'g');
    let m: RegExpExecArray | null;
    let value: string | undefined;
    while ((m = re.exec(text))) value = stringAt(m.index + m[0].length) ?? value;
    if (value !== undefined) meta[key] = value; // the last one wins: an incremental update rewrites the dictionary
  }
  return meta;
}

const HEAD_TAIL = 2 << 20;

async function pdfBytes(path: string): Promise<Buffer> {
  const size = (await stat(path)).size;
  if (size <= 2 * HEAD_TAIL) return readFile(path);
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(HEAD_TAIL);
    const tail = Buffer.alloc(HEAD_TAIL);
    await fh.read(head, 0, HEAD_TAIL, 0);
    await fh.read(tail, 0, HEAD_TAIL, size - HEAD_TAIL);
    return Buffer.concat([head, tail]);
  } finally {
    await fh.close();
  }
}

/** Hex SM3 of a PDF file's Author/Creator/Producer, or null when it is not a PDF or none is readable. */
export async function fileMetaHash(path: string): Promise<string | null> {
  if (!/\.pdf$/i.test(path)) return null;
  let bytes: Buffer;
  try {
    bytes = await pdfBytes(path);
  } catch {
    return null;
  }
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return null;
  const meta = pdfMetadata(bytes);
  if (Object.keys(meta).length === 0) return null;
  return toHex(sm3(canonicalJson(meta)));
}

export async function preparationFingerprint(files: string[]): Promise<PreparationFingerprint> {
  const hashes: string[] = [];
  for (const f of files) {
    const h = await fileMetaHash(f);
    if (h) hashes.push(h);
  }
  return {
    tool: 'cli',
    toolVersion: BID_TOOL_VERSION,
    deviceHash: deviceHashOf(await deviceIdentifiers()),
    fileMetaHashes: hashes.slice(0, 100),
  };
}
