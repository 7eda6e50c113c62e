import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  effectiveClarification,
  effectiveManifest,
  type DownloadView,
  type EvaluationDocumentsView,
  type EvaluationView,
} from '@bidhall/contracts';
import { canonicalJson, fromBase64, sm3, toHex } from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin } from '../support/demo-login.ts';
import { submittedDemoEvaluation, type DemoEvaluation } from '../support/demo-evaluation.ts';
import { createPlatformUser, login } from '../support/test-app.ts';

/**
 * The committee's effective documents and the forms made from the document's method,
 * on the demo's read-out section, whose tender document was clarified once before the bids came in.
 */
const dir = mkdtempSync(join(tmpdir(), 'bidhall-evaluation-documents-'));
let e: DemoEvaluation;
const url = () => `/api/v1/sections/${e.sectionId}/evaluation/documents`;
const read = async (cookie: string) => {
  const res = await e.call('GET', url(), cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as EvaluationDocumentsView;
};
const bytes = (b64: string) => fromBase64(b64);
const sm3Hex = (b: Uint8Array) => toHex(sm3(b));

beforeAll(async () => {
  e = await submittedDemoEvaluation(dir);
}, 300_000);
afterAll(async () => e?.t.close());

describe('the committee’s documents', () => {
  it('[A-136] members and officers read the tender document together with its clarification, as the bidders obtained them; others read nothing', async () => {
    const docs = await read(e.chair.cookie);
    // The manifest hashes to the version's SM3 and lists the clarification, which hashes to what is listed.
    expect(sm3Hex(bytes(docs.manifestBase64))).toBe(docs.versionSm3);
    const manifest = effectiveManifest.parse(JSON.parse(Buffer.from(bytes(docs.manifestBase64)).toString('utf8')));
    expect(docs.version).toBe(2);
    expect(manifest.version).toBe(2);
    expect(manifest.section.name).toContain('施工一标段');
    expect(manifest.clarifications).toEqual([
      expect.objectContaining({ number: 1, kind: 'clarification', title: '关于工期与质量标准的澄清' }),
    ]);
    expect(docs.clarifications.map((c) => c.number)).toEqual([1]);
    const clarification = docs.clarifications[0]!;
    expect(sm3Hex(bytes(clarification.contentBase64))).toBe(clarification.contentSm3);
    expect(manifest.clarifications![0]!.contentSm3).toBe(clarification.contentSm3);
    const content = effectiveClarification.parse(JSON.parse(Buffer.from(bytes(clarification.contentBase64)).toString('utf8')));
    expect(content).toMatchObject({ documentId: docs.documentId, label: '第1次澄清', title: '关于工期与质量标准的澄清' });
    expect(content.bodyHtml).toContain('CJJ 1');

    // It is the version the bidders obtained: bidder.demo's download receipt names the same SM3.
    const downloads = (await e.call('GET', '/api/v1/downloads/mine', e.c['bidder.demo'])).json() as DownloadView[];
    expect(
      downloads.filter((d) => d.documentId === docs.documentId && d.subject === 'document').map((d) => d.contentSm3),
    ).toContain(docs.versionSm3);

    // Every member reads the same bytes, the representative included; the region's officers too.
    for (const m of e.members) expect((await read(m.cookie)).versionSm3).toBe(docs.versionSm3);
    expect(await read(e.c['staff.dongsheng']!)).toEqual(docs);
    expect(await read(e.c['supervisor.works']!)).toEqual(docs);

    // Nobody else: a bidder by role, an expert outside the committee by scope.
    expect((await e.call('GET', url(), e.c['bidder.demo'])).statusCode).toBe(403);
    await createPlatformUser(e.t, { username: 'docs.stranger', kind: 'expert', regionCode: '150602' });
    expect((await e.call('GET', url(), await login(e.t, 'docs.stranger'))).statusCode).toBe(404);
    // The review of applications has no evaluation here: nothing to read.
    const review = await e.call('GET', `/api/v1/sections/${e.sectionId}/application-review/documents`, e.c['staff.dongsheng']);
    expect(review.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('[A-137] the forms every member fills are the document’s method: its criteria, factors, ranges and scoring standards, hash for hash', async () => {
    const docs = await read(e.chair.cookie);
    const manifest = effectiveManifest.parse(JSON.parse(Buffer.from(bytes(docs.manifestBase64)).toString('utf8')));
    const method = manifest.method;
    expect(method.type).toBe('scoring');
    expect(docs.evaluationMethodSm3).toBe(docs.documentMethodSm3);
    expect(docs.documentMethodSm3).toBe(sm3Hex(canonicalJson(method)));

    const view = (await e.call('GET', `/api/v1/sections/${e.sectionId}/evaluation`, e.chair.cookie)).json() as EvaluationView;
    if (method.type !== 'scoring') throw new Error('a scoring method was expected');
    expect(view.rubric).toEqual({
      qualification: method.qualification,
      compliance: method.compliance,
      factors: method.factors,
      candidates: method.candidates,
      limit: null,
    });
    // The standards are the document's words: each scoring point's description as the tenderer wrote it.
    const points = view.rubric!.factors.flatMap((f) => f.points.map((p) => p.description));
    expect(points.length).toBeGreaterThan(0);
    expect(points).toEqual(method.factors.flatMap((f) => f.points.map((p) => p.description)));
  });

  it('before the evaluation is opened there is nothing to read', async () => {
    const other = await demoLogin(e.t, 'staff.dongsheng');
    const res = await e.call('GET', `/api/v1/sections/${e.sectionId}/application-review/documents`, other);
    expect([res.statusCode, (res.json() as { code: string; details?: { reason?: string } }).details?.reason]).toEqual([
      409,
      'unopened',
    ]);
  });
});
