import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { encodePem, issueDemoCrl, parseCertificate, privateKeyFromPem, signJson, type DemoCa } from '@bidhall/crypto';
import { deviceSignInMessage, evaluationSignInPayload, type EvaluationMonitorView, type EvaluationVenueView, type ExpertSelfView, type RoomView, type SectionVenuesView, type WorkstationView } from '@bidhall/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../apps/server/src/demo/load-demo.ts';
import { demoLogin } from '../support/demo-login.ts';
import { demoExpertIdNumber } from '../../apps/server/src/demo/demo-experts.ts';
import { bindPersonal, evaluatorCa, signInBody, type Signer } from '../support/evaluator-certificates.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { demoCommitteeSectionId } from '../support/demo-evaluation.ts';

/**
 * Remote cross-region evaluation (issue 12 §3, decision 0027) on the demo's read-out section: venues of
 * Dongsheng, Dalate and another city (Baotou, added for the test), workstations registered by WebCrypto
 * keys as a browser makes them, the device check at sign-in, the monitor and the room's signalling.
 */
let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'bidhall-venues-'));
const c: Record<string, string> = {};
let sectionId: string;
/** The expert members' cookies by seat. */
const seats: { cookie: string; seat: number }[] = [];
/** Each expert member's certificate by cookie (decision 0026): 郑涛's from the demo, the others' from a test CA. */
const signers = new Map<string, Signer>();
const HOUR = 3_600_000;
let base: string;
/** The test CA that issued the other members' personal certificates. */
let evaluatorsCa: DemoCa;

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
  t.built.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });
const url = (rest = '') => `/api/v1/sections/${sectionId}/evaluation${rest}`;
const codeOf = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];


/** A device key as the web app makes it: ECDSA P-256, the private half not extractable. */
async function deviceKey() {
  const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const jwk = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
  return { pair, publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! } };
}
type Key = Awaited<ReturnType<typeof deviceKey>>;

async function signed(cookie: string, workstationId: string, key: Key) {
  const ch = await call('GET', url('/sign-in/challenge'), cookie);
  expect(ch.statusCode, ch.body).toBe(200);
  const { nonce } = ch.json() as { nonce: string };
  const sig = await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.pair.privateKey, new TextEncoder().encode(deviceSignInMessage(sectionId, nonce)));
  // The member's certificate signs the same nonce (decision 0026): only the device half varies here.
  const signer = signers.get(cookie)!;
  const certificate = { certificatePem: signer.certificatePem, nonce, signature: signJson(evaluationSignInPayload(sectionId, nonce), signer.key) };
  return { confirmIdentity: true, noConflict: true, certificate, device: { workstationId, nonce, signature: Buffer.from(sig).toString('base64url') } };
}

