import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { creditCodeCheckChar, INTEGRITY_COMMITMENT, USER_AGREEMENT, type EntityRole } from '@bidhall/contracts';
import { parseCertificate, sha256, toHex } from '@bidhall/crypto';
import type { BuiltApp } from '../app.ts';
import type { Db } from '../platform/db/database.ts';
import { systemActor } from '../platform/audit/audit-trail.ts';
import { DomainError } from '../platform/errors/domain-error.ts';
import { writeDemoCa, type DemoPkiEntity } from './demo-ca.ts';
import { bindDemoPersonalCertificates, DEMO_PERSONS } from './demo-personal-certificates.ts';

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
  { username: 'bidder3.demo', displayName: '赵敏', name: '伊金霍洛旗示范市政工程有限公司', org: 'MA0N00066', region: '150627', roles: ['bidder'], commitment: true },
  { username: 'bidder4.demo', displayName: '孙强', name: '东胜区示范公路工程有限公司', org: 'MA0N00077', region: '150602', roles: ['bidder'], commitment: true },
  { username: 'guarantor.demo', displayName: '陈静', name: '鄂尔多斯市示范融资担保有限公司', org: 'MA0N00055', region: '150600', roles: ['guarantor'], commitment: true },
];

/** The demo bidders that signed the integrity commitment, in the order they bid (bidder2.demo has not: it cannot bid). */
export const DEMO_BIDDERS: readonly string[] = DEMO_ENTITIES.filter((e) => e.roles.includes('bidder') && e.commitment).map((e) => e.username);

export function demoCreditCode(e: Pick<DemoEntity, 'region' | 'org'>): string {
  return creditCode(e.region, e.org);
}

/** The demo entities as their certificates name them (for `bidhall demo-ca`). */
export function demoPkiEntities(): DemoPkiEntity[] {
  return DEMO_ENTITIES.map((e) => ({ username: e.username, name: e.name, creditCode: demoCreditCode(e) }));
}

/** Demo certificate files bound at start: each entity's own, and bidder.demo's second one (expiring soon, A-13). */
const BOUND_DEMO_CERTIFICATES = [...DEMO_ENTITIES.map((e) => ({ file: e.username, username: e.username })), { file: 'bidder.demo.expiring', username: 'bidder.demo' }];

/**
 * Platform accounts of the demo, each bound to a fictional person (identity numbers valid in form
 * only). The two security administrators are bootstrapped; every other account is proposed by
 * security.a and approved by security.b, as dual control asks (decision 0012).
 */
export const DEMO_STAFF = [
  { username: 'security.a', displayName: '安全管理员 林岚', kind: 'securityAdmin', regionCode: '150600', personIdNumber: '150602198503140713' },
  { username: 'security.b', displayName: '安全管理员 何川', kind: 'securityAdmin', regionCode: '150600', personIdNumber: '150602198807220528' },
  { username: 'admin', displayName: '系统管理员', kind: 'admin', regionCode: '150600', personIdNumber: '150602197906050339' },
  { username: 'staff.city', displayName: '市交易中心 赵敏', kind: 'staff', regionCode: '150600', personIdNumber: '150602199001020150' },
  { username: 'staff.dongsheng', displayName: '东胜区分中心 孙磊', kind: 'staff', regionCode: '150602', personIdNumber: '150602198704170361' },
  { username: 'supervisor.works', displayName: '市住建局 周强', kind: 'supervisor', regionCode: '150600', department: '鄂尔多斯市住房和城乡建设局', categories: ['works'], personIdNumber: '150602197608290473' },
  { username: 'auditor', displayName: '安全审计员 吴琳', kind: 'auditor', regionCode: '150600', personIdNumber: '150602198309110246' },
  { username: 'expert.demo', displayName: '评标专家 郑涛', kind: 'expert', regionCode: '150600', personIdNumber: '150602196801250583' },
] as const;

/** A platform account the demo grants (staff, supervisors, experts): what DEMO_STAFF lists. */
export interface DemoAccount {
  username: string;
  displayName: string;
  kind: (typeof DEMO_STAFF)[number]['kind'];
  regionCode: string;
  personIdNumber: string;
  department?: string;
  categories?: readonly string[];
}

export interface DemoDataOptions {
  /**
   * Where the demo PKI lives (`<dir>/entities/<username>.cert.pem|.key.pem`). With it and a trust
   * folder configured, an empty trust folder gets the demo CAs and the demo entities' certificates are
   * bound; without it, no certificate is made.
   */
  demoCaDir?: string;
  /** The instant the demo certificates are issued at (default: now). */
  now?: Date;
  /** Told about a demo certificate that could not be bound (e.g. expired), with the refusal's code. */
  onSkipped?: (file: string, code: string) => void;
  /** The demo CAs' OCSP responders, named in their certificates: `<PUBLIC_BASE_URL>/sandbox/ocsp` (demo-ocsp.ts). */
  ocspBaseUrl?: string;
}

