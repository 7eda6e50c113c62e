import { createDemoCa, encodePem, issueEntityCertificate, toBase64, type DemoCa } from '@bidhall/crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { assertMatchesEntity, readCertificate } from './certificate-check.ts';
import { displayName } from './certificate-reminder.jobs.ts';

const now = new Date('2026-03-02T02:00:00Z');
const validity = { notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 86_400_000) };
const CODE = '91150602MA0N00022Y';
const OTHER_CODE = '91150627MA0N00033A';
let ca: DemoCa;

beforeAll(async () => {
  ca = await createDemoCa({ id: 't', organisation: '单元测试认证中心（虚构）', alg: 'sm2', withIntermediate: true, now });
});

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
  return null;
};

describe('certificate checks', () => {
  it('[A-12] reads PEM with its chain or base64 DER; anything else is CERTIFICATE_MALFORMED', async () => {
    const { cert } = await issueEntityCertificate(ca, { entityName: '示范公司', ...validity });
    const bundle = encodePem('CERTIFICATE', cert.der) + encodePem('CERTIFICATE', ca.issuing.der);
    expect(readCertificate(bundle).intermediates).toHaveLength(1);
    expect(readCertificate(toBase64(cert.der)).leaf.fingerprint).toBe(cert.fingerprint);
    expect(refusal(() => readCertificate('%%%% not base64 %%%%'))).toBe('CERTIFICATE_MALFORMED');
    expect(refusal(() => readCertificate(toBase64(cert.der.subarray(1))))).toBe('CERTIFICATE_MALFORMED');
    expect(refusal(() => readCertificate('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'))).toBe(
      'CERTIFICATE_MALFORMED',
    );
  });

  it("[A-12] the subject must name the registered entity, and a credit code in it must be the entity's", async () => {
    const entity = { name: '鄂尔多斯市示范（集团）有限公司', creditCode: CODE };
    const plain = await issueEntityCertificate(ca, { entityName: '鄂尔多斯市示范(集团)有限公司', ...validity });
    const withCode = await issueEntityCertificate(ca, { entityName: entity.name, creditCode: CODE, ...validity });
    const otherCode = await issueEntityCertificate(ca, { entityName: entity.name, creditCode: OTHER_CODE, ...validity });
    const otherName = await issueEntityCertificate(ca, { entityName: '鄂尔多斯市另一家有限公司', creditCode: CODE, ...validity });
    expect(refusal(() => assertMatchesEntity(plain.cert, entity))).toBeNull();
    expect(refusal(() => assertMatchesEntity(withCode.cert, entity))).toBeNull();
    expect(refusal(() => assertMatchesEntity(otherCode.cert, entity))).toBe('CERTIFICATE_NAME_MISMATCH');
    expect(refusal(() => assertMatchesEntity(otherName.cert, entity))).toBe('CERTIFICATE_NAME_MISMATCH');
  });

  it('[A-13] reminders name the certificate and its CA by CN, else O', () => {
    expect(displayName('C=CN, O=华夏演示, CN=华夏演示 Issuing CA')).toBe('华夏演示 Issuing CA');
    expect(displayName('C=CN, O=Example, Inc.')).toBe('Example, Inc.');
    expect(displayName('示范数字认证中心 (demo)')).toBe('示范数字认证中心 (demo)');
  });
});