/** An open Server-Sent Events stream: its events so far, a wait for one, and the hang-up. */
async function stream(path: string, cookie: string) {
  const controller = new AbortController();
  const res = await fetch(`${base}${path}`, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const events: { event: string; data: unknown }[] = [];
  const waiters: (() => void)[] = [];
  void (async () => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
          if (field('event')) events.push({ event: field('event')!, data: JSON.parse(field('data')!) });
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      // aborted
    }
  })();
  const next = <T>(event: string, pred: (data: T) => boolean = () => true): Promise<T> =>
    new Promise((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`no ${event} on ${path}: ${JSON.stringify(events.slice(-3))}`)), 8_000);
      const check = () => {
        const hit = [...events].reverse().find((e) => e.event === event && pred(e.data as T));
        if (hit) {
          clearTimeout(timeout);
          resolve(hit.data as T);
        } else waiters.push(check);
      };
      check();
    });
  return { events, next, close: () => controller.abort() };
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z', config: { trustStoreDir: join(dir, 'trust') } });
  await loadDemo(t.built, t.database.db, { clock: t.clock, demoCaDir: join(dir, 'demo-ca'), loop: false });
  // Another city outside the demo's: its venues reach Ordos's sections only when shared.
  await sql`INSERT INTO catalog.region (code, parent_code, level, name_zh, name_en, sort) VALUES ('150200', NULL, 'city', '包头市', 'Baotou City', 20), ('150202', '150200', 'district', '东河区', 'Donghe District', 21)`.execute(t.database.db);
  await t.built.catalog.reload();
  c.staff = await demoLogin(t, 'staff.dongsheng');
  c.city = await demoLogin(t, 'staff.city');
  c.supervisor = await demoLogin(t, 'supervisor.works');
  c.tenderer = await demoLogin(t, 'tenderer.demo');
  c.bidder = await demoLogin(t, 'bidder.demo');
  c.expert = await demoLogin(t, 'expert.demo');
  for (const [username, regionCode] of [['venue.staff.dalate', '150621'], ['venue.staff.baotou', '150202']] as const) {
    await createPlatformUser(t, { username, kind: 'staff', regionCode });
    c[username] = await login(t, username);
  }
  sectionId = await demoCommitteeSectionId(t.database.db);
  signers.set(c.expert, { certificatePem: readFileSync(join(dir, 'demo-ca', 'entities', 'expert.demo.cert.pem'), 'utf8'), key: privateKeyFromPem(readFileSync(join(dir, 'demo-ca', 'entities', 'expert.demo.key.pem'), 'utf8')) });
  const { ca, issue } = await evaluatorCa(t, join(dir, 'trust'));
  evaluatorsCa = ca;

  // The committee accepted, every seat with an account; the evaluation open from an hour on; the representative named.
  const rows = (
    await sql<{ seat: number; expert_id: string; name: string; user_id: string | null }>`SELECT s.seat, s.expert_id, e.name, e.user_id FROM experts.committee_seat s JOIN experts.expert e ON e.id = s.expert_id WHERE s.section_id = ${sectionId} ORDER BY s.seat`.execute(t.database.db)
  ).rows;
  for (const s of rows) {
    let cookie = c.expert!;
    if (!s.user_id) {
      const username = `venue.seat${s.seat}`;
      await createPlatformUser(t, { username, kind: 'expert', regionCode: '150602', personIdNumber: demoExpertIdNumber(s.name) });
      expect((await call('PUT', `/api/v1/experts/${s.expert_id}/account`, c.staff, { username })).statusCode).toBe(200);
      cookie = await login(t, username);
      const signer = await issue(s.name);
      expect((await bindPersonal(t, cookie, signer)).statusCode).toBe(201);
      signers.set(cookie, signer);
    }
    const invitation = ((await call('GET', '/api/v1/experts/me', cookie)).json() as ExpertSelfView).invitations.find((i) => i.sectionId === sectionId)!;
    expect((await call('POST', `/api/v1/expert-invitations/${invitation.id}/answer`, cookie, { accept: true, noConflict: true })).statusCode).toBe(200);
    seats.push({ cookie, seat: s.seat });
  }
  const now = t.clock.now().getTime();
  const opened = await call('POST', url(), c.staff, { startsAt: new Date(now + HOUR).toISOString(), endsAt: new Date(now + 30 * HOUR).toISOString() });
  expect(opened.statusCode, opened.body).toBe(200);
  const me = (await call('GET', '/api/v1/me', c.tenderer)).json() as { id: string };
  expect((await call('PUT', url('/representatives'), c.tenderer, { userIds: [me.id] })).statusCode).toBe(200);
  base = await t.built.app.listen({ port: 0, host: '127.0.0.1' });
}, 600_000);
afterAll(async () => t?.close());

const venue = (cookie: string, body: object) => call('POST', '/api/v1/evaluation-venues', cookie, body);
const v: Record<string, EvaluationVenueView> = {};
const ws: Record<string, WorkstationView & { key: Key }> = {};

