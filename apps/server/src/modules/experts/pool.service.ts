import { randomBytes, randomUUID } from 'node:crypto';
import {
  EXPERT_TRANSITIONS,
  type ExpertApplication,
  type ExpertDecision,
  type ExpertDetailView,
  type ExpertEdit,
  type ExpertNomination,
  type ExpertQuery,
  type ExpertRatingInput,
  type ExpertRecordInput,
  type ExpertState,
} from '@bidhall/contracts';
import { sm3, toHex } from '@bidhall/crypto';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { type ExpertsDeps, tables } from './experts.deps.ts';
import { eventViewOf, expertViewOf, ratingViewOf, recordViewOf } from './pool.mapper.ts';

const LIVE: ExpertState[] = ['applied', 'admitted', 'suspended'];
const tokenSm3 = (token: string) => toHex(sm3(new TextEncoder().encode(token)));

/**
 * The expert pool (A-217…A-224, task 27): applications and nominations, review, suspension and removal,
 * corrections, behaviour records and ratings; every change an event with who and when (A-218) and an
 * audit entry in the same transaction. The ID number is kept only as identity's keyed hash.
 */
export function createPoolService(deps: ExpertsDeps) {
  const { db, clock } = deps;

  async function event(trx: Db, expertId: string, e: { action: string; by: { userId: string; name: string } | null; from?: string | null; to?: string | null; reason?: string | null; changes?: object | null }) {
    await tables(trx)
      .insertInto('experts.expert_event')
      .values({
        id: randomUUID(),
        expert_id: expertId,
        action: e.action,
        at: clock.now(),
        by_user_id: e.by?.userId ?? null,
        by_name: e.by?.name ?? null,
        from_state: e.from ?? null,
        to_state: e.to ?? null,
        reason: e.reason ?? null,
        changes: e.changes ? JSON.stringify(e.changes) : null,
      })
      .execute();
  }

  async function insert(trx: Db, input: ExpertApplication, source: 'application' | 'nomination', token: string | null) {
    const person = deps.personRef(input.idNumber);
    const live = await tables(trx).selectFrom('experts.expert').select('id').where('person_ref', '=', person.ref).where('state', 'in', LIVE).orderBy('seq').executeTakeFirst();
    const id = randomUUID();
    const now = clock.now();
    await tables(trx)
      .insertInto('experts.expert')
      .values({
        id,
        name: input.name,
        person_ref: person.ref,
        id_hint: person.hint,
        phone: input.phone,
        employer: JSON.stringify(input.employer),
        title: input.title,
        level: input.level,
        region_code: input.regionCode,
        specialties: [...new Set(input.specialties)],
        conflicts: JSON.stringify(input.conflicts),
        state: 'applied',
        source,
        user_id: null,
        username: null,
        duplicate_of: live?.id ?? null,
        status_token_sm3: token ? tokenSm3(token) : null,
        applied_at: now,
        decided_at: null,
        decision_note: null,
        updated_at: now,
      })
      .execute();
    return { id, now };
  }

  /** A-223: anyone applies; the answer is the application's number and a token to follow it with. */
  async function apply(input: ExpertApplication, actor: Actor) {
    const token = randomBytes(24).toString('base64url');
    return db.transaction().execute(async (trx) => {
      const { id, now } = await insert(trx, input, 'application', token);
      await event(trx, id, { action: 'applied', by: null, to: 'applied' });
      await deps.audit.record(trx, actor, { action: 'experts.expert.applied', targetType: 'expert', targetId: id, regionCode: input.regionCode, details: { source: 'application' } });
      return { id, statusToken: token, appliedAt: now.toISOString() };
    });
  }

  async function status(id: string, token: string) {
    const r = await tables(db).selectFrom('experts.expert').selectAll().where('id', '=', id).executeTakeFirst();
    // A wrong token and no application answer alike: the number alone tells nothing.
    if (!r || !r.status_token_sm3 || r.status_token_sm3 !== tokenSm3(token)) throw new DomainError('EXPERT_APPLICATION_NOT_FOUND', 'no application with this number and token');
    // The latest decision, whichever it was: after a suspension or removal the applicant reads that one, not the admission.
    const latest = await tables(db)
      .selectFrom('experts.expert_event')
      .select(['at', 'reason'])
      .where('expert_id', '=', id)
      .where('action', 'in', Object.keys(EXPERT_TRANSITIONS))
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return { id: r.id, state: r.state as ExpertState, appliedAt: r.applied_at.toISOString(), decidedAt: latest?.at.toISOString() ?? null, decisionNote: latest?.reason ?? null };
  }

  function assertReach(caller: Caller, regionCode: string) {
    if (!caller.reach.includes(regionCode)) throw new DomainError('FORBIDDEN', `region ${regionCode} is outside the regions you answer for`);
  }

  async function nominate(input: ExpertNomination, caller: Caller) {
    assertReach(caller, input.regionCode);
    return db.transaction().execute(async (trx) => {
      const { reason, ...facts } = input;
      const { id } = await insert(trx, facts, 'nomination', null);
      await event(trx, id, { action: 'nominated', by: by(caller), to: 'applied', reason });
      await deps.audit.record(trx, caller.actor, { action: 'experts.expert.nominated', targetType: 'expert', targetId: id, regionCode: input.regionCode, details: { source: 'nomination' } });
      return viewOf(trx, id);
    });
  }

  const by = (caller: Caller) => ({ userId: caller.userId, name: caller.displayName });

  async function locked(trx: Db, id: string) {
    const r = await tables(trx).selectFrom('experts.expert').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!r) throw new DomainError('EXPERT_NOT_FOUND', `no expert ${id}`);
    return r;
  }

  /** A-222: admit, reject, suspend, reinstate, remove — each only from the states it applies to. */
  async function decide(id: string, input: ExpertDecision, caller: Caller): Promise<ExpertDetailView> {
    return db.transaction().execute(async (trx) => {
      const r = await locked(trx, id);
      const t = EXPERT_TRANSITIONS[input.decision];
      if (!t.from.includes(r.state as ExpertState)) {
        throw new DomainError('EXPERT_STATE_CONFLICT', `an expert who is ${r.state} cannot be given the decision ${input.decision}`, { state: r.state, decision: input.decision });
      }
      if (input.decision === 'admit' || input.decision === 'reinstate') {
        const live = await tables(trx).selectFrom('experts.expert').select('id').where('person_ref', '=', r.person_ref).where('state', 'in', ['admitted', 'suspended']).where('id', '!=', id).executeTakeFirst();
        if (live) throw new DomainError('EXPERT_DUPLICATE', 'this person already has a live record in the pool', { expertId: live.id });
      }
      const now = clock.now();
      const decided = input.decision === 'admit' || input.decision === 'reject';
      await tables(trx)
        .updateTable('experts.expert')
        .set({ state: t.to, updated_at: now, ...(decided ? { decided_at: now, decision_note: input.reason } : {}) })
        .where('id', '=', id)
        .execute();
      await event(trx, id, { action: input.decision, by: by(caller), from: r.state, to: t.to, reason: input.reason });
      await deps.audit.record(trx, caller.actor, { action: `experts.expert.${input.decision}`, targetType: 'expert', targetId: id, regionCode: r.region_code, details: { from: r.state, to: t.to, reason: input.reason } });
      return detail(trx, id);
    });
  }

  /** Corrections after entry, each field's before and after kept (A-218). */
  async function edit(id: string, input: ExpertEdit, caller: Caller): Promise<ExpertDetailView> {
    if (input.regionCode) assertReach(caller, input.regionCode);
    return db.transaction().execute(async (trx) => {
      const r = await locked(trx, id);
      if (r.state === 'removed' || r.state === 'rejected') throw new DomainError('EXPERT_STATE_CONFLICT', `the record of an expert who is ${r.state} is closed`, { state: r.state });
      const before = expertViewOf(r, { mean: null, count: 0 }) as unknown as Record<string, unknown>;
      const { reason, ...fields } = input;
      const changes: Record<string, [unknown, unknown]> = {};
      for (const [k, v] of Object.entries(fields)) {
        if (v !== undefined && JSON.stringify(before[k]) !== JSON.stringify(v)) changes[k] = [before[k], v];
      }
      if (Object.keys(changes).length === 0) return detail(trx, id);
      await tables(trx)
        .updateTable('experts.expert')
        .set({
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          ...(input.employer !== undefined ? { employer: JSON.stringify(input.employer) } : {}),
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.level !== undefined ? { level: input.level } : {}),
          ...(input.regionCode !== undefined ? { region_code: input.regionCode } : {}),
          ...(input.specialties !== undefined ? { specialties: [...new Set(input.specialties)] } : {}),
          ...(input.conflicts !== undefined ? { conflicts: JSON.stringify(input.conflicts) } : {}),
          updated_at: clock.now(),
        })
        .where('id', '=', id)
        .execute();
      await event(trx, id, { action: 'edited', by: by(caller), reason, changes });
      await deps.audit.record(trx, caller.actor, { action: 'experts.expert.edited', targetType: 'expert', targetId: id, regionCode: r.region_code, details: { fields: Object.keys(changes), reason } });
      return detail(trx, id);
    });
  }

  /** Task 6: an admitted expert in the pool shared with other cities, or taken out of it. */
  async function share(id: string, input: { shared: boolean; reason: string }, caller: Caller) {
    return db.transaction().execute(async (trx) => {
      const r = await locked(trx, id);
      if (r.state !== 'admitted' && r.state !== 'suspended') throw new DomainError('EXPERT_STATE_CONFLICT', 'only experts in the pool are shared', { state: r.state });
      if (r.shared !== input.shared) {
        await tables(trx).updateTable('experts.expert').set({ shared: input.shared, updated_at: clock.now() }).where('id', '=', id).execute();
        await event(trx, id, { action: input.shared ? 'shared' : 'unshared', by: by(caller), reason: input.reason });
        await deps.audit.record(trx, caller.actor, { action: `experts.expert.${input.shared ? 'shared' : 'unshared'}`, targetType: 'expert', targetId: id, regionCode: r.region_code, details: { reason: input.reason } });
      }
      return detail(trx, id);
    });
  }

  /** A-221: rewards, penalties, training and violations; violations appear on the public record. */
  async function addRecord(id: string, input: ExpertRecordInput, caller: Caller) {
    return db.transaction().execute(async (trx) => {
      const r = await locked(trx, id);
      const recordId = randomUUID();
      await tables(trx)
        .insertInto('experts.expert_record')
        .values({ id: recordId, expert_id: id, kind: input.kind, date: input.date, description: input.description, recorded_by: caller.userId, recorded_by_name: caller.displayName, recorded_at: clock.now() })
        .execute();
      await event(trx, id, { action: 'recorded', by: by(caller), reason: `${input.kind}: ${input.description}` });
      await deps.audit.record(trx, caller.actor, { action: 'experts.expert.recorded', targetType: 'expert', targetId: id, regionCode: r.region_code, details: { recordId, kind: input.kind } });
      return detail(trx, id);
    });
  }

  /** A-135, task 26: a rating after an evaluation the expert sat on (an accepted seat of the section). */
  async function rate(id: string, input: ExpertRatingInput, caller: Caller) {
    return db.transaction().execute(async (trx) => {
      const r = await locked(trx, id);
      const seat = await tables(trx).selectFrom('experts.committee_seat').select('id').where('expert_id', '=', id).where('section_id', '=', input.sectionId).where('state', '=', 'accepted').executeTakeFirst();
      if (!seat) throw new DomainError('EXPERT_RATING_NOT_ALLOWED', 'an expert is rated for a section whose committee the expert sat on');
      const inserted = await tables(trx)
        .insertInto('experts.expert_rating')
        .values({ id: randomUUID(), expert_id: id, section_id: input.sectionId, punctuality: input.punctuality, competence: input.competence, fairness: input.fairness, comment: input.comment, rated_by: caller.userId, rated_at: clock.now() })
        .onConflict((oc) => oc.columns(['expert_id', 'section_id', 'rated_by']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw new DomainError('EXPERT_RATING_NOT_ALLOWED', 'you have already rated this expert for this section');
      await event(trx, id, { action: 'rated', by: by(caller), reason: `section ${input.sectionId}` });
      await deps.audit.record(trx, caller.actor, { action: 'experts.expert.rated', targetType: 'expert', targetId: id, regionCode: r.region_code, details: { sectionId: input.sectionId } });
      return detail(trx, id);
    });
  }

  /** A-224: recommend an admitted expert to the public service platform's pool, through the outbox. */
  async function recommend(id: string, input: { reason: string }, caller: Caller) {
    return db.transaction().execute(async (trx) => {
      const r = await locked(trx, id);
      if (r.state !== 'admitted') throw new DomainError('EXPERT_STATE_CONFLICT', 'only admitted experts are recommended', { state: r.state });
      const view = await detail(trx, id);
      await deps.outbox.enqueue(trx, {
        kind: 'expertRecommendation',
        subjectType: 'expert',
        subjectId: id,
        regionCode: r.region_code,
        content: {
          expertId: id,
          name: view.name,
          idHint: view.idHint,
          phone: view.phone,
          employer: view.employer,
          title: view.title,
          level: view.level,
          regionCode: view.regionCode,
          specialties: view.specialties,
          admittedAt: view.decidedAt,
          rating: view.rating,
          ratings: view.ratings,
          records: view.records.map((x) => ({ kind: x.kind, date: x.date, description: x.description })),
          reason: input.reason,
        },
      });
      await event(trx, id, { action: 'recommended', by: by(caller), reason: input.reason });
      await deps.audit.record(trx, caller.actor, { action: 'experts.expert.recommended', targetType: 'expert', targetId: id, regionCode: r.region_code, details: { reason: input.reason } });
      return detail(trx, id);
    });
  }

  /** Links the expert's platform account: an active expert account bound to the same person. */
  async function linkAccount(id: string, input: { username: string }, caller: Caller) {
    return db.transaction().execute(async (trx) => {
      const r = await locked(trx, id);
      const account = await deps.accounts.byUsername(trx, input.username);
      if (!account || account.kind !== 'expert' || account.status !== 'active' || account.personRef !== r.person_ref) {
        throw new DomainError('EXPERT_ACCOUNT_MISMATCH', 'link an active expert account bound to this expert’s ID number');
      }
      const taken = await tables(trx).selectFrom('experts.expert').select('id').where('user_id', '=', account.userId).where('id', '!=', id).executeTakeFirst();
      if (taken) throw new DomainError('EXPERT_ACCOUNT_MISMATCH', 'this account is linked to another expert record');
      await tables(trx).updateTable('experts.expert').set({ user_id: account.userId, username: account.username, updated_at: clock.now() }).where('id', '=', id).execute();
      await event(trx, id, { action: 'accountLinked', by: by(caller), changes: { username: [r.username, account.username] } });
      await deps.audit.record(trx, caller.actor, { action: 'experts.expert.accountLinked', targetType: 'expert', targetId: id, regionCode: r.region_code, details: { userId: account.userId } });
      return detail(trx, id);
    });
  }

  async function ratingsOf(trx: Db, ids: string[]) {
    if (ids.length === 0) return new Map<string, { mean: number; count: number }>();
    const rows = await tables(trx)
      .selectFrom('experts.expert_rating')
      .select((eb) => ['expert_id', eb.fn.countAll<string>().as('n'), eb.fn.avg<string>(eb('punctuality', '+', eb('competence', '+', eb.ref('fairness')))).as('mean3')])
      .where('expert_id', 'in', ids)
      .groupBy('expert_id')
      .execute();
    return new Map(rows.map((x) => [x.expert_id, { mean: Number(x.mean3) / 3, count: Number(x.n) }]));
  }

  async function viewOf(trx: Db, id: string) {
    const r = await tables(trx).selectFrom('experts.expert').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new DomainError('EXPERT_NOT_FOUND', `no expert ${id}`);
    const rating = (await ratingsOf(trx, [id])).get(id);
    return expertViewOf(r, rating ?? { mean: null, count: 0 });
  }

  async function detail(trx: Db, id: string): Promise<ExpertDetailView> {
    const view = await viewOf(trx, id);
    const [events, records, ratings] = await Promise.all([
      tables(trx).selectFrom('experts.expert_event').selectAll().where('expert_id', '=', id).orderBy('seq').execute(),
      tables(trx).selectFrom('experts.expert_record').selectAll().where('expert_id', '=', id).orderBy('seq').execute(),
      tables(trx).selectFrom('experts.expert_rating').selectAll().where('expert_id', '=', id).orderBy('seq').execute(),
    ]);
    return { ...view, events: events.map(eventViewOf), records: records.map(recordViewOf), ratingsList: ratings.map(ratingViewOf) };
  }

  /** Staff and supervisors: the experts of the regions they answer for, newest first. */
  async function list(query: ExpertQuery, reach: readonly string[]) {
    const regions = query.regionCode ? reach.filter((c) => c === query.regionCode) : [...reach];
    if (regions.length === 0) return { items: [], nextCursor: null, total: 0 };
    let q = tables(db).selectFrom('experts.expert').where('region_code', 'in', regions);
    if (query.state) q = q.where('state', '=', query.state);
    if (query.specialty) q = q.where((eb) => eb(eb.val(query.specialty!), '=', eb.fn.any('specialties')));
    if (query.q) q = q.where('name', 'like', `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const total = Number((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const after = query.cursor && /^\d{1,18}$/.test(query.cursor) ? query.cursor : null;
    let page = q.selectAll().orderBy('seq', 'desc').limit(query.limit + 1);
    if (after) page = page.where('seq', '<', after);
    const rows = await page.execute();
    const more = rows.length > query.limit;
    const shown = rows.slice(0, query.limit);
    const ratings = await ratingsOf(db, shown.map((r) => r.id));
    return {
      items: shown.map((r) => expertViewOf(r, ratings.get(r.id) ?? { mean: null, count: 0 })),
      nextCursor: more ? String(shown[shown.length - 1]!.seq) : null,
      total,
    };
  }

  /** The expert record of a platform account (the expert's own workspace). */
  async function ofUser(trx: Db, userId: string) {
    const r = await tables(trx).selectFrom('experts.expert').select('id').where('user_id', '=', userId).executeTakeFirst();
    return r ? detail(trx, r.id) : null;
  }

  return { apply, status, nominate, decide, edit, share, addRecord, rate, recommend, linkAccount, list, ofUser, get: (id: string) => detail(db, id) };
}

export type PoolService = ReturnType<typeof createPoolService>;
