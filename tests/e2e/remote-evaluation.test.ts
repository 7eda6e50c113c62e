// Browser test of 远程异地评标 (task 6; decisions 0024 and 0027) from end to end: another city (包头市)
// joins with its staff, admits two experts of the same specialty and shares one; an Ordos (东胜区)
// section's committee drawn from its own region and Baotou's pool seats the shared Baotou expert beside
// local experts, never the unshared one. Ordos keeps the main venue, Baotou its venue, which Ordos may
// assign as the secondary one only once Baotou shares it. Two Chromium profiles act as the two venues'
// workstations: staff register each with a non-extractable WebCrypto key on 评标场地, then the local
// expert signs in at the main venue and the Baotou expert at the Baotou venue, each with certificate and
// device. Both are in one online room: 评标监控 shows each at its own venue, online, and the two see each
// other's video (fake cameras).
import type {
  CommitteePlanInput,
  CommitteeView,
  EvaluationMonitorView,
  EvaluationVenueView,
  ExpertSelfView,
  SectionVenuesView,
} from '@bidhall/contracts';
import { sql } from 'kysely';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExpertIdNumber } from '../../apps/server/src/demo/demo-experts.ts';
import { demoLogin } from '../support/demo-login.ts';
import { testPersonId } from '../support/person-id.ts';
import { apiLogin, attribute, CHROMIUM, e2eEnabled, POLL, ShiftedClock, text, useE2e, visible } from './harness.ts';
import { READ_DEVICE } from './workstation-device.ts';
import {
  addBaotou,
  createAccount,
  evaluatorCertificates,
  injector,
  readOutSecondSection,
  type CertificateFiles,
} from './remote-evaluation-setup.ts';

const SCREENSHOT = 'docs/screenshots/remote-evaluation-monitor.png';
const SHOT_STYLE = '.app-header { position: static !important; } .ant-message { display: none !important; }';
const MAIN_VENUE = '东胜区远程评标主场';
const BAOTOU_VENUE = '包头市东河区远程评标分场';
const BAOTOU_ADDRESS = '包头市东河区巴彦塔拉大街1号';
const BAOTOU_STAFF = 'remote.staff.baotou';
const BAOTOU_EXPERT = 'remote.expert.baotou';
/** The shared Baotou expert's identity number (its account is bound to the same person). */
const SHARED_PERSON = testPersonId('remote-baotou-shared');

/** The first remote tile: its size once frames decode, whether it plays, whether its video track is live (run in the page). */
const REMOTE_VIDEO = `(() => {
  const v = document.querySelector('[data-testid="remote-video"]');
  const track = v && v.srcObject ? v.srcObject.getVideoTracks()[0] : undefined;
  return { width: v ? v.videoWidth : 0, playing: !!v && !v.paused, live: !!track && track.readyState === 'live' };
})()`;

interface Machine {
  context: BrowserContext;
  page: Page;
}

