/** Distinguished names: decoded with @peculiar/asn1-x509, compared on their exact DER bytes. */
import { AsnConvert } from '@peculiar/asn1-schema';
import { Name as AsnName } from '@peculiar/asn1-x509';
import { guard } from '../errors.ts';
import { equalBytes, toArrayBuffer } from '../util/bytes.ts';

export interface NameAttribute {
  /** OID, e.g. 2.5.4.3 */
  type: string;
  /** Short name where known (CN, O, OU, C …), else the OID. */
  short: string;
  value: string;
}

export interface DistinguishedName {
  der: Uint8Array;
  attributes: NameAttribute[];
  /** RFC 4514-like text, most significant RDN first as OpenSSL prints it: "C=CN, O=…, CN=…". */
  text: string;
}

const SHORT: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

export function decodeName(der: Uint8Array): DistinguishedName {
  const asn = guard('MALFORMED_DER', 'distinguished name cannot be decoded', () => AsnConvert.parse(toArrayBuffer(der), AsnName));
  const attributes: NameAttribute[] = [];
  for (const rdn of asn) {
    for (const atv of rdn) {
      attributes.push({ type: atv.type, short: SHORT[atv.type] ?? atv.type, value: atv.value.toString() });
    }
  }
  return { der, attributes, text: attributes.map((a) => `${a.short}=${a.value}`).join(', ') };
}

export function sameName(a: DistinguishedName, b: DistinguishedName): boolean {
  return equalBytes(a.der, b.der);
}

/** All values of one attribute (e.g. 'O' or 'CN'), in order. */
export function nameValues(name: DistinguishedName, short: string): string[] {
  return name.attributes.filter((a) => a.short === short).map((a) => a.value);
}
