import { randomUUID, createHash } from 'node:crypto';
import { creditCodeCheckChar, INTEGRITY_COMMITMENT, USER_AGREEMENT, type EntityRole } from '@bidhall/contracts';
import type { BuiltApp } from '../app.ts';
import type { Db } from '../platform/db/database.ts';
import { systemActor } from '../platform/audit/audit-trail.ts';

/** Documented in the README; for the demo only. */
export const DEMO_PASSWORD = 'Bidhall2026';
export const DEMO_TOTP_SECRET = 'BIDHALLDEMOTOTPSECRETFORDEMOONLY';

function creditCode(region: string, org: string): string {
  const first17 = `91${region}${org}`;
  return first17 + creditCodeCheckChar(first17);
}

interface DemoEntity {
  username: string;
  displayName: string;
  name: string;
  org: string;
  region: string;
  roles: EntityRole[];
  commitment: boolean;
}

export const DEMO_ENTITIES: DemoEntity[] = [
  { username: 'tenderer.demo', displayName: '王建国', name: '鄂尔多斯市示范城建投资有限公司', org: 'MA0N00011', region: '150600', roles: ['tenderer'], commitment: true },
  { username: 'agency.demo', displayName: '李晓梅', name: '内蒙古示范招标代理有限公司', org: 'MA0N00022', region: '150602', roles: ['agency'], commitment: true },
  { username: 'bidder.demo', displayName: '张伟', name: '鄂尔多斯市示范建筑工程有限公司', org: 'MA0N00033', region: '150627', roles: ['bidder'], commitment: true },
  { username: 'bidder2.demo', displayName: '刘芳', name: '东胜区示范路桥建设有限公司', org: 'MA0N00044', region: '150602', roles: ['bidder'], commitment: false },
  { username: 'guarantor.demo', displayName: '陈静', name: '鄂尔多斯市示范融资担保有限公司', org: 'MA0N00055', region: '150600', roles: ['guarantor'], commitment: true },
];

export const DEMO_STAFF = [
  { username: 'admin', displayName: '系统管理员', kind: 'admin', regionCode: '150600' },
  { username: 'staff.city', displayName: '市交易中心 赵敏', kind: 'staff', regionCode: '150600' },
  { username: 'staff.dongsheng', displayName: '东胜区分中心 孙磊', kind: 'staff', regionCode: '150602' },
  { username: 'supervisor.works', displayName: '市住建局 周强', kind: 'supervisor', regionCode: '150600', department: '鄂尔多斯市住房和城乡建设局', categories: ['works'] },
  { username: 'auditor', displayName: '安全审计员 吴琳', kind: 'auditor', regionCode: '150600' },
  { username: 'expert.demo', displayName: '评标专家 郑涛', kind: 'expert', regionCode: '150600' },
] as const;

/**
 * Loads the demo data set through the same services a user goes through; run it as often as you
 * like, it only adds what is missing.
 */
export async function loadDemoData(built: BuiltApp, db: Db) {
  const { users, registration } = built.identity.services;
  const existing = new Set((await db.selectFrom('identity.user_account').select('username').execute()).map((u) => u.username as string));
  let created = 0;

  for (const s of DEMO_STAFF) {
    if (existing.has(s.username)) continue;
    const user = await users.create(
      {
        username: s.username,
        displayName: s.displayName,
        kind: s.kind,
        regionCode: s.regionCode,
        department: 'department' in s ? s.department : undefined,
        categories: 'categories' in s ? [...s.categories] : [],
        password: DEMO_PASSWORD,
      },
      null,
      systemActor,
    );
    // Demo staff share one documented TOTP secret so the demo can be tried without enrolment.
    if (s.kind !== 'expert') {
      await db.updateTable('identity.user_account').set({ totp_secret: DEMO_TOTP_SECRET, totp_enabled: true }).where('id', '=', user.id).execute();
    }
    created++;
  }

  for (const e of DEMO_ENTITIES) {
    if (existing.has(e.username)) continue;
    const result = await registration.register(
      {
        agreement: { version: USER_AGREEMENT.version, accepted: true },
        entity: {
          name: e.name,
          creditCode: creditCode(e.region, e.org),
          roles: e.roles,
          regionCode: e.region,
          legalRepresentative: e.displayName,
          contactName: e.displayName,
          contactPhone: '13800000000',
          contactEmail: `${e.username.replace('.demo', '')}@example.cn`,
          address: '内蒙古自治区鄂尔多斯市康巴什区示范路1号',
        },
        account: { username: e.username, displayName: e.displayName, password: DEMO_PASSWORD },
        commitment: { version: INTEGRITY_COMMITMENT.version, accepted: e.commitment },
        draft: false,
      },
      systemActor,
    );
    if (e.username === 'bidder.demo') await addDemoCertificate(db, result.entity.id, result.userId, e.name);
    created++;
  }
  const reminders = await built.identity.services.remindExpiringCertificates();
  return { created, reminders };
}

/** Certificate metadata only; real demo certificates come from `bidhall demo-ca` (trust issue). */
async function addDemoCertificate(db: Db, entityId: string, userId: string, name: string) {
  const now = new Date();
  const serial = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
  await db
    .insertInto('identity.certificate')
    .values({
      id: randomUUID(),
      entity_id: entityId,
      fingerprint_sha256: createHash('sha256').update(`demo:${entityId}:${serial}`).digest('hex'),
      serial_number: serial,
      issuer: '示范数字认证中心 (demo)',
      subject_name: name,
      not_before: new Date(now.getTime() - 335 * 86_400_000),
      not_after: new Date(now.getTime() + 20 * 86_400_000),
      bound_at: now,
      bound_by: userId,
    })
    .execute();
}
