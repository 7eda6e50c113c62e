import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson, sm3, toHex } from '@bidhall/crypto';
import { deviceHashOf, deviceIdentifiers, fileMetaHash, pdfMetadata, preparationFingerprint } from './bid-fingerprint.ts';

const dir = mkdtempSync(join(tmpdir(), 'bidhall-fp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A PDF's information dictionary as Word or WPS writes it (literal and UTF-16 hex strings). */
function pdfWith(info: string) {
  return Buffer.from(
    `%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n${info}\nendobj\ntrailer\n<< /Root 1 0 R /Info 2 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

describe('bid tool preparation fingerprint: hashes, never identifiers (issue 10 §1)', () => {
  it("[A-90] the fingerprint holds hashes of the device identifiers and of each PDF's author/creator/producer, never the values", async () => {
    const author = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('张三', 'utf16le').swap16()]).toString('hex');
    const pdf = join(dir, 'a.pdf');
    writeFileSync(pdf, pdfWith(`<< /Author <${author}> /Creator (Microsoft\\256 Word \\(2019\\)) /Producer (WPS) >>`));
    writeFileSync(join(dir, 'b.docx'), 'PK');
    const fp = await preparationFingerprint([pdf, join(dir, 'b.docx'), join(dir, 'missing.pdf')]);
    expect(fp.tool).toBe('cli');
    expect(fp.deviceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(fp.fileMetaHashes).toEqual([
      toHex(sm3(canonicalJson({ Author: '张三', Creator: 'Microsoft® Word (2019)', Producer: 'WPS' }))),
    ]);

    const ids = await deviceIdentifiers();
    expect(fp.deviceHash).toBe(deviceHashOf(ids));
    const text = JSON.stringify(fp);
    const raw = [
      hostname(),
      ...Object.values(networkInterfaces())
        .flatMap((l) => (l ?? []).map((i) => i.mac))
        .filter((m) => m !== '00:00:00:00:00:00'),
      ids.machineId,
      '张三',
      'WPS',
      'Word',
    ];
    for (const value of raw.filter((v): v is string => !!v)) expect(text).not.toContain(value);
  });

  it('the device hash changes with any identifier and not with their order', () => {
    const base = { hostName: 'pc-1', macs: ['aa:bb:cc:dd:ee:01'], machineId: 'x' };
    expect(deviceHashOf(base)).not.toBe(deviceHashOf({ ...base, hostName: 'pc-2' }));
    expect(deviceHashOf(base)).not.toBe(deviceHashOf({ ...base, machineId: null }));
  });

  it('a PDF without readable metadata, or not a PDF, gives no hash', async () => {
    writeFileSync(join(dir, 'plain.pdf'), pdfWith('<< >>'));
    writeFileSync(join(dir, 'fake.pdf'), 'not a pdf /Author (x)');
    expect(await fileMetaHash(join(dir, 'plain.pdf'))).toBeNull();
    expect(await fileMetaHash(join(dir, 'fake.pdf'))).toBeNull();
    expect(pdfMetadata(pdfWith('<< /Producer (a) >>\n<< /Producer (b) >>')).Producer).toBe('b');
    expect(pdfMetadata(pdfWith('<< /Author 7 0 R >>\nendobj\n7 0 obj\n(Li Si)'))).toEqual({ Author: 'Li Si' });
  });
});
