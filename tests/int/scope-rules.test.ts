import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, bidder, createDocumentsTestApp, type DocumentsTestApp, issuedDocument, obtain } from '../support/documents-fixtures.ts';
import { lawfulTimetable, registeredSection, setTimetable } from '../support/tendering-fixtures.ts';
import { createPlatformUser, login } from '../support/test-app.ts';

/**
 * Issue 9 §1, the three holes the probe found, as their users meet them: the Q&A of a section, the
 * exchange outbox and the working-day calendar, for the right party and for the same role elsewhere.
 */
let d: DocumentsTestApp;
const cookies: Record<string, string> = {};
let documentId = '';

beforeAll(async () => {
  d = await createDocumentsTestApp();
  const { t } = d;
  const r = await registeredSection(t);
  await setTimetable(t, r.sectionId, lawfulTimetable(t));
  await d.bindCertificate(r.tenderer);
  const { doc } = await issuedDocument(d, r);
  documentId = doc.id;
  t.clock.set(new Date(Date.parse(doc.issueStart!) + 3_600_000));
  cookies.tenderer = await r.tenderer.relogin();
  const holder = await bidder(t);
  await obtain(t, documentId, holder.cookie);
  cookies.holder = holder.cookie;
  cookies.otherBidder = (await bidder(t)).cookie;
  const asked = await api(t).call('POST', `/api/v1/tender-documents/${documentId}/questions`, holder.cookie, { text: '工期是否可以调整？' });
  expect(asked.statusCode, asked.body).toBe(201);
  for (const [name, region] of [['district', '150602'], ['otherdistrict', '150621'], ['city', '150600']] as const) {
    await createPlatformUser(d.t, { username: `scope.${name}`, kind: 'staff', regionCode: region });
    cookies[name] = await login(d.t, `scope.${name}`);
  }
}, 120_000);
afterAll(async () => d?.close());

const get = (url: string, who: string) => api(d.t).call('GET', url, cookies[who]!);

describe('scopes the probe found open', () => {
  it('[A-81] the questions of a section are read by its tenderer, bidders who obtained the documents and its region’s staff; not by another bidder or another banner’s officer', async () => {
    const url = `/api/v1/tender-documents/${documentId}/questions`;
    for (const who of ['tenderer', 'holder', 'district', 'city']) {
      const res = await get(url, who);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
    }
    expect((await get(url, 'holder')).json()).toEqual([expect.objectContaining({ text: '工期是否可以调整？', mine: true })]);
    // The issued document is public, so another bidder is told to obtain it first; another banner's
    // officer is told nothing exists. Neither learns whether it has questions.
    const other = await get(url, 'otherBidder');
    expect({ status: other.statusCode, code: (other.json() as { code: string }).code }).toEqual({ status: 409, code: 'DOWNLOAD_REQUIRED' });
    const far = await get(url, 'otherdistrict');
    expect({ status: far.statusCode, code: (far.json() as { code: string }).code }).toEqual({ status: 404, code: 'DOCUMENT_NOT_FOUND' });
  });

  it('the exchange outbox lists and opens only the messages of the officer’s regions', async () => {
    const mine = (await get('/api/v1/exchange/outbox?limit=200', 'district')).json() as { items: { id: string; regionCode: string | null }[] };
    const ours = mine.items.filter((m) => m.regionCode === '150602');
    expect(ours.length).toBeGreaterThan(0);
    expect(mine.items.every((m) => m.regionCode === '150602')).toBe(true);
    const theirs = (await get('/api/v1/exchange/outbox?limit=200', 'otherdistrict')).json() as { items: { regionCode: string | null }[] };
    expect(theirs.items.filter((m) => m.regionCode !== '150621')).toEqual([]);
    const one = await get(`/api/v1/exchange/outbox/${ours[0]!.id}`, 'otherdistrict');
    expect(one.statusCode).toBe(404);
    expect((await get(`/api/v1/exchange/outbox/${ours[0]!.id}`, 'city')).statusCode).toBe(200);
  });

  it('a district officer cannot enter the platform’s holiday calendar; the city’s staff can', async () => {
    const year = { holidays: [], workdays: [], source: '国务院办公厅关于2028年部分节假日安排的通知' };
    const district = await api(d.t).call('PUT', '/api/v1/calendar/years/2028', cookies.district!, year);
    expect({ status: district.statusCode, code: (district.json() as { code: string }).code }).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
    const city = await api(d.t).call('PUT', '/api/v1/calendar/years/2028', cookies.city!, year);
    expect(city.statusCode, city.body).not.toBe(403);
  });
});
