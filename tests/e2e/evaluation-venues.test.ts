// Browser test of 评标场地 (A-155, decision 0027): staff keep a venue on the page, register this
// browser as its workstation — a P-256 key made by WebCrypto, not extractable, kept in IndexedDB —
// see it listed as this browser's and revoke it; a member then signing in from this browser is refused.
import type { EvaluationVenueView, ExpertSelfView } from '@bidhall/contracts';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoExpertIdNumber } from '../../apps/server/src/demo/demo-experts.ts';
import { demoLogin, type LoginTarget } from '../support/demo-login.ts';
import {
  apiLogin,
  attribute,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  e2eEnabled,
  ShiftedClock,
  text,
  visible,
  useE2e,
} from './harness.ts';
import { demoCommitteeSectionId } from '../support/demo-evaluation.ts';
import { READ_DEVICE } from './workstation-device.ts';

describe.skipIf(!e2eEnabled)('evaluation venues in the browser', () => {
  const clock = new ShiftedClock();

  const e2e = useE2e({ clock });
  /** The demo's committee accepted (every seat with an account) and the evaluation open now, through the API. */
  async function openEvaluation(t: LoginTarget, sectionId: string, staff: string) {
    const { server } = e2e();
    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) => {
      const res = await server.built.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.json() as unknown;
    };
    const seats = (
      await sql<{
        seat: number;
        expert_id: string;
        name: string;
        username: string | null;
      }>`SELECT s.seat, s.expert_id, e.name, u.username FROM experts.committee_seat s JOIN experts.expert e ON e.id = s.expert_id LEFT JOIN identity.user_account u ON u.id = e.user_id WHERE s.section_id = ${sectionId} ORDER BY s.seat`.execute(
        server.database.db,
      )
    ).rows;
    for (const s of seats) {
      let username = s.username;
      if (!username) {
        username = `venues.e2e.seat${s.seat}`;
        const user = await server.built.identity.services.users.create(
          {
            username,
            displayName: s.name,
            kind: 'expert',
            regionCode: '150602',
            categories: [],
            password: DEMO_PASSWORD,
            personIdNumber: demoExpertIdNumber(s.name),
          },
          null,
          { kind: 'system' },
        );
        await sql`UPDATE identity.user_account SET totp_secret = ${DEMO_TOTP_SECRET}, totp_enabled = true WHERE id = ${user.id}`.execute(
          server.database.db,
        );
        await call('PUT', `/api/v1/experts/${s.expert_id}/account`, staff, { username });
      }
      const cookie = await demoLogin(t, username);
      const invitation = ((await call('GET', '/api/v1/experts/me', cookie)) as ExpertSelfView).invitations.find(
        (i) => i.sectionId === sectionId,
      )!;
      await call('POST', `/api/v1/expert-invitations/${invitation.id}/answer`, cookie, { accept: true, noConflict: true });
    }
    const now = clock.now().getTime();
    await call('POST', `/api/v1/sections/${sectionId}/evaluation`, staff, {
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + 24 * 3_600_000).toISOString(),
    });
  }

  it('[A-155] staff register this browser as a workstation of a new venue with a non-extractable WebCrypto key, see it listed and revoke it; a member signing in from it is refused', async () => {
    const { server, dataDir } = e2e();
    const t: LoginTarget = { built: server.built, clock };
    const sectionId = await demoCommitteeSectionId(server.database.db);
    await openEvaluation(t, sectionId, await demoLogin(t, 'staff.dongsheng'));

    // Staff keep a new venue on 评标场地.
    const { context, page } = await e2e().newContext();
    await apiLogin(context.request, 'staff.dongsheng');
    await page.goto('/staff/evaluation-venues');
    await text(page.getByTestId('device-card')).toContain('本机浏览器尚未登记为评标终端');
    await page.getByRole('button', { name: '新增评标场地' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('场地名称').fill('东胜区远程评标主场');
    await form.getByLabel('地址').fill('东胜区天骄路1号');
    await form.getByRole('button', { name: /确\s*定/ }).click();
    const card = page.getByTestId('venue-card').filter({ hasText: '东胜区远程评标主场' });
    await visible(card);

    // This browser registers as its workstation: the key is made here and cannot leave WebCrypto.
    await card.getByRole('button', { name: '将本机登记为评标终端' }).click();
    await page.getByTestId('register-device').click();
    const modal = page.getByRole('dialog');
    await visible(modal.getByText('本机已登记为评标终端', { exact: true }));
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    const device = await page.evaluate<{
      workstationId: string;
      algorithm: { name: string; namedCurve: string };
      extractable: boolean;
      exported: string;
    }>(READ_DEVICE);
    expect(device).toMatchObject({
      algorithm: { name: 'ECDSA', namedCurve: 'P-256' },
      extractable: false,
      exported: 'InvalidAccessError',
    });

    // Listed, marked as this browser, in use; the platform knows the same workstation.
    const row = card.locator('tbody tr', { hasText: '本机' });
    await text(row).toContain('可用');
    await text(page.getByTestId('device-card')).toContain('本机已登记为「东胜区远程评标主场」的评标终端');
    // (The browser's login ended the staff member's earlier session: its own requests from here.)
    const venue = ((await (await context.request.get('/api/v1/evaluation-venues')).json()) as EvaluationVenueView[]).find(
      (v) => v.name === '东胜区远程评标主场',
    )!;
    expect(venue.workstations.map((w) => w.id)).toEqual([device.workstationId]);
    const assigned = await context.request.put(`/api/v1/sections/${sectionId}/evaluation/venues`, {
      data: { mainVenueId: venue.id, secondaryVenueIds: [] },
    });
    expect(assigned.status(), await assigned.text()).toBe(200);

    // Staff revoke it with a reason.
    await row.getByRole('button', { name: /停\s*用/ }).click();
    const revoke = page.getByRole('dialog');
    await revoke.getByPlaceholder('停用原因').fill('终端更换');
    await revoke.getByRole('button', { name: /确\s*定/ }).click();
    await text(row).toContain('已停用');
    await text(page.getByTestId('device-card')).toContain('本机登记的评标终端已被停用');

    // expert.demo signs in from this browser with his certificate: the revoked workstation is refused.
    clock.advance(30_000);
    await apiLogin(context.request, 'expert.demo');
    await page.goto(`/sections/${sectionId}/evaluation`);
    await visible(page.getByTestId('evaluation-sign-in'));
    const demoFile = (kind: 'cert' | 'key') => `${dataDir}/demo-ca/entities/expert.demo.${kind}.pem`;
    await page.getByTestId('sign-in-cert-file').locator('input[type=file]').setInputFiles(demoFile('cert'));
    await page.getByTestId('sign-in-key-file').locator('input[type=file]').setInputFiles(demoFile('key'));
    await attribute(page.getByTestId('sign-in-key-button'), 'data-ready').toBe('true');
    await page.getByTestId('sign-in-identity').click();
    await page.getByTestId('sign-in-no-conflict').click();
    await page.getByTestId('sign-in-submit').click();
    await attribute(page.getByTestId('sign-in-error'), 'data-code').toBe('WORKSTATION_REVOKED');
    const signedIn = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM evaluation.member WHERE section_id = ${sectionId} AND signed_in_at IS NOT NULL`.execute(
      server.database.db,
    );
    expect(signedIn.rows[0]!.n).toBe(0);
    await context.close();
  });
});
