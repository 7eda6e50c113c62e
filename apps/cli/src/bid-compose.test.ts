import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { templateFor, validateComposition, type BidComposition } from './bid-compose.ts';
import { requirementsFixture, RESIDENT_IDS } from './test-support/bid-fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'bidhall-compose-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(join(root, '商务.pdf'), '%PDF-1.7\n');
writeFileSync(join(root, 'tech.md'), '# 技术\n');
writeFileSync(join(root, 'big.pdf'), Buffer.alloc(6 * 1024 * 1024));
writeFileSync(join(root, 'photo.png'), 'png');

const { req } = requirementsFixture();
const opts = { root, convertedDir: join(root, 'converted') };

function good(): BidComposition {
  return {
    format: 'bidhall-bid/1',
    sections: [req.sectionId],
    bidSummary: { price: '1234567.89', durationDays: '180', quality: '合格' },
    projectManager: { name: '张三', residentId: RESIDENT_IDS[0]! },
    team: [{ name: '李四', residentId: RESIDENT_IDS[1]!, role: '技术负责人' }],
    bond: { form: 'guarantee', reference: 'EG-2026-0001' },
    files: { commercial: ['商务.pdf'], technical: ['tech.md'] },
  };
}

describe('bid compose: the composition checked against the document (A-88)', () => {
  it('[A-88] a complete composition gives the bidSummary in fen, the team, the bond and the files per part, text parts to become PDF', async () => {
    const r = await validateComposition(good(), req, opts);
    expect(r.problems).toEqual([]);
    expect(r.summary).toEqual({
      format: 'bidhall-bid-summary/1',
      sectionId: req.sectionId,
      fields: { price: '123456789', durationDays: 180, quality: '合格' },
      projectManager: { name: '张三', residentId: RESIDENT_IDS[0] },
      team: [{ name: '李四', residentId: RESIDENT_IDS[1], role: '技术负责人' }],
      bond: { form: 'guarantee', reference: 'EG-2026-0001' },
    });
    expect(r.files.map((f) => [f.name, f.convert, f.mediaType])).toEqual([
      ['commercial/商务.pdf', false, 'application/pdf'],
      ['technical/tech.pdf', true, 'application/pdf'],
    ]);
  });

  it('[A-88] reports every problem at once: fields, ID numbers, bond, missing and wrong files, sizes', async () => {
    const bid: BidComposition = {
      ...good(),
      bidSummary: { price: '12.345', durationDays: 'soon', quality: '很好', colour: 'red' },
      projectManager: { name: '张三', residentId: '110101199003077578' },
      team: [
        { name: '王五', residentId: '12345' },
        { name: '', residentId: RESIDENT_IDS[1]! },
        { name: '赵六', residentId: RESIDENT_IDS[1]! },
      ],
      bond: { form: 'guarantee' },
      files: { commercial: ['missing.pdf', 'big.pdf'], technical: ['photo.png'], extra: ['x.pdf'] },
    };
    const { problems } = await validateComposition(bid, req, opts);
    const expected = [
      /投标报价.*more than two decimals/,
      /工期.*not a whole number/,
      /质量标准.*choose one of 合格, 优良/,
      /colour is not a field/,
      /project manager 张三: 110101199003077578 has a wrong check character/,
      /team member 1 王五: 12345 is not an 18-character/,
      /team member 2: the name is missing/,
      /appears more than once/,
      /e-guarantee needs its reference/,
      /no part extra/,
      /missing.pdf does not exist/,
      /商务文件: 6.0 MiB is more than the 5 MiB/,
      /photo.png is not one of the accepted types \(pdf, docx\)/,
    ];
    for (const re of expected)
      expect(
        problems.some((p) => re.test(p)),
        `${re} in\n${problems.join('\n')}`,
      ).toBe(true);
    expect(problems).toHaveLength(expected.length);
  });

  it('[A-102] the bond the document asks for: required, in an accepted form', async () => {
    const noBond = { ...good() };
    delete noBond.bond;
    expect((await validateComposition(noBond, req, opts)).problems).toEqual([expect.stringMatching(/bid bond of 2000000 fen/)]);
    const { req: depositOnly } = requirementsFixture();
    depositOnly.bond.forms = ['deposit'];
    expect((await validateComposition(good(), depositOnly, opts)).problems).toEqual([
      expect.stringMatching(/accepts deposit, not guarantee/),
    ]);
    const { req: none } = requirementsFixture({ bondRequired: false });
    expect((await validateComposition(noBond, none, opts)).problems).toEqual([]);
  });

  it('required parts and fields, per-section values, and a closed section noted', async () => {
    const bid: BidComposition = { ...good(), bidSummary: {}, files: {} };
    const { problems } = await validateComposition(bid, req, opts);
    expect(problems.filter((p) => /is required/.test(p))).toHaveLength(5); // price, duration, quality, commercial, technical
    const per: BidComposition = { ...good(), perSection: { [req.sectionId]: { bidSummary: { price: '99.5' } } } };
    expect((await validateComposition(per, req, opts)).summary.fields.price).toBe('9950');
    const { req: closed } = requirementsFixture({ open: false });
    expect((await validateComposition(good(), closed, opts)).warnings[0]).toMatch(/does not accept bids now/);
  });

  it('a template lists the document fields and parts', () => {
    const t = templateFor([req]);
    expect(Object.keys(t.bidSummary!)).toEqual(['price', 'durationDays', 'quality', 'remark']);
    expect(Object.keys(t.files!)).toEqual(['commercial', 'technical', 'drawings']);
    expect(t.bond?.form).toBe('deposit');
  });
});
