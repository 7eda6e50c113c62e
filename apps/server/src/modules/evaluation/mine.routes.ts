import { type MyEvaluationItem, myEvaluationItem } from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import { type EvaluationDeps, tables } from './evaluation.deps.ts';

/**
 * The evaluations and prequalification reviews the caller sits in, newest window first: an expert finds the rooms of the committees
 * it was seated on, a tenderer's user those it represents the tenderer in. Only the caller's own
 * memberships; nothing about the others.
 */
export async function myEvaluations(deps: Pick<EvaluationDeps, 'db' | 'clock' | 'sections'>, userId: string): Promise<MyEvaluationItem[]> {
  const { db } = deps;
  const rows = await tables(db)
    .selectFrom('evaluation.member as m')
    .innerJoin('evaluation.evaluation as e', (j) => j.onRef('e.section_id', '=', 'm.section_id').onRef('e.sitting', '=', 'm.sitting'))
    .leftJoin('evaluation.sheet as s', 's.member_id', 'm.id')
    .select(['m.section_id', 'm.sitting', 'm.id', 'm.role', 'm.signed_in_at', 'e.starts_at', 'e.ends_at', 'e.chair_member_id', 'e.summary', 's.submitted_at'])
    .where('m.user_id', '=', userId)
    .orderBy('e.starts_at', 'desc')
    .limit(200)
    .execute();
  const now = deps.clock.now();
  const out: MyEvaluationItem[] = [];
  for (const r of rows) {
    const section = await deps.sections.get(db, r.section_id);
    if (!section) continue;
    const everyone = await tables(db).selectFrom('evaluation.member').select(['signed_in_at']).where('section_id', '=', r.section_id).where('sitting', '=', r.sitting).execute();
    const allIn = everyone.length > 0 && everyone.every((m) => m.signed_in_at !== null);
    out.push({
      sectionId: r.section_id,
      sitting: r.sitting,
      sectionName: section.name,
      sectionCode: section.code,
      state: r.summary !== null ? 'summarised' : allIn ? 'scoring' : 'open',
      window: { startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString(), openNow: now >= r.starts_at && now < r.ends_at },
      role: r.role,
      chair: r.chair_member_id === r.id,
      signedIn: r.signed_in_at !== null,
      submitted: r.submitted_at !== null && r.submitted_at !== undefined,
    });
  }
  return out;
}

export function registerMyEvaluationRoutes(app: AppInstance, deps: Pick<EvaluationDeps, 'db' | 'clock' | 'sections'>) {
  app.get(
    '/api/v1/me/evaluations',
    {
      config: { access: { roles: ['expert', 'tenderer'], scope: { own: 'account' } } },
      schema: { tags: ['evaluation'], summary: 'The evaluations the caller is a member of (expert member or tenderer representative), with its own progress', response: { 200: z.array(myEvaluationItem) } },
    },
    async (request) => myEvaluations(deps, callerOf(request).userId),
  );
}
