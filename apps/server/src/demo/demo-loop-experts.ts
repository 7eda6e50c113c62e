import type { BuiltApp } from '../app.ts';
import type { Db } from '../platform/db/database.ts';
import { grantDemoAccount } from './demo-data.ts';
import { application, callerOf, demoIdNumber } from './demo-experts.ts';
import { bindDemoPersonalCertificates, LOOP_EXPERTS } from './demo-personal-certificates.ts';

/** Identity numbers of the loop's experts: past the pool's seeds (0–13) and applicants (40–41). */
const idOf = (i: number) => demoIdNumber(60 + i);

/**
 * The whole loop's committees (demo-loop.ts) are drawn from five road experts: each gets an account
 * granted like any expert's, is nominated and admitted by 东胜区's staff, linked to the account and
 * binds the personal certificate the demo PKI made for it.
 */
export async function admitLoopExperts(built: BuiltApp, db: Db, demoCaDir: string): Promise<void> {
  const staff = await callerOf(built, db, 'staff.dongsheng');
  for (const [i, p] of LOOP_EXPERTS.entries()) {
    await grantDemoAccount(built, db, {
      username: p.username,
      displayName: `评标专家 ${p.name}`,
      kind: 'expert',
      regionCode: '150602',
      personIdNumber: idOf(i),
    });
    const made = await built.experts.pool.nominate(
      {
        ...application({ name: p.name, specialties: ['A03'], title: '正高级工程师', level: 'professorSenior' }, 60 + i),
        idNumber: idOf(i),
        reason: '公路工程专业人才引进入库',
      },
      staff,
    );
    await built.experts.pool.decide(made.id, { decision: 'admit', reason: '资格审核通过，准予入库' }, staff);
    await built.experts.pool.linkAccount(made.id, { username: p.username }, staff);
  }
  await bindDemoPersonalCertificates(built, db, { demoCaDir });
}