/**
 * Loads the demo data set through the same services a user goes through; run it as often as you
 * like, it only adds what is missing.
 */
export async function loadDemoData(built: BuiltApp, db: Db, options: DemoDataOptions = {}) {
  const { registration } = built.identity.services;
  const existing = new Set((await db.selectFrom('identity.user_account').select('username').execute()).map((u) => u.username as string));
  let created = 0;

  for (const s of DEMO_STAFF) {
    if (existing.has(s.username)) continue;
    const userId = await grantDemoAccount(built, db, s);
    if (!userId) continue;
    // Demo staff share one documented TOTP secret so the demo can be tried without enrolment.
    if (s.kind !== 'expert') {
      await db.updateTable('identity.user_account').set({ totp_secret: DEMO_TOTP_SECRET, totp_enabled: true }).where('id', '=', userId).execute();
    }
    created++;
  }

  for (const e of DEMO_ENTITIES) {
    if (existing.has(e.username)) continue;
    await registration.register(
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
    created++;
  }
  created += await loadDemoCertificates(built, db, options);
  const reminders = await built.identity.services.remindExpiringCertificates();
  return { created, reminders };
}

/**
 * A security administrator is bootstrapped (skipped when the platform already has two); any other
 * account is proposed by security.a and, when privileged, approved by security.b. Returns its id.
 */
export async function grantDemoAccount(built: BuiltApp, db: Db, s: DemoAccount): Promise<string | null> {
  const { grants, bootstrapSecurityAdmin } = built.identity.services;
  if (s.kind === 'securityAdmin') {
    try {
      const user = await bootstrapSecurityAdmin({ ...s, password: DEMO_PASSWORD }, systemActor);
      return user.id;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'BOOTSTRAP_CLOSED') return null;
      throw err;
    }
  }
  const officers = await db
    .selectFrom('identity.user_account')
    .select(['id', 'username'])
    .where('username', 'in', ['security.a', 'security.b'])
    .where('status', '=', 'active')
    .execute();
  const actorOf = (username: string) => {
    const officer = officers.find((o) => o.username === username);
    if (!officer) throw new Error(`the demo grants accounts through ${username}, which is missing or disabled`);
    return { id: officer.id as string, actor: { kind: 'user' as const, id: officer.id as string, label: `${username} (securityAdmin)` } };
  };
  const proposer = actorOf('security.a');
  const grant = await grants.propose(
    {
      action: 'create',
      username: s.username,
      displayName: s.displayName,
      kind: s.kind,
      regionCode: s.regionCode,
      department: s.department,
      categories: [...(s.categories ?? [])],
      personIdNumber: s.personIdNumber,
      password: DEMO_PASSWORD,
      reason: '演示数据',
    },
    proposer.id,
    proposer.actor,
  );
  if (grant.status === 'approved') return grant.userId;
  const approver = actorOf('security.b');
  return (await grants.approve(grant.id, approver.id, null, approver.actor)).userId;
}

/**
 * Makes the demo PKI when the trust folder is empty (the same code as `bidhall demo-ca`), then binds
 * each demo entity's certificate through the binding service, as the entity would. Returns how many
 * certificates were bound.
 */
async function loadDemoCertificates(built: BuiltApp, db: Db, options: DemoDataOptions): Promise<number> {
  const trust = built.identity.trust;
  if (!options.demoCaDir || !trust.dir) return 0;
  if (await trust.folderIsEmpty()) {
    await writeDemoCa({
      outDir: options.demoCaDir,
      trustDir: trust.dir,
      now: options.now ?? new Date(),
      entities: demoPkiEntities(),
      persons: DEMO_PERSONS,
      ...(options.ocspBaseUrl ? { ocspBaseUrl: options.ocspBaseUrl } : {}),
    });
    await trust.reload();
  }
  let bound = 0;
  for (const { file, username } of BOUND_DEMO_CERTIFICATES) {
    let pem: string;
    try {
      pem = await readFile(join(options.demoCaDir, 'entities', `${file}.cert.pem`), 'utf8');
    } catch {
      continue;
    }
    const fingerprint = toHex(sha256(parseCertificate(pem).der));
    const already = await db
      .selectFrom('identity.certificate')
      .select('id')
      .where('fingerprint_sha256', '=', fingerprint)
      .where('unbound_at', 'is', null)
      .executeTakeFirst();
    if (already) continue;
    const user = await db.selectFrom('identity.user_account').select(['id', 'entity_id']).where('username', '=', username).executeTakeFirst();
    if (!user?.entity_id) continue;
    try {
      await built.identity.services.certificates.bind({ userId: user.id as string, entityId: user.entity_id as string }, pem, systemActor);
      bound++;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      options.onSkipped?.(file, err.code);
    }
  }
  bound += await bindDemoPersonalCertificates(built, db, { demoCaDir: options.demoCaDir, ...(options.onSkipped ? { onSkipped: options.onSkipped } : {}) });
  return bound;
}
