import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agencyContractOpinionText, type AgencyContractView } from '@bidhall/contracts';
import {
  createDemoPki,
  encodePem,
  issueDemoCrl,
  issueEntityCertificate,
  signCmsDetached,
  toBase64,
  utf8,
  type Certificate,
  type DemoCa,
  type PrivateKey,
} from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { registeredSection, type FixtureParty, type RegisteredSection } from '../support/tendering-fixtures.ts';

const DAY = 86_400_000;
const START = '2026-03-02T02:00:00Z';
const dir = mkdtempSync(join(tmpdir(), 'bidhall-projects-'));
const trustDir = join(dir, 'trust');
const pem = (c: Certificate) => encodePem('CERTIFICATE', c.der);

let t: TestApp;
let ca: DemoCa;
let r: RegisteredSection;
const keys = new Map<string, { cert: Certificate; key: PrivateKey }>();

async function bindCertificate(party: FixtureParty) {
  const now = t.clock.now().getTime();
  const issued = await issueEntityCertificate(ca, { entityName: party.name, creditCode: party.creditCode, notBefore: new Date(now - DAY), notAfter: new Date(now + 365 * DAY) });
  const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/my/certificates', payload: { certificate: pem(issued.cert) + pem(ca.issuing) }, headers: { cookie: party.cookie } });
  expect(res.statusCode, res.body).toBe(201);
  keys.set(party.entityId, issued);
}

const sign = (party: FixtureParty, text: string) => {
  const k = keys.get(party.entityId)!;
  return toBase64(signCmsDetached(utf8(text), { key: k.key, cert: k.cert, chain: [ca.issuing] }, { signingTime: t.clock.now() }));
};

