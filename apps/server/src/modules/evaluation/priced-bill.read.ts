import { PRICED_BOQ_FORMAT, type PricedBoq, pricedBoq } from '@bidhall/contracts';
import { safeXmlParser, XML_ATTR, xmlProblem, xmlRootName } from '../../platform/text/safe-xml.ts';

/**
 * A bid's priced bill (`bidhall-priced-boq` v1, docs/boq-interface.md) read from its decrypted bytes,
 * JSON or XML, into the spec's object. Nothing here throws: a bill that cannot be read is a finding the
 * committee sees (with the reason), not an error of the comparison.
 */
export type PricedBillRead = { ok: true; bill: PricedBoq } | { ok: false; detail: string };

const XML_ROOT = 'PricedBillOfQuantities';
const ATTR = XML_ATTR;
const parser = safeXmlParser((name) => name === 'Item');

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
  const problem = xmlProblem(text);
  if (problem?.kind === 'doctype') return { ok: false, detail: 'the XML has a DOCTYPE; the priced bill spec allows none' };
  if (problem) return { ok: false, detail: `not well-formed XML at line ${problem.line}, column ${problem.column}: ${problem.message}` };
  const doc = parser.parse(text) as Record<string, unknown>;
  const rootName = xmlRootName(doc);
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
