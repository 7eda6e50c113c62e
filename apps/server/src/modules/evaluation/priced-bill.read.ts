import { PRICED_BOQ_FORMAT, type PricedBoq, pricedBoq } from '@bidhall/contracts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * A bid's priced bill (`bidhall-priced-boq` v1, docs/boq-interface.md) read from its decrypted bytes,
 * JSON or XML, into the spec's object. Nothing here throws: a bill that cannot be read is a finding the
 * committee sees (with the reason), not an error of the comparison.
 */
export type PricedBillRead = { ok: true; bill: PricedBoq } | { ok: false; detail: string };

const XML_ROOT = 'PricedBillOfQuantities';
const ATTR = '@_';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: true,
  isArray: (name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute && name === 'Item',
});

export function readPricedBill(bytes: Uint8Array): PricedBillRead {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, detail: 'not UTF-8 text' };
  }
  const start = text.trimStart();
  let object: unknown;
  if (start.startsWith('{')) {
    try {
      object = JSON.parse(start);
    } catch (err) {
      return { ok: false, detail: `not well-formed JSON: ${(err as Error).message}` };
    }
  } else if (start.startsWith('<')) {
    const read = readXml(start);
    if (!read.ok) return read;
    object = read.object;
  } else {
    return { ok: false, detail: `neither JSON nor XML: a priced bill is ${PRICED_BOQ_FORMAT} version 1` };
  }
  const parsed = pricedBoq.safeParse(object);
  if (parsed.success) return { ok: true, bill: parsed.data };
  const first = parsed.error.issues[0]!;
  return { ok: false, detail: `${first.path.join('.') || '(root)'}: ${first.message}` };
}

function readXml(text: string): { ok: true; object: unknown } | { ok: false; detail: string } {
  // A bill needs no entities; refusing a DOCTYPE rules out entity expansion.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, detail: 'the XML has a DOCTYPE; the priced bill spec allows none' };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, detail: `not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` };
  const doc = parser.parse(text) as Record<string, unknown>;
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && k !== '#text');
  if (rootName !== XML_ROOT) return { ok: false, detail: `the XML root is <${rootName ?? ''}>; a priced bill is <${XML_ROOT}>` };
  const root = doc[rootName] as Record<string, unknown>;
  const attrs = (node: Record<string, unknown>) => Object.fromEntries(Object.entries(node).filter(([k]) => k.startsWith(ATTR)).map(([k, v]) => [k.slice(ATTR.length), v]));
  const object: Record<string, unknown> = attrs(root);
  if (typeof object.version === 'string' && /^\d{1,6}$/.test(object.version)) object.version = Number(object.version);
  const charges = root.Charges;
  if (typeof charges === 'object' && charges !== null) object.charges = attrs(charges as Record<string, unknown>);
  const items = root.Item;
  object.items = Array.isArray(items) ? items.map((i) => (typeof i === 'object' && i !== null ? attrs(i as Record<string, unknown>) : {})) : [];
  return { ok: true, object };
}