describe.skipIf(!e2eEnabled)('remote cross-region evaluation in the browser', () => {
  const clock = new ShiftedClock();
  const e2e = useE2e({ clock });
  let media: Browser | undefined;

  beforeAll(async () => {
    // The workstations' browser: fake camera and microphone, permission granted, media played without a click.
    media = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await media?.close();
  });

  /** A workstation: a browser profile of its own (its own IndexedDB, so its own device key). */
  const machine = async (): Promise<Machine> => {
    const context = await media!.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', baseURL: e2e().base });
    context.setDefaultTimeout(20_000);
    return { context, page: await context.newPage() };
  };
  /** Logs the context in; the server's clock moves past the TOTP step the account may have used last. */
  const browserLogin = async (context: BrowserContext, username: string) => {
    clock.advance(30_000);
    await apiLogin(context.request, username);
  };
  const remoteVideo = (page: Page) => page.evaluate<{ width: number; playing: boolean; live: boolean }>(REMOTE_VIDEO);

  it('[task-6] a committee drawn from Ordos’s pool and Baotou’s shared pool evaluates in one online room from a main venue in Ordos and a shared Baotou venue: each member signs in at a registered workstation of their own venue, the monitor shows both online where they are, and they see each other’s video', async () => {
    const { server, dataDir } = e2e();
    const db = server.database.db;
    const t = { built: server.built, clock };
    const call = injector(server);

    // 1. Another city joins: Baotou's staff admit two water experts; one goes into the shared pool.
    await addBaotou(server);
    await createAccount(server, {
      username: BAOTOU_STAFF,
      displayName: '包头市东河区分中心 王晓燕',
      kind: 'staff',
      regionCode: '150202',
      personIdNumber: testPersonId(BAOTOU_STAFF),
    });
    const baotouStaff = await demoLogin(t, BAOTOU_STAFF);
    const ordosStaff = await demoLogin(t, 'staff.dongsheng');
    const admit = async (name: string, idNumber: string, phone: string) => {
      const made = await call<{ id: string }>(
        'POST',
        '/api/v1/experts',
        baotouStaff,
        {
          name,
          idNumber,
          phone,
          employer: { name: `包头市${name}水利勘测设计院` },
          title: '高级工程师',
          level: 'senior',
          regionCode: '150202',
          specialties: ['A04'],
          conflicts: { employers: [], relativesEmployers: [] },
          reason: '包头市交易中心推荐入库',
        },
        201,
      );
      await call('POST', `/api/v1/experts/${made.body.id}/decisions`, baotouStaff, {
        decision: 'admit',
        reason: '资格审核通过，准予入库',
      });
      return made.body.id;
    };
    const sharedId = await admit('其木格', SHARED_PERSON, '13947720001');
    const unsharedId = await admit('巴特尔', testPersonId('remote-baotou-unshared'), '13947720002');
    const shared = await call<{ shared: boolean }>('PUT', `/api/v1/experts/${sharedId}/sharing`, baotouStaff, {
      shared: true,
      reason: '纳入跨城市共享评标专家库',
    });
    expect(shared.body.shared).toBe(true);
    // Ordos's staff keep their own pool: Baotou's experts are not theirs to read.
    await call('GET', `/api/v1/experts/${sharedId}`, ordosStaff, undefined, 404);

    // 2. The Ordos section (the demo's section 二, read out now) draws from 东胜区 and Baotou: its A04
    // seat can only be the shared Baotou expert, the unshared one being of another city.
    const sectionId = await readOutSecondSection(server, clock, dataDir);
    const tenderer = await demoLogin(t, 'tenderer.demo');
    const plan: CommitteePlanInput = {
      size: 5,
      tendererRepresentatives: 1,
      specialties: [
        { code: 'A01', count: 3 },
        { code: 'A04', count: 1 },
      ],
      levels: ['senior', 'professorSenior'],
      regionCodes: ['150602', '150202'],
      mandatory: true,
      waterProject: false,
      evaluationStartsAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
      venue: `${MAIN_VENUE}（主场）、${BAOTOU_VENUE}（副场）`,
      answerWithinMinutes: 60,
      avoidUnits: [],
    };
    await call('PUT', `/api/v1/sections/${sectionId}/committee/plan`, tenderer, plan);
    const drawn = (
      await call<CommitteeView>('POST', `/api/v1/sections/${sectionId}/committee/draws`, ordosStaff, {
        reason: '远程异地评标：抽取本地专家及包头市共享专家',
      })
    ).body;
    expect(drawn.draws.map((d) => [d.specialty, d.count, d.state])).toEqual([
      ['A01', 3, 'performed'],
      ['A04', 1, 'performed'],
    ]);
    // Of Baotou's two A04 experts only the shared one was eligible.
    expect(drawn.draws[1]!.eligible).toBe(1);
    const seats = (
      await sql<{ seat: number; specialty: string; expert_id: string; name: string; region_code: string }>`
        SELECT s.seat, s.specialty, s.expert_id, e.name, e.region_code FROM experts.committee_seat s JOIN experts.expert e ON e.id = s.expert_id
        WHERE s.section_id = ${sectionId} AND s.sitting = 'bid' ORDER BY s.seat`.execute(db)
    ).rows;
    expect(seats.map((s) => [s.seat, s.specialty, s.region_code])).toEqual([
      [1, 'A01', '150602'],
      [2, 'A01', '150602'],
      [3, 'A01', '150602'],
      [4, 'A04', '150202'],
    ]);
    expect(seats[3]!.expert_id).toBe(sharedId);
    expect(seats.map((s) => s.expert_id)).not.toContain(unsharedId);

    // Every seat's expert gets an account, linked by the staff of the expert's own city, and accepts.
    const cookies = new Map<number, string>();
    for (const s of seats) {
      const baotou = s.region_code === '150202';
      const username = baotou ? BAOTOU_EXPERT : `remote.seat${s.seat}`;
      await createAccount(server, {
        username,
        displayName: s.name,
        kind: 'expert',
        regionCode: s.region_code,
        personIdNumber: baotou ? SHARED_PERSON : demoExpertIdNumber(s.name),
      });
      await call('PUT', `/api/v1/experts/${s.expert_id}/account`, baotou ? baotouStaff : ordosStaff, { username });
      const cookie = await demoLogin(t, username);
      const invitation = (await call<ExpertSelfView>('GET', '/api/v1/experts/me', cookie)).body.invitations.find(
        (i) => i.sectionId === sectionId,
      )!;
      await call('POST', `/api/v1/expert-invitations/${invitation.id}/answer`, cookie, { accept: true, noConflict: true });
      cookies.set(s.seat, cookie);
    }
    // The two who will sign in in the browser hold personal certificates (decision 0026).
    const certificates = await evaluatorCertificates(server, clock, dataDir);
    const local = {
      name: seats[0]!.name,
      username: 'remote.seat1',
      files: await certificates.bind(cookies.get(1)!, seats[0]!.name, 'local'),
    };
    const remote = {
      name: seats[3]!.name,
      username: BAOTOU_EXPERT,
      files: await certificates.bind(cookies.get(4)!, seats[3]!.name, 'baotou'),
    };
    const now = clock.now().getTime();
    await call('POST', `/api/v1/sections/${sectionId}/evaluation`, ordosStaff, {
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + 24 * 3_600_000).toISOString(),
    });

    // 3. The venues: Ordos's main venue; Baotou's, assignable to the Ordos section only once Baotou shares it.
    const main = (
      await call<EvaluationVenueView>(
        'POST',
        '/api/v1/evaluation-venues',
        ordosStaff,
        { regionCode: '150602', name: MAIN_VENUE, address: '东胜区天骄路1号', kind: 'main', shared: false },
        201,
      )
    ).body;
    const baotouVenue = (
      await call<EvaluationVenueView>(
        'POST',
        '/api/v1/evaluation-venues',
        baotouStaff,
        { regionCode: '150202', name: BAOTOU_VENUE, address: BAOTOU_ADDRESS, kind: 'secondary', shared: false },
        201,
      )
    ).body;
    const venuesUrl = `/api/v1/sections/${sectionId}/evaluation/venues`;
    const assignment = { mainVenueId: main.id, secondaryVenueIds: [baotouVenue.id] };
    const refused = await call<{ code: string; details: { reason: string } }>('PUT', venuesUrl, ordosStaff, assignment, 422);
    expect([refused.body.code, refused.body.details.reason]).toEqual(['VENUE_NOT_ASSIGNABLE', 'scope']);
    await call('PUT', `/api/v1/evaluation-venues/${baotouVenue.id}`, baotouStaff, {
      regionCode: '150202',
      name: BAOTOU_VENUE,
      address: BAOTOU_ADDRESS,
      kind: 'secondary',
      shared: true,
    });
    const assigned = (await call<SectionVenuesView>('PUT', venuesUrl, ordosStaff, assignment, 200)).body;
    expect(assigned).toMatchObject({
      main: { id: main.id, regionCode: '150602' },
      secondary: [{ id: baotouVenue.id, regionCode: '150202', shared: true }],
    });

    // 4. Two machines, one at each venue: the venue's staff register it on 评标场地 (a key made there, not extractable).
    async function registerWorkstation({ context, page }: Machine, staff: string, venue: EvaluationVenueView) {
      await browserLogin(context, staff);
      await page.goto('/staff/evaluation-venues');
      await text(page.getByTestId('device-card')).toContain('本机浏览器尚未登记为评标终端');
      await page.getByTestId(`register-${venue.id}`).click();
      await page.getByTestId('register-device').click();
      const modal = page.getByRole('dialog');
      await visible(modal.getByText('本机已登记为评标终端', { exact: true }));
      await modal.getByRole('button', { name: /确\s*定/ }).click();
      await text(page.getByTestId('device-card')).toContain(`本机已登记为「${venue.name}」的评标终端`);
      const device = await page.evaluate<{ workstationId: string; extractable: boolean; exported: string }>(READ_DEVICE);
      expect(device).toMatchObject({ extractable: false, exported: 'InvalidAccessError' });
      const listed = ((await (await context.request.get('/api/v1/evaluation-venues')).json()) as EvaluationVenueView[]).find(
        (v) => v.id === venue.id,
      )!;
      expect(listed.workstations.map((w) => w.id)).toEqual([device.workstationId]);
      return listed.workstations[0]!;
    }
    const ordosMachine = await machine();
    const baotouMachine = await machine();
    const ordosStation = await registerWorkstation(ordosMachine, 'staff.dongsheng', main);
    const baotouStation = await registerWorkstation(baotouMachine, BAOTOU_STAFF, baotouVenue);

    // Each expert signs in at their venue's machine, with certificate and key files and the machine's key.
    async function signIn({ context, page }: Machine, member: { username: string; files: CertificateFiles }, label: string) {
      await browserLogin(context, member.username);
      await page.goto(`/sections/${sectionId}/evaluation`);
      await visible(page.getByTestId('evaluation-sign-in'));
      await text(page.getByTestId('evaluation-sign-in')).toContain(`本机为评标终端：${label}`);
      await page.getByTestId('sign-in-cert-file').locator('input[type=file]').setInputFiles(member.files.certFile);
      await page.getByTestId('sign-in-key-file').locator('input[type=file]').setInputFiles(member.files.keyFile);
      await attribute(page.getByTestId('sign-in-key-button'), 'data-ready').toBe('true');
      await page.getByTestId('sign-in-identity').click();
      await page.getByTestId('sign-in-no-conflict').click();
      await page.getByTestId('sign-in-submit').click();
      await visible(page.getByTestId('scoring-workspace').or(page.getByTestId('sign-in-error')));
      const refusal = page.getByTestId('sign-in-error');
      if (await refusal.count())
        throw new Error(`sign-in refused: ${await refusal.getAttribute('data-code')} ${await refusal.innerText()}`);
      await visible(page.getByTestId('scoring-workspace'));
    }
    await signIn(ordosMachine, local, ordosStation.label);
    await signIn(baotouMachine, remote, baotouStation.label);

    // 5. One online room: both join the audio/video room and each sees the other's camera.
    for (const { page } of [ordosMachine, baotouMachine]) {
      await page.goto(`/sections/${sectionId}/evaluation/video`);
      await page.getByTestId('join-video').click();
      await visible(page.getByTestId('local-video'));
    }
    for (const { page } of [ordosMachine, baotouMachine]) {
      await expect
        .poll(() => remoteVideo(page), { ...POLL, timeout: 30_000 })
        .toEqual({ width: expect.any(Number), playing: true, live: true });
      await expect.poll(async () => (await remoteVideo(page)).width, { ...POLL, timeout: 30_000 }).toBeGreaterThan(0);
    }

    // 评标监控 (Ordos's staff): the evaluation with both venues, each member signed in at their own venue's workstation, online.
    const { context: officer, page } = await e2e().newContext();
    await browserLogin(officer, 'staff.dongsheng');
    const view = (await (await officer.request.get('/api/v1/evaluation-monitor')).json()) as EvaluationMonitorView;
    const ours = view.evaluations.find((e) => e.sectionId === sectionId && e.sitting === 'bid')!;
    expect(ours.venues.map((v) => [v.id, v.regionCode, v.role])).toEqual([
      [main.id, '150602', 'main'],
      [baotouVenue.id, '150202', 'secondary'],
    ]);
    const member = (name: string) => ours.members.find((m) => m.name === name)!;
    expect(member(local.name)).toMatchObject({
      role: 'expert',
      seat: 1,
      venueId: main.id,
      workstationId: ordosStation.id,
      present: true,
      signedInAt: expect.any(String),
    });
    expect(member(remote.name)).toMatchObject({
      role: 'expert',
      seat: 4,
      venueId: baotouVenue.id,
      workstationId: baotouStation.id,
      present: true,
      signedInAt: expect.any(String),
    });
    expect(
      ours.members
        .filter((m) => m.signedInAt)
        .map((m) => m.name)
        .sort(),
    ).toEqual([local.name, remote.name].sort());

    await page.goto('/staff/evaluation-monitor');
    const card = page.getByTestId('monitor-evaluation').filter({ hasText: BAOTOU_VENUE });
    await visible(card);
    const row = (name: string) => card.locator('tbody tr', { has: page.getByTestId(`presence-${member(name).id}`) });
    await text(row(local.name)).toContain('在线');
    await text(row(local.name)).toContain(`${MAIN_VENUE} · ${ordosStation.label}`);
    await text(row(remote.name)).toContain('在线');
    await text(row(remote.name)).toContain(`${BAOTOU_VENUE} · ${baotouStation.label}`);
    // Each venue's card shows its workstation taken by its member.
    await text(card).toContain(`${ordosStation.label} · ${local.name}`);
    await text(card).toContain(`${baotouStation.label} · ${remote.name}`);
    await page.screenshot({ path: SCREENSHOT, fullPage: true, style: SHOT_STYLE });

    for (const c of [officer, ordosMachine.context, baotouMachine.context]) await c.close();
  }, 180_000);
});
