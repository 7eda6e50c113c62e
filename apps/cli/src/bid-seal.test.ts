import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoPki,
  encodePem,
  fromUtf8,
  gmSuite,
  issueEntityCertificate,
  openShare,
  privateKeyToPem,
  readSealedHeader,
  unsealBidSummary,
  unsealStream,
  verifyManifest,
  type DemoCa,
  type SignedManifest,
} from '@bidhall/crypto';
import type { BidComposition } from './bid-compose.ts';
import { sealSection, type Bidder, type SealRecord } from './bid-seal.ts';
import { Workspace } from './bid-workspace.ts';
import { requirementsFixture, RESIDENT_IDS } from './test-support/bid-fixtures.ts';
import { runCli } from './test-support/run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'bidhall-seal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const ws = new Workspace(root);
const { req, custodianKeys } = requirementsFixture();
const bidderKey = gmSuite.generateKeyPair();
const bidder: Bidder = { key: bidderKey, certificateKey: bidderKey.publicKey, entityId: '0b8c4a52-6c1e-4b8e-9a55-2f0d1c3e4a10' };
const TECH = '# 技术文件\n\n施工组织设计：工期180日历天。\n';

const bid: BidComposition = {
  format: 'bidhall-bid/1',
  sections: [req.sectionId],
  bidSummary: { price: '1234567.89', durationDays: 180, quality: '合格' },
  projectManager: { name: '张三', residentId: RESIDENT_IDS[0]! },
  team: [{ name: '李四', residentId: RESIDENT_IDS[1]! }],
  bond: { form: 'deposit' },
  files: { commercial: ['commercial.pdf'], technical: ['tech.md'] },
};

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

const sealedPath = (p: SealRecord['parts'][number]) => join(root, 'sealed', req.sectionId, p.sealedFile);

