/**
 * Binding a certificate to a registered market entity: the certificate's organisation (O),
 * or its CN when it has no O, must equal the entity's registered name after normalising the
 * differences that are not differences (full-width brackets and spaces, NFKC forms, surrounding
 * whitespace). An optional unified social credit code must appear in the subject too.
 */
import { CryptoError } from '../errors.ts';
import type { Certificate } from './certificate.ts';
import { nameValues } from './name.ts';

export function normaliseEntityName(name: string): string {
  return name
    .normalize('NFKC') // full-width （） and ＡＢＣ become ( ) and ABC
    .replace(/\s+/g, '')
    .toUpperCase();
}

export interface EntityIdentity {
  /** The registered name, e.g. 某某建设工程有限公司. */
  name: string;
  /** 统一社会信用代码, when the certificate is expected to carry it. */
  creditCode?: string;
}

export function certificateMatchesEntityName(cert: Certificate, entity: EntityIdentity): boolean {
  const orgs = nameValues(cert.subject, 'O');
  const candidates = orgs.length ? orgs : nameValues(cert.subject, 'CN');
  const want = normaliseEntityName(entity.name);
  if (!candidates.some((c) => normaliseEntityName(c) === want)) return false;
  if (entity.creditCode) {
    const code = entity.creditCode.trim().toUpperCase();
    return cert.subject.attributes.some((a) => a.value.toUpperCase().includes(code));
  }
  return true;
}

export function assertCertificateMatchesEntity(cert: Certificate, entity: EntityIdentity): void {
  if (!certificateMatchesEntityName(cert, entity)) {
    throw new CryptoError('CERT_NAME_MISMATCH', `certificate subject "${cert.subject.text}" does not match the registered entity "${entity.name}"`);
  }
}
