import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Attribute names in a parsed element carry this prefix. */
export const XML_ATTR = '@_';

/**
 * The platform's reading of an uploaded XML document (a bill of quantities, a priced bill): attributes
 * kept as strings, entities decoded, declarations and processing instructions dropped, namespace
 * prefixes removed. `isArray(name)` names the elements that are always lists.
 */
export function safeXmlParser(isArray: (elementName: string) => boolean): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: XML_ATTR,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
    // Numeric character references (&#x4E00;) are decoded with the HTML entities.
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    removeNSPrefix: true,
    isArray: (name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute && isArray(name),
  });
}

/**
 * Why the text is not XML the platform reads, or null: a DOCTYPE is refused (no document we take needs
 * entities, and refusing them rules out entity expansion), then well-formedness with line and column.
 */
export function xmlProblem(text: string): { kind: 'doctype' } | { kind: 'malformed'; line: number; column: number; message: string } | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { kind: 'doctype' };
  const valid = XMLValidator.validate(text);
  return valid === true ? null : { kind: 'malformed', line: valid.err.line, column: valid.err.col, message: valid.err.msg };
}

/** The name of the document's root element (the first that is not a declaration or text). */
export function xmlRootName(doc: Record<string, unknown>): string | undefined {
  return Object.keys(doc).find((k) => !k.startsWith('?') && k !== '#text');
}
