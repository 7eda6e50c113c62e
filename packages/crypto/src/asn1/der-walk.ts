import { children, parseDer, type Tlv } from './der.ts';

/**
 * Checks that a whole value is strict DER down through every constructed element (the ASN.1
 * library we decode fields with accepts BER; we refuse BER before handing bytes to it).
 */
export function assertStrictDer(bytes: Uint8Array): Tlv {
  const root = parseDer(bytes);
  const walk = (tlv: Tlv, depth: number) => {
    if (depth > 64) throw new RangeError('nesting too deep');
    if ((tlv.tag & 0x20) !== 0) for (const c of children(tlv)) walk(c, depth + 1);
  };
  walk(root, 0);
  return root;
}
