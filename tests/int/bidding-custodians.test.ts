import type { BiddingRequirements, RegisteredCustodianKey } from '@bidhall/contracts';
import { encodePem, gmSuite, intlSuite, issueEntityCertificate, keyId, publicKeyToPem } from '@bidhall/crypto';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifiedBidder } from '../support/bidding-fixtures.ts';
import { api, createDocumentsTestApp, issuedDocument, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { lawfulTimetable, publishNotice, registeredSection, setTimetable, type RegisteredSection } from '../support/tendering-fixtures.ts';
import { createPlatformUser, login, type TestApp } from '../support/test-app.ts';

let d: DocumentsTestApp;
let t: TestApp;
let r: RegisteredSection;
let documentId: string;
let staff: string;
let supervisor: string;
let otherStaff: string;

beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
  r = await registeredSection(t);
  await d.bindCertificate(r.tenderer);
  await setTimetable(t, r.sectionId, lawfulTimetable(t));
  documentId = (await issuedDocument(d, r, { issue: false })).doc.id;
  await publishNotice(t, r);
  await createPlatformUser(t, { username: 'staff.keys', kind: 'staff', regionCode: '150600' });
  await createPlatformUser(t, { username: 'supervisor.keys', kind: 'supervisor', regionCode: '150600' });
  await createPlatformUser(t, { username: 'staff.dalad', kind: 'staff', regionCode: '150621' });
  staff = await login(t, 'staff.keys');
  supervisor = await login(t, 'supervisor.keys');
  otherStaff = await login(t, 'staff.dalad');
}, 180_000);
afterAll(async () => d?.close());

const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => api(t).call(method, url, cookie, payload);
const register = (cookie: string, body: object) => call('POST', '/api/v1/custodian-keys', cookie, { label: '保管人', ...body });

describe('opening custodians', () => {
  it('keys that are not SM2 or P-256, or not keys at all, are refused with a clear problem', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    for (const body of [
      { publicKeyPem: rsa },
      { publicKeyPem: p384 },
      { publicKeyPem: '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5IGF0IGFsbCwganVzdCB0ZXh0IGZvciB0aGUgdGVzdA==\n-----END PUBLIC KEY-----\n' },
      { certificatePem: '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGUgYXQgYWxsLCBqdXN0IHRleHQgZm9yIHRoZSB0ZXN0IG9mIHRoZSBrZXlz\n-----END CERTIFICATE-----\n' },
      { publicKeyPem: publicKeyToPem(gmSuite.generateKeyPair().publicKey), certificatePem: 'x'.repeat(200) },
    ]) {
      const res = await register(staff, body);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'CUSTODIAN_KEY_INVALID' });
    }
  });

  it('the centre and the supervisor register for regions they answer for, a tenderer for its entity; a certificate’s key is accepted; each sees only its own', async () => {
    const elsewhere = await register(otherStaff, { publicKeyPem: publicKeyToPem(gmSuite.generateKeyPair().publicKey), regionCode: '150600' });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json()).toMatchObject({ code: 'CUSTODIAN_KEY_OUT_OF_REACH' });

    const centreKey = gmSuite.generateKeyPair();
    const centre = await register(staff, { label: '交易中心', publicKeyPem: publicKeyToPem(centreKey.publicKey) });
    expect(centre.statusCode, centre.body).toBe(201);
    expect(centre.json()).toMatchObject({ holder: 'centre', regionCode: '150600', keyId: keyId(centreKey.publicKey), keyAlg: 'sm2' });

    const p256 = intlSuite.generateKeyPair();
    const sup = await register(supervisor, { label: '住建局', publicKeyPem: publicKeyToPem(p256.publicKey) });
    expect(sup.statusCode, sup.body).toBe(201);
    expect(sup.json()).toMatchObject({ holder: 'supervisor', keyAlg: 'p256' });

    // The tenderer gives its entity certificate: the custodian key is the certificate's.
    const at = t.clock.now().getTime();
    const issued = await issueEntityCertificate(d.ca, { entityName: r.tenderer.name, creditCode: r.tenderer.creditCode, notBefore: new Date(at - 86_400_000), notAfter: new Date(at + 365 * 86_400_000) });
    const tenderer = await register(await r.tenderer.relogin(), { label: r.tenderer.name, certificatePem: encodePem('CERTIFICATE', issued.cert.der) });
    expect(tenderer.statusCode, tenderer.body).toBe(201);
    expect(tenderer.json()).toMatchObject({ holder: 'tenderer', entityId: r.tenderer.entityId, regionCode: null, keyId: keyId(issued.key.publicKey) });

    const list = (cookie: string) => call('GET', '/api/v1/custodian-keys', cookie).then((x) => (x.json() as RegisteredCustodianKey[]).map((k) => k.holder).sort());
    expect(await list(staff)).toEqual(['centre', 'supervisor']);
    expect(await list(otherStaff)).toEqual([]);
    expect(await list(await r.tenderer.relogin())).toEqual(['tenderer']);

    // Another staff member of a region it does not reach cannot retire the centre's key: to it the key does not exist.
    const retiredElsewhere = await call('POST', `/api/v1/custodian-keys/${(centre.json() as RegisteredCustodianKey).id}/retirement`, otherStaff);
    expect(retiredElsewhere.json()).toMatchObject({ code: 'CUSTODIAN_KEY_NOT_FOUND' });
  });

  it('a section’s custodians are its region chain’s centre and supervisor and its tenderer, in that order; below two keys bidding is not open', async () => {
    const b = await certifiedBidder(d);
    const doc = (await call('GET', `/api/v1/tender-documents/${documentId}`, b.cookie)).json() as { issueStart: string };
    t.clock.set(new Date(Date.parse(doc.issueStart) + 3_600_000));
    const cookie = await b.relogin();
    expect((await call('POST', `/api/v1/tender-documents/${documentId}/downloads`, cookie)).statusCode).toBe(201);
    const req = (await call('GET', `/api/v1/sections/${r.sectionId}/bidding`, cookie)).json() as BiddingRequirements;
    expect(req.sealing.custodians.map((c) => `${c.index}:${c.holder}`)).toEqual(['1:centre', '2:supervisor', '3:tenderer']);

    // A new centre key replaces the old one; the set's hash changes with it.
    const staffNow = await login(t, 'staff.keys');
    const newer = await register(staffNow, { label: '交易中心（新）', publicKeyPem: publicKeyToPem(gmSuite.generateKeyPair().publicKey) });
    expect(newer.statusCode).toBe(201);
    const after = (await call('GET', `/api/v1/sections/${r.sectionId}/bidding`, cookie)).json() as BiddingRequirements;
    expect(after.sealing.custodians[0]!.label).toBe('交易中心（新）');
    expect(after.sealing.custodianSetSm3).not.toBe(req.sealing.custodianSetSm3);

    // Retire the centre's and the supervisor's keys: one custodian is too few.
    const keys = (await call('GET', '/api/v1/custodian-keys', staffNow)).json() as RegisteredCustodianKey[];
    for (const k of keys) {
      const by = k.holder === 'centre' ? staffNow : await login(t, 'supervisor.keys');
      const retired = await call('POST', `/api/v1/custodian-keys/${k.id}/retirement`, by);
      expect(retired.statusCode, retired.body).toBe(200);
    }
    const notReady = await call('GET', `/api/v1/sections/${r.sectionId}/bidding`, cookie);
    expect(notReady.statusCode).toBe(409);
    expect(notReady.json()).toMatchObject({ code: 'BIDDING_NOT_READY' });
    expect(notReady.body).not.toMatch(/\d+ bids?/);
  });
});