describe('remote evaluation venues (issue 12 §3)', () => {
  it('[A-154] each centre keeps its own venues; a section is assigned venues of its city or shared ones, nothing else', async () => {
    const made = await venue(c.staff!, { regionCode: '150602', name: '东胜区评标主场', address: '东胜区天骄路1号', kind: 'main', shared: false });
    expect(made.statusCode, made.body).toBe(201);
    v.main = made.json();
    v.dalate = (await venue(c['venue.staff.dalate']!, { regionCode: '150621', name: '达拉特旗评标副场', address: '树林召镇', kind: 'secondary', shared: false })).json();
    v.baotou = (await venue(c['venue.staff.baotou']!, { regionCode: '150202', name: '包头评标中心', address: '东河区', kind: 'main', shared: false })).json();
    // A district's staff keep their own region's venues only; supervisors read, never write.
    expect(codeOf(await venue(c.staff!, { regionCode: '150621', name: 'x', address: 'y', kind: 'main', shared: false }))).toEqual([403, 'FORBIDDEN']);
    expect((await venue(c.supervisor!, { regionCode: '150602', name: 'x', address: 'y', kind: 'main', shared: false })).statusCode).toBe(403);
    expect(codeOf(await venue(c.staff!, { regionCode: '150602', name: 'x\u0007', address: 'y', kind: 'main', shared: false }))[0]).toBe(400);
    const names = async (cookie: string) => ((await call('GET', '/api/v1/evaluation-venues', cookie)).json() as EvaluationVenueView[]).map((x) => x.name);
    expect(await names(c.staff!)).toEqual(['东胜区评标主场']);
    expect((await names(c.city!)).sort()).toEqual(['东胜区评标主场', '达拉特旗评标副场'].sort());
    expect(await names(c['venue.staff.baotou']!)).toEqual(['包头评标中心']);
    expect(codeOf(await call('PUT', `/api/v1/evaluation-venues/${v.dalate!.id}`, c.staff, { regionCode: '150621', name: 'x', address: 'y', kind: 'main', shared: true }))).toEqual([404, 'VENUE_NOT_FOUND']);

    // Assignable: Ordos's venues (Dalate's too: the same city), not Baotou's until Baotou shares it.
    const assignable = async () => ((await call('GET', url('/venues'), c.staff)).json() as SectionVenuesView).assignable.map((x) => x.name);
    expect((await assignable()).sort()).toEqual(['东胜区评标主场', '达拉特旗评标副场'].sort());
    const put = (body: object, cookie = c.staff) => call('PUT', url('/venues'), cookie, body);
    const refused = await put({ mainVenueId: v.baotou!.id, secondaryVenueIds: [] });
    expect([...codeOf(refused), refused.json().details.reason]).toEqual([422, 'VENUE_NOT_ASSIGNABLE', 'scope']);
    const shared = await call('PUT', `/api/v1/evaluation-venues/${v.baotou!.id}`, c['venue.staff.baotou'], { regionCode: '150202', name: '包头评标中心', address: '东河区', kind: 'main', shared: true });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(await assignable()).toContain('包头评标中心');
    expect(codeOf(await put({ mainVenueId: v.dalate!.id, secondaryVenueIds: [] }))).toEqual([422, 'VENUE_NOT_ASSIGNABLE']);
    expect(codeOf(await put({ mainVenueId: v.main!.id, secondaryVenueIds: [v.main!.id] }))).toEqual([422, 'VENUE_NOT_ASSIGNABLE']);
    // Dalate's staff keep the venue, not the Dongsheng section: they are told nothing of it.
    expect(codeOf(await put({ mainVenueId: v.main!.id, secondaryVenueIds: [] }, c['venue.staff.dalate']))).toEqual([404, 'SECTION_NOT_FOUND']);
    expect((await put({ mainVenueId: v.main!.id, secondaryVenueIds: [] }, c.supervisor)).statusCode).toBe(403);
    const done = await put({ mainVenueId: v.main!.id, secondaryVenueIds: [v.dalate!.id] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ main: { id: v.main!.id }, secondary: [{ id: v.dalate!.id }] });
  });

  it('[A-155] a workstation is registered by its browser key (public half only) and revoked by the venue’s staff', async () => {
    const register = (venueId: string, label: string, publicKey: object, cookie = c.staff) => call('POST', `/api/v1/evaluation-venues/${venueId}/workstations`, cookie, { label, publicKey });
    for (const [name, venueId, cookie] of [['a', v.main!.id, c.staff], ['b', v.main!.id, c.staff], ['revoked', v.main!.id, c.staff], ['dalate', v.dalate!.id, c['venue.staff.dalate']], ['baotou', v.baotou!.id, c['venue.staff.baotou']]] as const) {
      const key = await deviceKey();
      const res = await register(venueId, `终端-${name}`, key.publicKey, cookie);
      expect(res.statusCode, res.body).toBe(201);
      ws[name] = { ...(res.json() as WorkstationView), key };
    }
    // The same key twice, a private key, a point off the curve, another region's venue.
    expect(codeOf(await register(v.main!.id, '重复', ws.a!.key.publicKey))).toEqual([409, 'WORKSTATION_KEY_TAKEN']);
    expect((await register(v.main!.id, '私钥', { ...ws.a!.key.publicKey, d: ws.a!.key.publicKey.x })).statusCode).toBe(400);
    expect((await register(v.main!.id, '曲线外', { ...ws.a!.key.publicKey, y: ws.b!.key.publicKey.y })).statusCode).toBe(400);
    expect(codeOf(await register(v.dalate!.id, '越权', (await deviceKey()).publicKey))).toEqual([404, 'VENUE_NOT_FOUND']);
    const revoke = (id: string, cookie = c.staff) => call('POST', `/api/v1/evaluation-venues/${v.main!.id}/workstations/${id}/revoke`, cookie, { reason: '设备报废' });
    expect((await revoke(ws.revoked!.id, c.supervisor)).statusCode).toBe(403);
    const revoked = await revoke(ws.revoked!.id);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedReason).toBe('设备报废');
    expect(codeOf(await revoke(ws.revoked!.id))).toEqual([409, 'WORKSTATION_ALREADY_REVOKED']);
    expect(codeOf(await revoke(ws.dalate!.id))).toEqual([404, 'WORKSTATION_NOT_FOUND']);
  });

  it('[A-155] with venues, sign-in needs a fresh nonce signed by a registered, unrevoked workstation of an assigned venue; where each member signed in is recorded', async () => {
    t.clock.advance(HOUR + 60_000);
    const a = seats[0]!.cookie;
    // The certificate alone does not do: the evaluation sits in venues.
    expect(codeOf(await call('POST', url('/sign-in'), a, await signInBody(t, sectionId, a, signers.get(a)!)))).toEqual([403, 'WORKSTATION_REQUIRED']);
    // Another venue's workstation (Baotou's, shared but not assigned), a revoked one, a wrong key, an unknown one.
    expect(codeOf(await call('POST', url('/sign-in'), a, await signed(a, ws.baotou!.id, ws.baotou!.key)))).toEqual([403, 'WORKSTATION_NOT_AT_VENUE']);
    expect(codeOf(await call('POST', url('/sign-in'), a, await signed(a, ws.revoked!.id, ws.revoked!.key)))).toEqual([403, 'WORKSTATION_REVOKED']);
    expect(codeOf(await call('POST', url('/sign-in'), a, await signed(a, ws.a!.id, ws.b!.key)))).toEqual([403, 'DEVICE_SIGNATURE_INVALID']);
    expect(codeOf(await call('POST', url('/sign-in'), a, await signed(a, '00000000-0000-4000-8000-000000000000', ws.a!.key)))).toEqual([403, 'WORKSTATION_NOT_REGISTERED']);
    // A nonce is the member's own, and short-lived.
    const others = await signed(seats[1]!.cookie, ws.a!.id, ws.a!.key);
    expect(codeOf(await call('POST', url('/sign-in'), a, others))).toEqual([401, 'CHALLENGE_UNKNOWN']);
    const late = await signed(a, ws.a!.id, ws.a!.key);
    t.clock.advance(121_000);
    expect(codeOf(await call('POST', url('/sign-in'), a, late))).toEqual([401, 'CHALLENGE_EXPIRED']);
    // Not a member: no challenge.
    expect((await call('GET', url('/sign-in/challenge'), c.bidder)).statusCode).toBe(403);
    expect(codeOf(await call('GET', url('/sign-in/challenge'), c['venue.staff.dalate']))[0]).toBe(403);

    const ok = await call('POST', url('/sign-in'), a, await signed(a, ws.a!.id, ws.a!.key));
    expect(ok.statusCode, ok.body).toBe(200);
    // The workstation seats one: the next member signs in from their own, at the Dalate venue.
    const b = seats[1]!.cookie;
    expect(codeOf(await call('POST', url('/sign-in'), b, await signed(b, ws.a!.id, ws.a!.key)))).toEqual([409, 'WORKSTATION_OCCUPIED']);
    expect((await call('POST', url('/sign-in'), b, await signed(b, ws.dalate!.id, ws.dalate!.key))).statusCode).toBe(200);
    const where = (await sql<{ ws: string }>`SELECT workstation_id AS ws FROM evaluation.member_workstation WHERE section_id = ${sectionId} ORDER BY signed_in_at`.execute(t.database.db)).rows.map((r) => r.ws);
    expect(where).toEqual([ws.a!.id, ws.dalate!.id]);
    const audited = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'evaluation.workstationSignIn' AND target_id = ${sectionId}`.execute(t.database.db)).rows[0]!.n;
    expect(audited).toBe(2);
  });

  it('[A-155] a member whose personal certificate the revocation sweep found revoked is refused at sign-in, even at a good workstation', async () => {
    const member = seats[2]!.cookie;
    const signer = signers.get(member)!;
    const cert = parseCertificate(signer.certificatePem);
    // The CA's new CRL lists it; the platform's admin reloads the trust store, which sweeps at once.
    const now = t.clock.now();
    const crl = await issueDemoCrl(evaluatorsCa, [{ cert, at: new Date(now.getTime() - 60_000), reason: 'keyCompromise' }], now, new Date(now.getTime() + 30 * 86_400_000));
    writeFileSync(join(dir, 'trust', 'eval-test.crl'), encodePem('X509 CRL', crl.der));
    await createPlatformUser(t, { username: 'venue.admin', kind: 'admin' });
    const reloaded = await call('POST', '/api/v1/trust-store/reload', await login(t, 'venue.admin'), {});
    expect(reloaded.statusCode, reloaded.body).toBe(200);
    const marked = (await sql<{ revoked_at: Date | null }>`SELECT revoked_at FROM identity.personal_certificate WHERE serial_number = ${cert.serialNumber} AND unbound_at IS NULL`.execute(t.database.db)).rows;
    expect(marked.map((r) => r.revoked_at !== null)).toEqual([true]);
    expect(codeOf(await call('POST', url('/sign-in'), member, await signed(member, ws.b!.id, ws.b!.key)))).toEqual([422, 'CERTIFICATE_REVOKED']);
  });

  it('[A-154] the monitor shows each venue, who signed in where, who is in the room now and who submitted — never what', async () => {
    const monitor = async (cookie: string) => (await call('GET', '/api/v1/evaluation-monitor', cookie)).json() as EvaluationMonitorView;
    const ours = (m: EvaluationMonitorView) => m.evaluations.find((e) => e.sectionId === sectionId)!;
    const first = ours(await monitor(c.staff!));
    expect(first.venues.map((x) => [x.name, x.role])).toEqual([['东胜区评标主场', 'main'], ['达拉特旗评标副场', 'secondary']]);
    expect(first.venues[0]!.workstations.find((w) => w.id === ws.a!.id)!.memberId).not.toBeNull();
    expect(first.venues[0]!.workstations.find((w) => w.id === ws.revoked!.id)!.revoked).toBe(true);
    const signedIn = first.members.filter((m) => m.signedInAt);
    expect(signedIn.map((m) => m.workstationId)).toEqual([ws.a!.id, ws.dalate!.id]);
    expect(first.members.every((m) => !m.present && !m.submitted)).toBe(true);

    // Live: the monitor's stream tells of a member entering and leaving the room.
    const live = await stream('/api/v1/evaluation-monitor', c.supervisor!);
    await live.next<EvaluationMonitorView>('monitor');
    const memberA = signedIn[0]!.id;
    const room = await stream(url('/room'), seats[0]!.cookie);
    await live.next<EvaluationMonitorView>('monitor', (m) => ours(m).members.find((x) => x.id === memberA)!.present);
    expect(ours(await monitor(c.staff!)).members.filter((m) => m.present).map((m) => m.id)).toEqual([memberA]);

    // A sheet with a telltale score: submitted or not shows, the content never.
    const ev = (await call('GET', url(), seats[0]!.cookie)).json() as { bids: { bidId: string }[] };
    const saved = await call('PUT', url('/sheets/mine'), seats[0]!.cookie, { verdicts: { [ev.bids[0]!.bidId]: { '1.1': 'fail' } }, scores: { [ev.bids[0]!.bidId]: { '3.1': 13.37 } }, submit: false });
    expect(saved.statusCode, saved.body).toBe(200);
    const body = (await call('GET', '/api/v1/evaluation-monitor', c.staff)).body;
    expect(body).not.toContain('13.37');
    expect(body).not.toContain('fail');
    expect(body).not.toContain(ev.bids[0]!.bidId);
    room.close();
    await live.next<EvaluationMonitorView>('monitor', (m) => !ours(m).members.find((x) => x.id === memberA)!.present);
    live.close();

    // Scope: another district's staff see nothing of it; entities and experts are refused.
    expect((await monitor(c['venue.staff.dalate']!)).evaluations).toEqual([]);
    expect((await monitor(c['venue.staff.baotou']!)).evaluations).toEqual([]);
    expect(ours(await monitor(c.city!)).members.length).toBe(5);
    for (const cookie of [c.bidder!, c.expert!, c.tenderer!]) expect((await call('GET', '/api/v1/evaluation-monitor', cookie)).statusCode).toBe(403);
  });

  it('the room relays signalling between signed-in members; officers watch read-only; nothing for those outside; entering and leaving are audited, signals not', async () => {
    // The room entered in the test before has been left, and its leaving recorded (after the stream closed).
    const open = async () =>
      (await sql<{ n: number }>`SELECT (count(*) FILTER (WHERE action = 'evaluation.roomJoined') - count(*) FILTER (WHERE action = 'evaluation.roomLeft'))::int AS n FROM platform.audit_event WHERE target_id = ${sectionId}`.execute(t.database.db)).rows[0]!.n;
    await expect.poll(open, { timeout: 8_000 }).toBe(0);
    const since = (await sql<{ id: number }>`SELECT coalesce(max(id), 0)::int AS id FROM platform.audit_event`.execute(t.database.db)).rows[0]!.id;
    const ids = async (cookie: string) => ((await call('GET', url('/room'), cookie)).json() as RoomView).self!;
    const [a, b] = [seats[0]!.cookie, seats[1]!.cookie];
    const [idA, idB] = [await ids(a), await ids(b)];
    const roomA = await stream(url('/room'), a);
    const roomB = await stream(url('/room'), b);
    await roomA.next<RoomView>('presence', (p) => p.members.filter((m) => m.present).length === 2);
    const watcher = await stream(url('/room'), c.supervisor!);
    const seen = await roomA.next<RoomView>('presence', (p) => p.observers === 1);
    expect(seen.self).toBe(idA);
    expect((await watcher.next<RoomView>('presence')).self).toBeNull();

    const sdp = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n';
    const sent = await call('POST', url('/room/signals'), a, { to: idB, kind: 'offer', sdp });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(await roomB.next('signal')).toEqual({ kind: 'offer', sdp, from: idA });
    const ice = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 };
    expect((await call('POST', url('/room/signals'), b, { to: idA, kind: 'candidate', candidate: ice })).statusCode).toBe(200);
    expect(await roomA.next('signal')).toEqual({ kind: 'candidate', candidate: ice, from: idB });
    expect(roomA.events.filter((e) => e.event === 'signal').length).toBe(1);
    expect(watcher.events.filter((e) => e.event === 'signal')).toEqual([]);

    // To a member not in the room; as an officer; as a member not signed in; as a bidder.
    const rep = ((await call('GET', url('/room'), c.supervisor)).json() as RoomView).members.find((m) => m.role === 'representative')!;
    expect(codeOf(await call('POST', url('/room/signals'), a, { to: rep.id, kind: 'bye' }))).toEqual([409, 'ROOM_PEER_ABSENT']);
    expect((await call('POST', url('/room/signals'), c.staff, { to: idA, kind: 'bye' })).statusCode).toBe(403);
    expect(codeOf(await call('GET', url('/room'), c.tenderer))).toEqual([409, 'EVALUATION_NOT_SIGNED_IN']);
    expect((await call('GET', url('/room'), c.bidder)).statusCode).toBe(403);
    expect(codeOf(await call('GET', url('/room'), c['venue.staff.dalate']))).toEqual([404, 'SECTION_NOT_FOUND']);
    roomB.close();
    await roomA.next<RoomView>('presence', (p) => !p.members.find((m) => m.id === idB)!.present);
    roomA.close();
    watcher.close();

    // Who entered and left the room of this section, as a member or watching; the relayed signals left no trace.
    const supervisorId = ((await call('GET', '/api/v1/me', c.supervisor)).json() as { id: string }).id;
    const trail = async () =>
      (
        await sql<{ action: string; actor_id: string; details: unknown }>`SELECT action, actor_id, details FROM platform.audit_event WHERE id > ${since} AND target_type = 'section' AND target_id = ${sectionId} ORDER BY id`.execute(t.database.db)
      ).rows.map((r) => ({ action: r.action, actor: r.actor_id, ...((typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as { memberId: string | null; watching: boolean; seconds?: number }) }));
    await expect.poll(async () => (await trail()).filter((e) => e.action === 'evaluation.roomLeft').length, { timeout: 8_000 }).toBe(3);
    const entries = await trail();
    expect(entries.map((e) => e.action).sort()).toEqual(['evaluation.roomJoined', 'evaluation.roomJoined', 'evaluation.roomJoined', 'evaluation.roomLeft', 'evaluation.roomLeft', 'evaluation.roomLeft']);
    const joined = entries.filter((e) => e.action === 'evaluation.roomJoined');
    expect(joined.map((e) => [e.memberId, e.watching])).toEqual([[idA, false], [idB, false], [null, true]]);
    expect(joined[2]!.actor).toBe(supervisorId);
    const left = entries.filter((e) => e.action === 'evaluation.roomLeft');
    expect(left.map((e) => e.memberId).sort()).toEqual([idA, idB, null].sort());
    expect(left.every((e) => typeof e.seconds === 'number')).toBe(true);
  });
});