describe("bid seal: signed and sealed on the bidder's machine (A-90, A-95)", () => {
  let record: SealRecord;
  let signed: SignedManifest;

  beforeAll(async () => {
    // A commercial part of several chunks: random bytes after a PDF header with its producer.
    const body = Buffer.concat([
      Buffer.from('%PDF-1.7\n<< /Producer (WPS Office) /Author (Zhang) >>\n'),
      Buffer.alloc(3 * 1024 * 1024 + 17, 7),
    ]);
    writeFileSync(join(root, 'commercial.pdf'), body);
    writeFileSync(join(root, 'tech.md'), TECH);
    const out = await sealSection(ws, bid, req, bidder);
    record = out.record;
    signed = out.signed;
  }, 60_000);

  it('[A-90] the manifest lists the bidSummary and every file with partKey and media type, the document version, the bond and the fingerprint, signed by the bidder', () => {
    const m = verifyManifest(signed, bidder.certificateKey);
    expect(m.sectionId).toBe(req.sectionId);
    expect(m.bidderId).toBe(bidder.entityId);
    expect(m.suite).toBe('gm');
    expect(m.document).toEqual({ id: req.document.id, version: 2, contentSm3: req.document.contentSm3 });
    expect(m.bond).toEqual({ form: 'deposit' });
    expect(m.preparation).toMatchObject({ tool: 'cli', deviceHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(m.preparation!.fileMetaHashes).toHaveLength(2); // the commercial PDF and the converted technical PDF
    expect(m.parts.map((p) => [p.name, p.role, p.partKey, p.mediaType])).toEqual([
      ['bidSummary', 'bidSummary', undefined, undefined],
      ['commercial/commercial.pdf', 'file', 'commercial', 'application/pdf'],
      ['technical/tech.pdf', 'file', 'technical', 'application/pdf'],
    ]);
    expect(JSON.parse(readFileSync(join(root, 'sealed', req.sectionId, 'manifest.json'), 'utf8'))).toEqual(signed);
    // Nothing in the sealed folder holds the plaintext or the resident ID numbers.
    for (const p of record.parts) expect(readFileSync(sealedPath(p)).includes(Buffer.from(RESIDENT_IDS[0]!))).toBe(false);
  });

  it("[A-95] round trip: every part opens with the bidder's key, and with 2 of the 3 custodians' shares; the bidSummary holds fen, team and bond", async () => {
    const [summaryPart, commercial] = record.parts;
    const s = await unsealBidSummary(readFileSync(sealedPath(summaryPart!)), { bidderKey });
    expect(s.summary).toEqual({
      format: 'bidhall-bid-summary/1',
      sectionId: req.sectionId,
      fields: { price: '123456789', durationDays: 180, quality: '合格' },
      projectManager: { name: '张三', residentId: RESIDENT_IDS[0] },
      team: [{ name: '李四', residentId: RESIDENT_IDS[1] }],
      bond: { form: 'deposit', reference: null },
    });
    const plain = await collect((await unsealStream(createReadStream(sealedPath(commercial!)), { bidderKey })).stream);
    expect(plain.equals(readFileSync(join(root, 'commercial.pdf')))).toBe(true);

    const { header } = await readSealedHeader(createReadStream(sealedPath(commercial!)));
    expect(header.custodians.threshold).toBe(2);
    expect(header.custodians.shares.map((x) => x.keyId)).toEqual(req.sealing.custodians.map((c) => c.keyId));
    const shares = [await openShare(header, custodianKeys[0]!), await openShare(header, custodianKeys[2]!)];
    const viaShares = await collect((await unsealStream(createReadStream(sealedPath(commercial!)), { shares })).stream);
    expect(viaShares.equals(plain)).toBe(true);
    await expect(unsealStream(createReadStream(sealedPath(commercial!)), { shares: shares.slice(0, 1) })).rejects.toMatchObject({
      code: 'INSUFFICIENT_SHARES',
    });
    const other = gmSuite.generateKeyPair();
    await expect(unsealStream(createReadStream(sealedPath(commercial!)), { bidderKey: other })).rejects.toMatchObject({
      code: 'DECRYPT_FAILED',
    });

    const tech = await unsealBidSummary(readFileSync(sealedPath(summaryPart!)), {
      shares: [
        await openShare((await readSealedHeader(createReadStream(sealedPath(summaryPart!)))).header, custodianKeys[1]!),
        await openShare((await readSealedHeader(createReadStream(sealedPath(summaryPart!)))).header, custodianKeys[2]!),
      ],
    });
    expect(tech.summary).toEqual(s.summary);
    const converted = await collect((await unsealStream(createReadStream(sealedPath(record.parts[2]!)), { bidderKey })).stream);
    expect(fromUtf8(converted.subarray(0, 5))).toBe('%PDF-');
  }, 60_000);

  it('[A-99] sealing again keeps unchanged files as sealed and seals changed ones and the bidSummary anew', async () => {
    writeFileSync(join(root, 'tech.md'), `${TECH}\n补充：安全措施。\n`);
    const again = await sealSection(ws, { ...bid, bidSummary: { ...bid.bidSummary, price: '1234000' } }, req, bidder);
    expect(again.reused).toBe(1);
    const ids = (r: SealRecord) => r.parts.map((p) => p.partId);
    expect(ids(again.record)[1]).toBe(ids(record)[1]);
    expect(ids(again.record)[0]).not.toBe(ids(record)[0]);
    expect(ids(again.record)[2]).not.toBe(ids(record)[2]);
  }, 60_000);

  it('refuses an incomplete bid, a custodian set that does not match its hash, and a foreign key', async () => {
    await expect(sealSection(ws, { ...bid, files: { commercial: [] } }, req, bidder)).rejects.toThrow(
      /not complete:[\s\S]*商务文件 \(commercial\) is required[\s\S]*技术文件/,
    );
    const tampered = structuredClone(req);
    tampered.sealing.custodians[1]!.publicKeyPem = tampered.sealing.custodians[0]!.publicKeyPem;
    await expect(sealSection(ws, bid, tampered, bidder)).rejects.toThrow(/custodian 2.*does not match its key id/);
    await expect(sealSection(ws, bid, req, { ...bidder, certificateKey: gmSuite.generateKeyPair().publicKey })).rejects.toThrow(
      /does not belong to the certificate/,
    );
  }, 60_000);
});

describe('`bidhall bid seal --sections a,b`: one sealed bid per section in one run (A-95)', () => {
  it('[A-95] seals two sections of a project in one invocation, each to its own custodians', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bidhall-seal-cli-'));
    try {
      const [ca] = (await createDemoPki(new Date())) as [DemoCa];
      const now = Date.now();
      const issued = await issueEntityCertificate(ca, {
        entityName: '杭州示例建设工程有限公司（虚构）',
        notBefore: new Date(now - 86_400_000),
        notAfter: new Date(now + 30 * 86_400_000),
      });
      writeFileSync(join(dir, 'cert.pem'), encodePem('CERTIFICATE', issued.cert.der));
      writeFileSync(join(dir, 'key.pem'), privateKeyToPem(issued.key));
      const a = requirementsFixture();
      const b = requirementsFixture();
      const w = new Workspace(dir);
      for (const r of [a.req, b.req]) await w.writeJson(`sections/${r.sectionId}/requirements.json`, r);
      writeFileSync(join(dir, 'commercial.pdf'), '%PDF-1.4\n');
      writeFileSync(join(dir, 'tech.txt'), '技术文件\n');
      await w.writeJson('bid.json', {
        ...bid,
        sections: [a.req.sectionId],
        files: { commercial: ['commercial.pdf'], technical: ['tech.txt'] },
      });
      const run = await runCli(
        dir,
        'bid',
        'seal',
        '--sections',
        `${a.req.sectionId},${b.req.sectionId}`,
        '--cert',
        'cert.pem',
        '--key',
        'key.pem',
        '--entity',
        bidder.entityId,
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/sealed section S-001: bidSummary \+ 2 file\(s\)[\s\S]*sealed section S-001/);
      for (const { req: r, custodianKeys: keys } of [a, b]) {
        const rec = JSON.parse(readFileSync(join(dir, 'sealed', r.sectionId, 'seal.json'), 'utf8')) as SealRecord;
        const { header } = await readSealedHeader(createReadStream(join(dir, 'sealed', r.sectionId, rec.parts[0]!.sealedFile)));
        await expect(openShare(header, keys[0]!)).resolves.toMatchObject({ index: 1 });
        const m = JSON.parse(readFileSync(join(dir, 'sealed', r.sectionId, 'manifest.json'), 'utf8')) as SignedManifest;
        expect(m.manifest.sectionId).toBe(r.sectionId);
        expect(verifyManifest(m, issued.cert.publicKey!).sectionId).toBe(r.sectionId);
      }
      const bad = await runCli(dir, 'bid', 'seal', '--sections', 'nope');
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/nope is not a section id/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
