// Browser test of the committee's audio/video room (A-157, decision 0027): two members in two Chromium
// pages with fake cameras connect through the platform's signalling and each plays the other's video;
// the region's staff see both online on 评标监控.
import { sql } from 'kysely';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExpertIdNumber } from '../../apps/server/src/demo/demo-experts.ts';
import { apiLogin, CHROMIUM, DEMO_PASSWORD, DEMO_TOTP_SECRET, e2eEnabled, POLL, startE2e, visible, type E2e } from './harness.ts';
import { demoCommitteeSectionId } from '../support/demo-evaluation.ts';

describe.skipIf(!e2eEnabled)('the evaluation video room in the browser', () => {
  let e2e: E2e | undefined;
  let media: Browser | undefined;

  beforeAll(async () => {
    e2e = await startE2e();
    // A browser of its own: fake camera and microphone, permission granted, media played without a click.
    media = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
    });
  }, 120_000);

  afterAll(async () => {
    await media?.close();
    await e2e?.stop();
  });

  /** A context of the media browser (an account logs in once: a TOTP code is good for one use). */
  const mediaContext = async () => {
    const context = await media!.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', baseURL: e2e!.base });
    context.setDefaultTimeout(20_000);
    return context;
  };

  /** The demo's committee accepted, every seat with an account, the evaluation open now; the seated experts' logged-in contexts. */
  async function openEvaluation(sectionId: string, staff: BrowserContext): Promise<BrowserContext[]> {
    const { server } = e2e!;
    const db = server.database.db;
    const seats = (
      await sql<{ seat: number; expert_id: string; name: string; username: string | null }>`SELECT s.seat, s.expert_id, e.name, u.username FROM experts.committee_seat s JOIN experts.expert e ON e.id = s.expert_id LEFT JOIN identity.user_account u ON u.id = e.user_id WHERE s.section_id = ${sectionId} ORDER BY s.seat`.execute(db)
    ).rows;
    const members: BrowserContext[] = [];
    for (const s of seats) {
      let username = s.username;
      if (!username) {
        username = `video.seat${s.seat}`;
        const user = await server.built.identity.services.users.create(
          { username, displayName: s.name, kind: 'expert', regionCode: '150602', categories: [], password: DEMO_PASSWORD, personIdNumber: demoExpertIdNumber(s.name) },
          null,
          { kind: 'system' },
        );
        await sql`UPDATE identity.user_account SET totp_secret = ${DEMO_TOTP_SECRET}, totp_enabled = true WHERE id = ${user.id}`.execute(db);
        const linked = await staff.request.put(`/api/v1/experts/${s.expert_id}/account`, { data: { username } });
        expect(linked.status(), await linked.text()).toBe(200);
      }
      const context = await mediaContext();
      await apiLogin(context.request, username);
      const me = (await (await context.request.get('/api/v1/experts/me')).json()) as { invitations: { id: string; sectionId: string }[] };
      const invitation = me.invitations.find((i) => i.sectionId === sectionId)!;
      const answered = await context.request.post(`/api/v1/expert-invitations/${invitation.id}/answer`, { data: { accept: true, noConflict: true } });
      expect(answered.status(), await answered.text()).toBe(200);
      members.push(context);
    }
    const now = Date.now();
    const opened = await staff.request.post(`/api/v1/sections/${sectionId}/evaluation`, { data: { startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 24 * 3_600_000).toISOString() } });
    expect(opened.status(), await opened.text()).toBe(200);
    // The sign-in (its device and certificate checks) is proven by the integration tests; the room is under test here.
    await sql`UPDATE evaluation.member SET signed_in_at = now(), no_conflict_with = '[]'::jsonb WHERE section_id = ${sectionId} AND role = 'expert'`.execute(db);
    return members;
  }

  async function memberPage(context: BrowserContext, sectionId: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`/sections/${sectionId}/evaluation/video`);
    await visible(page.getByTestId('join-video'));
    await page.getByTestId('join-video').click();
    await visible(page.getByTestId('local-video'));
    return page;
  }

  /** The first remote tile: its size once frames decode, whether it plays, whether its video track is live (run in the page). */
  const REMOTE_VIDEO = `(() => {
    const v = document.querySelector('[data-testid="remote-video"]');
    const track = v && v.srcObject ? v.srcObject.getVideoTracks()[0] : undefined;
    return { width: v ? v.videoWidth : 0, playing: !!v && !v.paused, live: !!track && track.readyState === 'live' };
  })()`;
  const remoteVideo = (page: Page) => page.evaluate<{ width: number; playing: boolean; live: boolean }>(REMOTE_VIDEO);

  it('[A-157] two members in two browsers connect through the platform’s signalling and each sees the other’s video playing', async () => {
    const sectionId = await demoCommitteeSectionId(e2e!.server.database.db);
    const { context: staff, page } = await e2e!.newContext();
    await apiLogin(staff.request, 'staff.dongsheng');
    const [first, second] = await openEvaluation(sectionId, staff);
    const a = await memberPage(first!, sectionId);
    const b = await memberPage(second!, sectionId);
    for (const page of [a, b]) {
      await expect.poll(() => remoteVideo(page), { ...POLL, timeout: 30_000 }).toEqual({ width: expect.any(Number), playing: true, live: true });
      await expect.poll(async () => (await remoteVideo(page)).width, { ...POLL, timeout: 30_000 }).toBeGreaterThan(0);
    }
    // The local camera is this browser's fake device, playing too.
    expect(await a.evaluate<number>(`document.querySelector('[data-testid="local-video"]').videoWidth`)).toBeGreaterThan(0);

    // 评标监控: the region's staff see both members online.
    await page.goto('/staff/evaluation-monitor');
    const card = page.getByTestId('monitor-evaluation').first();
    await visible(card);
    await expect.poll(() => card.getByText('在线', { exact: true }).count(), POLL).toBe(2);

    // One leaves: the other's remote tile goes, and the monitor shows one online.
    await b.getByRole('button', { name: /离\s*开/ }).click();
    await expect.poll(() => a.locator('[data-testid="remote-video"]').count(), POLL).toBe(0);
    await expect.poll(() => card.getByText('在线', { exact: true }).count(), POLL).toBe(1);
    await staff.close();
  }, 180_000);
});
