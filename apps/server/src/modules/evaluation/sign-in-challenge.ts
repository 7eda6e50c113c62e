import { randomBytes } from 'node:crypto';
import type { EvaluationSignInChallenge, Sitting } from '@bidhall/contracts';
import { evaluationSignInChallenge } from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { EvaluationDeps } from './evaluation.deps.ts';
import { venueTables } from './venues/venue.tables.ts';
import type { EvaluationSitting } from './sitting.ts';

/** A sign-in nonce lives two minutes: long enough to sign, too short to keep for later. */
export const CHALLENGE_TTL_MS = 120_000;

/**
 * The evaluation sign-in's challenge: a fresh nonce for this member and this section, single use
 * and short-lived, that the workstation (and the member's certificate) sign. Issued only to a member,
 * inside the window.
 */
export function createSignInChallenges(deps: Pick<EvaluationDeps, 'db' | 'clock'>, sitting: Sitting) {
  const { db, clock } = deps;

  async function issue(sectionId: string, userId: string): Promise<EvaluationSignInChallenge> {
    const ev = await venueTables(db).selectFrom('evaluation.evaluation').select(['starts_at', 'ends_at']).where('section_id', '=', sectionId).where('sitting', '=', sitting).executeTakeFirst();
    if (!ev) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the evaluation of this section has not been opened', { reason: 'unopened' });
    const member = await venueTables(db).selectFrom('evaluation.member').select('id').where('section_id', '=', sectionId).where('sitting', '=', sitting).where('user_id', '=', userId).executeTakeFirst();
    if (!member) throw new DomainError('EVALUATION_NOT_MEMBER', 'you are not a member of this evaluation committee');
    const now = clock.now();
    if (now < ev.starts_at || now >= ev.ends_at) {
      throw new DomainError('EVALUATION_WINDOW_CLOSED', `the evaluation window is ${ev.starts_at.toISOString()} to ${ev.ends_at.toISOString()}`, { startsAt: ev.starts_at.toISOString(), endsAt: ev.ends_at.toISOString() });
    }
    const nonce = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
    await db.transaction().execute(async (trx) => {
      // Old nonces go as new ones come: the table holds only the live ones and a few minutes of used ones.
      await venueTables(trx).deleteFrom('evaluation.sign_in_challenge').where('expires_at', '<', new Date(now.getTime() - CHALLENGE_TTL_MS)).execute();
      await venueTables(trx).insertInto('evaluation.sign_in_challenge').values({ nonce, section_id: sectionId, sitting, user_id: userId, issued_at: now, expires_at: expiresAt, used_at: null }).execute();
    });
    return { nonce, expiresAt: expiresAt.toISOString() };
  }

  return { issue };
}

/**
 * Takes the nonce for this sign-in: it must be this member's for this section, unused and unexpired.
 * Call it once per sign-in (the device check does); a check that runs after it in the same sign-in
 * trusts the nonce it was handed. A refused sign-in rolls the use back with its transaction.
 */
export async function consumeSignInChallenge(trx: Db, now: Date, args: { sectionId: string; sitting: Sitting; userId: string; nonce: string }): Promise<void> {
  const c = await venueTables(trx).selectFrom('evaluation.sign_in_challenge').selectAll().where('nonce', '=', args.nonce).forUpdate().executeTakeFirst();
  if (!c || c.section_id !== args.sectionId || c.sitting !== args.sitting || c.user_id !== args.userId) throw new DomainError('CHALLENGE_UNKNOWN', 'no such sign-in challenge for you: ask for a new one');
  if (c.used_at) throw new DomainError('CHALLENGE_USED', 'this sign-in challenge was used already: ask for a new one');
  if (c.expires_at <= now) throw new DomainError('CHALLENGE_EXPIRED', 'the sign-in challenge expired; ask for a new one', { expiresAt: c.expires_at.toISOString() });
  await venueTables(trx).updateTable('evaluation.sign_in_challenge').set({ used_at: now }).where('nonce', '=', args.nonce).execute();
}

export function registerSignInChallengeRoute(app: AppInstance, challenges: ReturnType<typeof createSignInChallenges>, at: EvaluationSitting) {
  app.get(
    `/api/v1/sections/:id/${at.segment}/sign-in/challenge`,
    {
      config: { access: { roles: ['expert', 'tenderer'], scope: { resource: at.resource, parties: ['recipient', 'tenderer'] } } },
      schema: { tags: ['evaluation'], summary: 'A fresh single-use nonce (2 minutes) that the sign-in signs: the workstation key, the member certificate (A-155)', params: z.strictObject({ id: z.uuid() }), response: { 200: evaluationSignInChallenge } },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return challenges.issue(request.params.id, callerOf(request).userId);
    },
  );
}
