import { BOQ_FORMAT, BOQ_MAX_BYTES, BOQ_VERSION, boqImport, type BoqBill, type BoqIssue } from '@bidhall/contracts';
import { canonicalJson, sm3, toHex } from '@bidhall/crypto';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { assertText } from '../../../platform/http/input-guard.ts';
import { normaliseBill } from './boq-normalise.ts';
import { ruleIssues, schemaIssues } from './boq-rules.ts';
import { readXml } from './boq-xml.ts';

export type BoqEncoding = 'json' | 'xml';

export interface ParsedBill {
  encoding: BoqEncoding;
  bill: BoqBill;
  /** The canonical JSON (RFC 8785) of the normalised bill, and its SM3. */
  canonical: Uint8Array;
  billSm3: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The declared encoding of an XML file (GB18030/GBK from older costing tools), else UTF-8. */
function xmlCharset(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  return /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
}

function decode(bytes: Uint8Array, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new DomainError('BOQ_FORMAT_UNKNOWN', `the XML declares encoding ${charset}, which is not supported; use UTF-8 or GB18030`, { encoding: charset });
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new DomainError('BOQ_FORMAT_UNKNOWN', `the bytes are not valid ${charset}`, { encoding: charset });
  }
}

/** JSON or XML by the first character (the Content-Type of an upload is often generic), as the spec's object. */
export function readEncoded(bytes: Uint8Array): { encoding: BoqEncoding; raw: unknown } {
  if (bytes.length > BOQ_MAX_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `a bill of quantities may have at most ${BOQ_MAX_BYTES} bytes`, { maxBytes: BOQ_MAX_BYTES });
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[start]!)) start++;
  const body = bytes.subarray(start);
  if (body[0] === 0x7b) {
    const text = decode(body, 'utf-8');
    try {
      return { encoding: 'json', raw: JSON.parse(text) as unknown };
    } catch (err) {
      throw new DomainError('BOQ_FORMAT_UNKNOWN', `not valid JSON: ${(err as Error).message}`);
    }
  }
  if (body[0] === 0x3c) {
    try {
      return { encoding: 'xml', raw: readXml(decode(body, xmlCharset(body))) };
    } catch (err) {
      if (err instanceof DomainError) throw err;
      // The parser's own limits (e.g. nesting) on hostile input: still not a bill.
      throw new DomainError('BOQ_FORMAT_UNKNOWN', `the XML cannot be read: ${(err as Error).message}`);
    }
  }
  throw new DomainError('BOQ_FORMAT_UNKNOWN', `neither JSON nor XML: a bill of quantities is ${BOQ_FORMAT} version ${BOQ_VERSION} (docs/boq-interface.md)`);
}

/**
 * Reads, checks and normalises a bill. BOQ_FORMAT_UNKNOWN when it is not a `bidhall-boq`
 * version 1 file at all; BOQ_INVALID with every problem and its path otherwise.
 */
export function parseBill(bytes: Uint8Array): ParsedBill {
  const { encoding, raw } = readEncoded(bytes);
  // A JSON escape can carry NUL or a lone surrogate that no UTF-8 check of the bytes sees.
  assertText(raw);
  if (!isRecord(raw) || raw.format !== BOQ_FORMAT || raw.version !== BOQ_VERSION) {
    const format = isRecord(raw) ? raw.format : undefined;
    const version = isRecord(raw) ? raw.version : undefined;
    throw new DomainError('BOQ_FORMAT_UNKNOWN', `not a ${BOQ_FORMAT} version ${BOQ_VERSION} bill (format ${JSON.stringify(format) ?? 'missing'}, version ${JSON.stringify(version) ?? 'missing'})`, {
      format: typeof format === 'string' ? format : null,
      version: typeof version === 'number' || typeof version === 'string' ? version : null,
    });
  }
  const parsed = boqImport.safeParse(raw);
  const issues: BoqIssue[] = [...(parsed.success ? [] : schemaIssues(parsed.error.issues)), ...ruleIssues(raw)];
  if (!parsed.success || issues.length) {
    const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new DomainError('BOQ_INVALID', `the bill of quantities has ${issues.length} problem(s): ${shown}${issues.length > 5 ? '; …' : ''}`, {
      // A hostile file could carry millions of problems; the first thousand are enough to fix it.
      issues: issues.slice(0, 1000),
      total: issues.length,
    });
  }
  const bill = normaliseBill(parsed.data);
  const canonical = canonicalJson(bill);
  return { encoding, bill, canonical, billSm3: toHex(sm3(canonical)) };
}
