// The committee's effective documents checked in the browser: intact bytes pass and are
// read; a changed manifest, a clarification that is not the one listed, or a method other than the
// evaluation's each fail their own check.
import type { EvaluationDocumentsView } from '@bidhall/contracts';
import { canonicalJson, sm3, toBase64, toHex } from '@bidhall/crypto';
import { describe, expect, it } from 'vitest';
import { readEffectiveDocuments } from './effectiveDocuments.ts';

const documentId = '0b6c3a8e-2f4d-4c1a-9e7b-5d2f8a1c3e40';
const sectionId = '7d1e9f20-3a4b-4c5d-8e6f-a0b1c2d3e4f5';
const hash = (b: Uint8Array) => toHex(sm3(b));
const method = {
  type: 'lowestEvaluatedPrice',
  qualification: [],
  compliance: [{ number: '2.1', title: '投标函签字盖章', requirement: '有法定代表人签字并加盖单位章' }],
  adjustments: [],
  candidates: 3,
};
const clarification = {
  format: 'bidhall.clarification/1',
  clarificationId: '11111111-2222-4333-8444-555555555555',
  documentId,
  number: 1,
  label: '第1次澄清',
  kind: 'clarification',
  title: '关于工期的澄清',
  bodyHtml: '<p>工期以日历天计。</p>',
  issuedAt: '2026-10-01T02:00:00.000Z',
};

function view(
  change: (parts: {
    manifest: Record<string, unknown>;
    clarification: Record<string, unknown>;
    evaluationMethod: object;
  }) => void = () => {},
): EvaluationDocumentsView {
  const c = { ...clarification };
  const cBytes = canonicalJson(c);
  const manifest: Record<string, unknown> = {
    format: 'bidhall.tenderDocument/1',
    documentId,
    kind: 'tender',
    version: 2,
    section: {
      id: sectionId,
      code: 'E1506020001001',
      name: '施工一标段',
      round: 1,
      projectName: '演示道路改造工程',
      approvalCode: 'X',
      regionCode: '150602',
    },
    tenderer: { entityId: documentId, name: '示范招标人' },
    chapters: [],
    method,
    attachments: [],
    packagedAt: '2026-09-30T02:00:00.000Z',
    clarifications: [{ number: 1, kind: 'clarification', title: c.title, contentSm3: hash(cBytes), issuedAt: c.issuedAt }],
  };
  const parts = { manifest, clarification: c, evaluationMethod: method as object };
  const mBytes = canonicalJson(manifest);
  const versionSm3 = hash(mBytes);
  const contentSm3 = hash(cBytes);
  change(parts);
  return {
    sectionId,
    sitting: 'bid',
    documentId,
    kind: 'tender',
    version: 2,
    versionSm3,
    manifestBase64: toBase64(canonicalJson(parts.manifest)),
    clarifications: [{ number: 1, contentSm3, contentBase64: toBase64(canonicalJson(parts.clarification)) }],
    evaluationMethodSm3: hash(canonicalJson(parts.evaluationMethod)),
    documentMethodSm3: hash(canonicalJson(method)),
  };
}

const statusOf = async (v: EvaluationDocumentsView) =>
  Object.fromEntries((await readEffectiveDocuments(v)).checks.map((c) => [c.id, c.status]));

describe('the committee’s effective documents, read in the browser', () => {
  it('intact documents pass every check and are read from the bytes', async () => {
    const read = await readEffectiveDocuments(view());
    expect(read.ok).toBe(true);
    expect(read.checks.map((c) => [c.id, c.status])).toEqual([
      ['documentVersionSm3', 'ok'],
      ['documentClarifications', 'ok'],
      ['documentMethod', 'ok'],
    ]);
    expect(read.manifest?.section.name).toBe('施工一标段');
    expect(read.clarifications.map((c) => [c.label, c.title])).toEqual([['第1次澄清', '关于工期的澄清']]);
  });

  it('a changed manifest, a changed clarification or another method each fail their own check', async () => {
    expect(await statusOf(view(({ manifest }) => void (manifest.packagedAt = '2026-09-30T03:00:00.000Z')))).toMatchObject({
      documentVersionSm3: 'failed',
    });
    expect(await statusOf(view(({ clarification: c }) => void (c.bodyHtml = '<p>工期以工作日计。</p>')))).toEqual({
      documentVersionSm3: 'ok',
      documentClarifications: 'failed',
      documentMethod: 'ok',
    });
    expect(await statusOf(view((p) => void (p.evaluationMethod = { ...method, candidates: 2 })))).toEqual({
      documentVersionSm3: 'ok',
      documentClarifications: 'ok',
      documentMethod: 'failed',
    });
  });

  it('before the evaluation opens the method is not compared', async () => {
    const v = { ...view(), evaluationMethodSm3: null };
    expect(await statusOf(v)).toMatchObject({ documentMethod: 'skipped' });
    expect((await readEffectiveDocuments(v)).ok).toBe(true);
  });
});