beforeAll(async () => {
  const now = new Date(START);
  [ca] = (await createDemoPki(now)) as [DemoCa];
  mkdirSync(trustDir);
  writeFileSync(join(trustDir, 'gm-a-root.pem'), pem(ca.root));
  writeFileSync(join(trustDir, 'gm-a-issuing.pem'), pem(ca.issuing));
  writeFileSync(join(trustDir, `${ca.id}.crl`), encodePem('X509 CRL', (await issueDemoCrl(ca, [], now, new Date(now.getTime() + 365 * DAY))).der));
  t = await createTestApp({ now: START, config: { trustStoreDir: trustDir } });
  r = await registeredSection(t, { organisation: 'agency' });
  await bindCertificate(r.tenderer);
  await bindCertificate(r.agency!);
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.built.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const problem = (res: { json(): unknown }) => res.json() as { code: string };

describe('the agency contract (A-42…A-44)', () => {
  it('[A-42] [A-43] [A-44] drafted by the agency, negotiated in signed rounds, agreed on one version, e-signed by both', async () => {
    const tenderer = r.tenderer;
    const agency = r.agency!;
    const draft = await call('POST', '/api/v1/agency-contracts', agency.cookie, { tenderingProjectId: r.tenderingProjectId, title: '招标代理委托合同', text: '代理服务费率：0.8%' });
    expect(draft.statusCode, draft.body).toBe(201);
    const c = draft.json() as AgencyContractView;
    expect(c).toMatchObject({ status: 'draft', createdBy: 'agency', tendererEntityId: r.tendererEntityId, agencyEntityId: r.agencyEntityId });
    expect(problem(await call('POST', '/api/v1/agency-contracts', tenderer.cookie, { tenderingProjectId: r.tenderingProjectId, title: 'x', text: 'y' })).code).toBe('AGENCY_CONTRACT_STATE_CONFLICT');
    expect(problem(await call('PATCH', `/api/v1/agency-contracts/${c.id}`, tenderer.cookie, { text: '改' })).code).toBe('NOT_YOUR_PROJECT');
    expect((await call('PATCH', `/api/v1/agency-contracts/${c.id}`, agency.cookie, { text: '代理服务费率：0.9%' })).statusCode).toBe(200);
    const submitted = (await call('POST', `/api/v1/agency-contracts/${c.id}/submit`, agency.cookie, {})).json() as AgencyContractView;
    expect(submitted).toMatchObject({ status: 'negotiating', rounds: [{ round: 1, proposedBy: 'agency', text: '代理服务费率：0.9%' }] });
    const round1 = submitted.rounds[0]!;

    // The tenderer signs its opinion on round 1: not accepted.
    const opinion1 = { contractId: c.id, round: 1, textSm3: round1.textSm3, accept: false, opinion: '费率过高，建议0.6%' };
    const refused = await call('POST', `/api/v1/agency-contracts/${c.id}/opinions`, tenderer.cookie, { round: 1, accept: false, opinion: opinion1.opinion, signature: sign(tenderer, agencyContractOpinionText(opinion1)) });
    expect(refused.statusCode, refused.body).toBe(200);
    // Round 2: the tenderer's version.
    const r2 = (await call('POST', `/api/v1/agency-contracts/${c.id}/rounds`, tenderer.cookie, { text: '代理服务费率：0.6%', note: '按我方意见修改' })).json() as AgencyContractView;
    expect(r2.rounds.map((x) => [x.round, x.proposedBy])).toEqual([[1, 'agency'], [2, 'tenderer']]);
    expect(r2.rounds[0]!.opinions).toMatchObject([{ side: 'tenderer', accept: false, opinion: '费率过高，建议0.6%', signature: { entityId: r.tendererEntityId } }]);
    const round2 = r2.rounds[1]!;
    // An opinion on a superseded round is stale.
    const stale = await call('POST', `/api/v1/agency-contracts/${c.id}/opinions`, agency.cookie, { round: 1, accept: true, opinion: '', signature: sign(agency, 'x') });
    expect(problem(stale).code).toBe('AGENCY_CONTRACT_ROUND_STALE');
    // An opinion signed with a certificate bound to another entity is refused.
    const a2 = { contractId: c.id, round: 2, textSm3: round2.textSm3, accept: true, opinion: '同意' };
    const foreign = await call('POST', `/api/v1/agency-contracts/${c.id}/opinions`, agency.cookie, { round: 2, accept: true, opinion: '同意', signature: sign(tenderer, agencyContractOpinionText(a2)) });
    expect(foreign.statusCode).toBe(401);
    expect(problem(foreign).code).toBe('CERTIFICATE_NOT_BOUND');
    // A signature over other words is refused.
    const wrong = await call('POST', `/api/v1/agency-contracts/${c.id}/opinions`, agency.cookie, { round: 2, accept: true, opinion: '同意', signature: sign(agency, agencyContractOpinionText({ ...a2, accept: false })) });
    expect(problem(wrong).code).toBe('SIGNATURE_INVALID');
    const agencyAccepts = (await call('POST', `/api/v1/agency-contracts/${c.id}/opinions`, agency.cookie, { round: 2, accept: true, opinion: '同意', signature: sign(agency, agencyContractOpinionText(a2)) })).json() as AgencyContractView;
    expect(agencyAccepts.status).toBe('negotiating');
    expect(problem(await call('POST', `/api/v1/agency-contracts/${c.id}/signatures`, agency.cookie, { signature: sign(agency, round2.text) })).code).toBe('AGENCY_CONTRACT_STATE_CONFLICT');
    const t2 = { ...a2, opinion: '同意本版' };
    const agreed = (await call('POST', `/api/v1/agency-contracts/${c.id}/opinions`, tenderer.cookie, { round: 2, accept: true, opinion: t2.opinion, signature: sign(tenderer, agencyContractOpinionText(t2)) })).json() as AgencyContractView;
    expect(agreed).toMatchObject({ status: 'agreed', agreedRound: 2, text: '代理服务费率：0.6%' });
    expect(problem(await call('POST', `/api/v1/agency-contracts/${c.id}/rounds`, agency.cookie, { text: '再改' })).code).toBe('AGENCY_CONTRACT_STATE_CONFLICT');

    // the e-signature covers the agreed text's bytes exactly.
    expect(problem(await call('POST', `/api/v1/agency-contracts/${c.id}/signatures`, tenderer.cookie, { signature: sign(tenderer, round1.text) })).code).toBe('SIGNATURE_INVALID');
    expect(problem(await call('POST', `/api/v1/agency-contracts/${c.id}/signatures`, tenderer.cookie, { signature: 'not base64!' })).code).toBe('SIGNATURE_INVALID');
    const one = (await call('POST', `/api/v1/agency-contracts/${c.id}/signatures`, tenderer.cookie, { signature: sign(tenderer, round2.text) })).json() as AgencyContractView;
    expect(one.status).toBe('agreed');
    expect(problem(await call('POST', `/api/v1/agency-contracts/${c.id}/signatures`, tenderer.cookie, { signature: sign(tenderer, round2.text) })).code).toBe('AGENCY_CONTRACT_STATE_CONFLICT');
    const both = (await call('POST', `/api/v1/agency-contracts/${c.id}/signatures`, agency.cookie, { signature: sign(agency, round2.text) })).json() as AgencyContractView;
    expect(both.status).toBe('signed');
    expect(both.signatures.map((s) => s.side).sort()).toEqual(['agency', 'tenderer']);
    expect(both.signatures.find((s) => s.side === 'tenderer')!.subject).toContain(r.tenderer.name);
    expect(both.signatures[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const actions = await t.database.db.selectFrom('platform.audit_event').select('action').where('target_id', '=', c.id).execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['projects.agencyContract.created', 'projects.agencyContract.submitted', 'projects.agencyContract.roundProposed', 'projects.agencyContract.opinionSigned', 'projects.agencyContract.signed']),
    );
    // Staff of the region read it; strangers do not.
    expect((await call('GET', `/api/v1/agency-contracts/${c.id}`, r.staffCookie)).statusCode).toBe(200);
  });

  it('[A-42] a self-organised tendering project has no agency contract; a stranger cannot draft one; a draft is deleted by its author', async () => {
    const self = await registeredSection(t);
    expect(problem(await call('POST', '/api/v1/agency-contracts', self.tendererCookie, { tenderingProjectId: self.tenderingProjectId, title: 'x', text: 'y' })).code).toBe('MANDATE_NOT_APPLICABLE');
    expect(problem(await call('POST', '/api/v1/agency-contracts', self.tendererCookie, { tenderingProjectId: r.tenderingProjectId, title: 'x', text: 'y' })).code).toBe('TENDERING_PROJECT_NOT_FOUND');
    const other = await registeredSection(t, { organisation: 'agency' });
    const d = (await call('POST', '/api/v1/agency-contracts', other.tendererCookie, { tenderingProjectId: other.tenderingProjectId, title: '合同', text: '正文' })).json() as AgencyContractView;
    expect(problem(await call('DELETE', `/api/v1/agency-contracts/${d.id}`, other.agencyCookie!)).code).toBe('NOT_YOUR_PROJECT');
    expect((await call('DELETE', `/api/v1/agency-contracts/${d.id}`, other.tendererCookie)).statusCode).toBe(200);
    expect(problem(await call('GET', `/api/v1/agency-contracts/${d.id}`, other.tendererCookie)).code).toBe('AGENCY_CONTRACT_NOT_FOUND');
  });
});
