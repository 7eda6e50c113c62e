import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoPki, encodePem, issueDemoCrl, issueEntityCertificate, privateKeyToPem, type DemoCa } from '@bidhall/crypto';
import { type CliRun, runCli } from './test-support/run-cli.ts';

const HAS_OPENSSL = spawnSync('openssl', ['version'], { encoding: 'utf8' }).stdout?.startsWith('OpenSSL 3') ?? false;
if (!HAS_OPENSSL) console.warn('OpenSSL 3 CLI not found: the OpenSSL round trips through the bidhall CLI are skipped');

const dir = mkdtempSync(join(tmpdir(), 'bidhall-cli-'));
const p = (name: string) => join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));


const bidhall = (...args: string[]) => runCli(dir, ...args);

function openssl(...args: string[]): CliRun {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const DISTID = 'distid:1234567812345678';

describe.skipIf(!HAS_OPENSSL)('bidhall crypto ↔ OpenSSL 3', () => {
  beforeAll(() => writeFileSync(p('msg.txt'), '投标函 — bid letter\n'));

  it('[F-08] keygen writes a PKCS#8 key OpenSSL reads; `crypto sign` makes the signature `openssl pkeyutl -verify` accepts', async () => {
    const gen = await bidhall('crypto', 'keygen', '--alg', 'sm2', '--out', 'k.pem', '--pub-out', 'pub.pem');
    expect(gen.status).toBe(0);
    expect(openssl('pkey', '-in', 'k.pem', '-pubout').stdout).toBe(readFileSync(p('pub.pem'), 'utf8'));
    expect((await bidhall('crypto', 'sign', '--key', 'k.pem', '--in', 'msg.txt', '--out', 'msg.sig')).status).toBe(0);
    const v = openssl('pkeyutl', '-verify', '-rawin', '-digest', 'sm3', '-pubin', '-inkey', 'pub.pem', '-pkeyopt', DISTID, '-sigfile', 'msg.sig', '-in', 'msg.txt');
    expect(v.stdout).toContain('Signature Verified Successfully');
  }, 30_000);

  it('[F-08] `crypto verify` accepts an OpenSSL signature (exit 0), refuses a wrong one (1) and unusable input (2)', async () => {
    openssl('genpkey', '-algorithm', 'SM2', '-out', 'ok.pem');
    openssl('pkey', '-in', 'ok.pem', '-pubout', '-out', 'opub.pem');
    openssl('req', '-x509', '-new', '-key', 'ok.pem', '-sm3', '-sigopt', DISTID, '-subj', '/CN=signer', '-days', '5', '-out', 'ocert.pem');
    openssl('pkeyutl', '-sign', '-rawin', '-digest', 'sm3', '-inkey', 'ok.pem', '-pkeyopt', DISTID, '-in', 'msg.txt', '-out', 'o.sig');
    writeFileSync(p('other.txt'), 'something else');
    writeFileSync(p('junk.sig'), 'not a signature');
    const [byKey, byCert, wrong, junk, missing] = await Promise.all([
      bidhall('crypto', 'verify', '--pub', 'opub.pem', '--in', 'msg.txt', '--sig', 'o.sig'),
      bidhall('crypto', 'verify', '--pub', 'ocert.pem', '--in', 'msg.txt', '--sig', 'o.sig'),
      bidhall('crypto', 'verify', '--pub', 'opub.pem', '--in', 'other.txt', '--sig', 'o.sig'),
      bidhall('crypto', 'verify', '--pub', 'opub.pem', '--in', 'msg.txt', '--sig', 'junk.sig'),
      bidhall('crypto', 'verify', '--pub', 'nope.pem', '--in', 'msg.txt', '--sig', 'o.sig'),
    ]);
    expect(byKey.status).toBe(0);
    expect(byKey.stdout).toMatch(/^valid:/);
    expect(byCert.status).toBe(0);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toMatch(/^invalid:/);
    expect(junk.status).toBe(2);
    expect(junk.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.status).toBe(2);
  }, 30_000);
});

describe('bidhall cert check', () => {
  let cas: DemoCa[];
  beforeAll(async () => {
    const now = new Date();
    cas = await createDemoPki(now);
    const [gmA, gmB, intl] = cas as [DemoCa, DemoCa, DemoCa];
    const validity = { notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 30 * 86_400_000) };
    const a = await issueEntityCertificate(gmA, { entityName: '杭州示例建设工程有限公司（虚构）', ...validity });
    const b = await issueEntityCertificate(gmB, { entityName: '宁波演示路桥集团有限公司（虚构）', ...validity });
    const c = await issueEntityCertificate(intl, { entityName: 'Example Engineering Ltd (fictional)', ...validity });
    writeFileSync(p('a.pem'), encodePem('CERTIFICATE', a.cert.der));
    writeFileSync(p('b.pem'), encodePem('CERTIFICATE', b.cert.der));
    writeFileSync(p('c.pem'), encodePem('CERTIFICATE', c.cert.der));
    writeFileSync(p('a.key'), privateKeyToPem(a.key));
    // The CA folder: gm-a (root + intermediate) and gm-b only, as separate files; intl is not recognised.
    mkdirSync(p('cas'));
    writeFileSync(p('cas/gm-a-root.pem'), encodePem('CERTIFICATE', gmA.root.der));
    writeFileSync(p('cas/gm-a-issuing.crt'), gmA.issuing.der);
    writeFileSync(p('cas/gm-b.pem'), encodePem('CERTIFICATE', gmB.root.der));
    const crl = await issueDemoCrl(gmB, [{ cert: b.cert, at: new Date(now.getTime() - 60_000), reason: 'keyCompromise' }], new Date(now.getTime() - 60_000), new Date(now.getTime() + 86_400_000));
    writeFileSync(p('gm-b.crl'), encodePem('X509 CRL', crl.der));
    writeFileSync(p('garbage.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
  });

  it('[F-04] [F-05] [F-09] exit 0 for certificates of several recognised CAs; 1 with the reason when untrusted, revoked or expired; 2 for unusable input', async () => {
    const far = new Date(Date.UTC(2099, 0, 1)).toISOString();
    const [okA, okB, untrusted, revoked, expired, garbage, noDir, wrongPurpose] = await Promise.all([
      bidhall('cert', 'check', '--ca-dir', 'cas', 'a.pem'),
      bidhall('cert', 'check', '--ca-dir', 'cas', 'b.pem'),
      bidhall('cert', 'check', '--ca-dir', 'cas', 'c.pem'),
      bidhall('cert', 'check', '--ca-dir', 'cas', '--crl', 'gm-b.crl', 'b.pem'),
      bidhall('cert', 'check', '--ca-dir', 'cas', '--at', far, 'a.pem'),
      bidhall('cert', 'check', '--ca-dir', 'cas', 'garbage.pem'),
      bidhall('cert', 'check', '--ca-dir', 'no-such-dir', 'a.pem'),
      bidhall('cert', 'check', '--ca-dir', 'cas', '--purpose', 'encrypt', 'a.pem'),
    ]);
    expect(okA.status, okA.stderr).toBe(0);
    expect(okA.stdout).toContain('杭州示例建设工程有限公司（虚构）');
    expect(okB.status).toBe(0);
    expect(untrusted.status).toBe(1);
    expect(untrusted.stderr).toContain('CERT_UNTRUSTED');
    expect(revoked.status).toBe(1);
    expect(revoked.stderr).toContain('CERT_REVOKED');
    expect(expired.status).toBe(1);
    expect(expired.stderr).toContain('CERT_EXPIRED');
    expect(garbage.status).toBe(2);
    expect(noDir.status).toBe(2);
    expect(wrongPurpose.status).toBe(1);
    expect(wrongPurpose.stderr).toContain('CERT_KEY_USAGE');
  }, 60_000);
});

describe('bidhall crypto seal / unseal / open-share', () => {
  it('[A-90] [A-96] [B-016] seals a file for a bidder and 2-of-3 custodians; each can open it; tampering and k-1 shares are refused', async () => {
    const keys = await Promise.all(['bidder', 'c1', 'c2', 'c3'].map((n) => bidhall('crypto', 'keygen', '--out', `${n}.key`, '--pub-out', `${n}.pub`)));
    expect(keys.map((k) => k.status)).toEqual([0, 0, 0, 0]);
    const data = Buffer.alloc(300_000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 13) & 0xff;
    writeFileSync(p('bid.pdf'), data);
    const seal = await bidhall('crypto', 'seal', '--in', 'bid.pdf', '--out', 'bid.sealed', '--to', 'bidder.pub', '--custodian', 'c1.pub', '--custodian', 'c2.pub', '--custodian', 'c3.pub', '--threshold', '2', '--chunk-size', '65536');
    expect(seal.status, seal.stderr).toBe(0);
    const entry = JSON.parse(seal.stdout) as { size: number; ciphertextSize: number };
    expect(entry.size).toBe(300_000);

    const [byBidder, s1, s3, outsider] = await Promise.all([
      bidhall('crypto', 'unseal', '--in', 'bid.sealed', '--out', 'bid.out', '--key', 'bidder.key'),
      bidhall('crypto', 'open-share', '--in', 'bid.sealed', '--key', 'c1.key', '--out', 's1.json'),
      bidhall('crypto', 'open-share', '--in', 'bid.sealed', '--key', 'c3.key', '--out', 's3.json'),
      bidhall('crypto', 'unseal', '--in', 'bid.sealed', '--out', 'x.out', '--key', 'c2.key'),
    ]);
    expect(byBidder.status, byBidder.stderr).toBe(0);
    expect(readFileSync(p('bid.out'))).toEqual(data);
    expect(s1.status).toBe(0);
    expect(s3.status).toBe(0);
    expect(outsider.status).toBe(1);

    const sealed = readFileSync(p('bid.sealed'));
    sealed[200_000]! ^= 1;
    writeFileSync(p('bad.sealed'), sealed);
    const [byShares, oneShare, tampered, wrongCustodian] = await Promise.all([
      bidhall('crypto', 'unseal', '--in', 'bid.sealed', '--out', 'bid2.out', '--share', 's3.json', '--share', 's1.json'),
      bidhall('crypto', 'unseal', '--in', 'bid.sealed', '--out', 'bid3.out', '--share', 's1.json'),
      bidhall('crypto', 'unseal', '--in', 'bad.sealed', '--out', 'bad.out', '--key', 'bidder.key'),
      bidhall('crypto', 'open-share', '--in', 'bid.sealed', '--key', 'bidder.key'),
    ]);
    expect(byShares.status, byShares.stderr).toBe(0);
    expect(readFileSync(p('bid2.out'))).toEqual(data);
    expect(oneShare.status).toBe(1);
    expect(oneShare.stderr).toContain('INSUFFICIENT_SHARES');
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toContain('ENVELOPE_TAMPERED');
    expect(() => readFileSync(p('bad.out'))).toThrow();
    expect(wrongCustodian.status).toBe(1);
    expect(wrongCustodian.stderr).toContain('WRONG_CUSTODIAN');
  }, 180_000);
});
