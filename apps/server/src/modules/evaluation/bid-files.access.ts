import type { Sitting } from '@bidhall/contracts';
import type { Clock } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { tables } from './evaluation.deps.ts';

const OFFICERS = new Set(['staff', 'supervisor']);

async function evaluationOf(db: Db, sectionId: string, sitting: Sitting = 'bid') {
  const ev = await tables(db).selectFrom('evaluation.evaluation').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting).executeTakeFirst();
  if (!ev) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the evaluation of this section has not been opened', { reason: 'unopened' });
  return ev;
}

async function memberOf(db: Db, sectionId: string, userId: string, sitting: Sitting = 'bid') {
  return tables(db).selectFrom('evaluation.member').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting).where('user_id', '=', userId).executeTakeFirst();
}

/**
 * A-138 (and A-159 for the applications): the bids' files are for the committee at work only — a member, signed in, inside the window.
 * Officers (who watch) and the tenderer's users who are not members never read them.
 */
export async function readingMember(db: Db, clock: Clock, sectionId: string, caller: Caller, sitting: Sitting = 'bid') {
  const ev = await evaluationOf(db, sectionId, sitting);
  const member = await memberOf(db, sectionId, caller.userId, sitting);
  if (!member) throw new DomainError('EVALUATION_NOT_MEMBER', 'only the members of the evaluation committee read the bids');
  const now = clock.now();
  if (now < ev.starts_at || now >= ev.ends_at) {
    throw new DomainError('EVALUATION_WINDOW_CLOSED', `the bids are read inside the evaluation window, ${ev.starts_at.toISOString()} to ${ev.ends_at.toISOString()}`, {
      startsAt: ev.starts_at.toISOString(),
      endsAt: ev.ends_at.toISOString(),
    });
  }
  if (!member.signed_in_at) throw new DomainError('EVALUATION_NOT_SIGNED_IN', 'sign in to the evaluation first, confirming your identity and no conflict');
  return { ev, member };
}

/** the comparison and the red flags are for the members and the region's officers (staff, supervisors); the route's scope has checked the region. */
export async function committeeOrOfficer(db: Db, sectionId: string, caller: Caller) {
  const ev = await evaluationOf(db, sectionId);
  if (OFFICERS.has(caller.kind)) return { ev, member: null };
  const member = await memberOf(db, sectionId, caller.userId);
  if (!member) throw new DomainError('EVALUATION_NOT_MEMBER', 'only the members of the evaluation committee and the officers see this');
  return { ev, member };
}
