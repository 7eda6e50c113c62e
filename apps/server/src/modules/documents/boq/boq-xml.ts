import { DomainError } from '../../../platform/errors/domain-error.ts';
import { safeXmlParser, XML_ATTR, xmlProblem, xmlRootName } from '../../../platform/text/safe-xml.ts';

/**
 * The XML encoding of `bidhall-boq` (docs/boq-interface.md) read into the same object as the JSON one:
 * attributes become fields, the spec's child elements become lists, objects or text fields. Anything
 * else is carried over under its own name, so the schema names it as an unknown field at its path.
 */

interface ElementSpec {
  lists?: Record<string, [field: string, spec: ElementSpec]>;
  objects?: Record<string, [field: string, spec: ElementSpec]>;
  texts?: Record<string, string>;
}

const leaf: ElementSpec = {};
const item: ElementSpec = { texts: { Features: 'features', Remark: 'remark' } };
const withScope: ElementSpec = { texts: { Scope: 'scope', Remark: 'remark' } };
const remarkOnly: ElementSpec = { texts: { Remark: 'remark' } };

const unit: ElementSpec = {
  lists: {
    Division: ['divisions', { lists: { Item: ['items', item] } }],
    Fee: ['fees', leaf],
    Tax: ['taxes', leaf],
  },
  objects: {
    Measures: ['measures', { lists: { UnitPriceMeasure: ['unitPrice', item], LumpSumMeasure: ['lumpSum', remarkOnly] } }],
    Others: [
      'others',
      {
        lists: {
          ProvisionalSum: ['provisionalSums', remarkOnly],
          MaterialPrice: ['materialPrices', { texts: { Specification: 'specification', Remark: 'remark' } }],
          SpecialistWork: ['specialistWorks', withScope],
          Daywork: ['daywork', leaf],
          ServiceFee: ['serviceFees', withScope],
        },
      },
    ],
  },
};

const root: ElementSpec = { lists: { Unit: ['units', unit] }, objects: { Project: ['project', leaf] } };

export const XML_ROOT = 'BillOfQuantities';

const ATTR = XML_ATTR;

const parser = safeXmlParser(() => true);

type Node = string | Record<string, unknown>;

function textOf(node: Node): string {
  if (typeof node === 'string') return node;
  const t = node['#text'];
  return typeof t === 'string' ? t : '';
}

function mapElement(node: Node, spec: ElementSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof node === 'string') {
    if (node !== '') out['#text'] = node;
    return out;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith(ATTR)) {
      out[key.slice(ATTR.length)] = value;
      continue;
    }
    if (key === '#text') {
      out[key] = value;
      continue;
    }
    const children = (Array.isArray(value) ? value : [value]) as Node[];
    const asList = spec.lists?.[key];
    const asObject = spec.objects?.[key];
    const asText = spec.texts?.[key];
    if (asList) out[asList[0]] = children.map((c) => mapElement(c, asList[1]));
    else if (asObject) out[asObject[0]] = children.length === 1 ? mapElement(children[0]!, asObject[1]) : children.map((c) => mapElement(c, asObject[1]));
    else if (asText) out[asText] = children.length === 1 ? textOf(children[0]!) : children.map(textOf);
    else out[key] = children;
  }
  return out;
}

/**
 * Well-formed XML with the spec's root, as the spec's object. A DOCTYPE is refused: a bill needs no
 * entities, and refusing them rules out entity expansion attacks.
 */
export function readXml(text: string): Record<string, unknown> {
  const problem = xmlProblem(text);
  if (problem?.kind === 'doctype') throw new DomainError('BOQ_FORMAT_UNKNOWN', 'the XML has a DOCTYPE; the bill of quantities spec allows none');
  if (problem) {
    const { message, line, column } = problem;
    throw new DomainError('BOQ_FORMAT_UNKNOWN', `not well-formed XML at line ${line}, column ${column}: ${message}`, { line, column });
  }
  const doc = parser.parse(text) as Record<string, unknown>;
  const rootName = xmlRootName(doc);
  const rootNodes = rootName ? (doc[rootName] as Node[]) : [];
  if (rootName !== XML_ROOT || rootNodes.length !== 1) {
    throw new DomainError('BOQ_FORMAT_UNKNOWN', `the XML root is <${rootName ?? ''}>; a bill of quantities is <${XML_ROOT} format="bidhall-boq" version="1">`, { root: rootName ?? null });
  }
  const mapped = mapElement(rootNodes[0]!, root);
  if (typeof mapped.version === 'string' && /^\d{1,6}$/.test(mapped.version)) mapped.version = Number(mapped.version);
  return mapped;
}
