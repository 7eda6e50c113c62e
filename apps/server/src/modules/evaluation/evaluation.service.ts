import { randomUUID } from 'node:crypto';
import type { EvaluationOpenInput, EvaluationRepresentativesInput, EvaluationSheetInput, EvaluationSheetView, EvaluationSignInInput, EvaluationSignInView, EvaluationSummaryInput, PriceFindings, SectionSnapshotView, Sitting } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { type EvaluationDeps, json, type SittingMethod, tables } from './evaluation.deps.ts';
import type { EvaluationSitting } from './sitting.ts';
import type { EvaluatedBid } from './evaluation.tables.ts';
import { checkSignInCertificate } from './sign-in-certificate.ts';
import { checkSignInDevice } from './sign-in-device.ts';
import { computeSummary } from './summary.ts';
import { retenderFailedTender } from './failed-tender.ts';
import { evaluationViewOf } from './evaluation.view.ts';

/** an evaluation window is at most 3 days long. */
export const MAX_WINDOW_MS = 3 * 86_400_000;

type EvaluationRow = Awaited<ReturnType<typeof loadEvaluation>>;

async function loadEvaluation(trx: Db, sectionId: string, sitting: Sitting, lock = false) {
  let q = tables(trx).selectFrom('evaluation.evaluation').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/**
 * Evaluation (issue 12 §4): staff open it with its window once the committee is complete and the bids
 * are read out; the tenderer names its representatives; staff name the chair
 * members sign in inside the window confirming no conflict; each fills and submits
 * a sheet; the chair computes the summary (A-141, A-144, A-145, A-150, B-026).
 * Every change is audited in its own transaction.
 */
/** The comparison's price checks the summary records; read outside the summary's transaction. */
export type PriceFindingsOf = (sectionId: string, ev: { bids: unknown }) => Promise<PriceFindings>;

export function createEvaluationService(deps: EvaluationDeps, at: EvaluationSitting, priceFindingsOf: PriceFindingsOf | null) {
  const { db, clock } = deps;
  const { sitting } = at;

  async function sectionOf(trx: Db, sectionId: string): Promise<SectionSnapshotView> {
    const s = await deps.sections.get(trx, sectionId);
    if (!s) throw new DomainError('SECTION_NOT_FOUND', `no section ${sectionId}`);
    return s;
  }

  async function opened(trx: Db, sectionId: string, lock = true): Promise<NonNullable<EvaluationRow>> {
    const ev = await loadEvaluation(trx, sectionId, sitting, lock);
    if (!ev) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the evaluation of this section has not been opened', { reason: 'unopened' });
    return ev;
  }

  function notSummarised(ev: NonNullable<EvaluationRow>) {
    if (ev.summary !== null) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the evaluation is summarised: nothing changes any more', { reason: 'summarised' });
  }

  function windowOpen(ev: NonNullable<EvaluationRow>) {
    const now = clock.now();
    if (now < ev.starts_at || now >= ev.ends_at) {
      throw new DomainError('EVALUATION_WINDOW_CLOSED', `the evaluation window is ${ev.starts_at.toISOString()} to ${ev.ends_at.toISOString()}`, {
        startsAt: ev.starts_at.toISOString(),
        endsAt: ev.ends_at.toISOString(),
      });
    }
  }

  async function memberOf(trx: Db, sectionId: string, userId: string) {
    const m = await tables(trx).selectFrom('evaluation.member').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting).where('user_id', '=', userId).executeTakeFirst();
    if (!m) throw new DomainError('EVALUATION_NOT_MEMBER', 'you are not a member of this evaluation committee');
    return m;
  }

  /** A member route: the caller is a member, signed in, inside the window, before the summary. */
  async function activeMember(trx: Db, ev: NonNullable<EvaluationRow>, caller: Caller) {
    const m = await memberOf(trx, ev.section_id, caller.userId);
    windowOpen(ev);
    if (!m.signed_in_at) throw new DomainError('EVALUATION_NOT_SIGNED_IN', 'sign in to the evaluation first, confirming your identity and no conflict');
    return m;
  }

  async function open(sectionId: string, input: EvaluationOpenInput, caller: Caller) {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt) throw new DomainError('EVALUATION_WINDOW_INVALID', 'the window ends after it starts', { startsAt: input.startsAt, endsAt: input.endsAt });
    if (endsAt.getTime() - startsAt.getTime() > MAX_WINDOW_MS) throw new DomainError('EVALUATION_WINDOW_INVALID', 'an evaluation window is at most 3 days long', { startsAt: input.startsAt, endsAt: input.endsAt });
    if (endsAt <= clock.now()) throw new DomainError('EVALUATION_WINDOW_INVALID', 'the window is already over', { endsAt: input.endsAt });
    await db.transaction().execute(async (trx) => {
      const section = await sectionOf(trx, sectionId);
      if (await loadEvaluation(trx, sectionId, sitting)) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the evaluation is already open', { reason: 'opened' });
      const committee = await deps.committee.members(trx, sectionId, sitting);
      if (!committee?.complete) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the committee is not complete: every expert seat must be accepted', { reason: 'committee' });
      const readout = await deps.readout.readoutOf(trx, sectionId, sitting);
      if (!readout) throw new DomainError('EVALUATION_STATE_CONFLICT', `the ${sitting === 'bid' ? 'bids' : 'applications'} have not been read out`, { reason: 'readout' });
      const method = await deps.methods.methodOf(trx, sectionId, sitting);
      if (!method) {
        const what = sitting === 'bid' ? 'tender document with an evaluation method' : 'prequalification document with a review method';
        throw new DomainError('EVALUATION_STATE_CONFLICT', `the section has no issued ${what}`, { reason: 'method' });
      }
      if (method.type === 'scoring' && readout.coefficient === null) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the price coefficient has not been drawn yet', { reason: 'coefficient' });
      const unlinked = committee.experts.find((e) => !e.userId);
      if (unlinked) throw new DomainError('EVALUATION_MEMBER_WITHOUT_ACCOUNT', `the expert of seat ${unlinked.seat} has no platform account linked`, { seat: unlinked.seat });
      const bids: EvaluatedBid[] = readout.bids.map((b) => {
        // Applications carry no price.
        if (sitting === 'application') return { bidId: b.bidId, entityId: b.entityId, entityName: b.entityName, receivedAt: b.receivedAt, priceFen: null };
        const price = b.values.price;
        const fen = typeof price === 'number' ? String(price) : (price ?? '');
        if (!/^\d{1,18}$/.test(fen) || BigInt(fen) <= 0n) throw new DomainError('EVALUATION_STATE_CONFLICT', `bid ${b.bidId} has no price read out`, { reason: 'price', bidId: b.bidId });
        return { bidId: b.bidId, entityId: b.entityId, entityName: b.entityName, receivedAt: b.receivedAt, priceFen: fen };
      });
      const now = clock.now();
      const inserted = await tables(trx)
        .insertInto('evaluation.evaluation')
        .values({
          section_id: sectionId,
          sitting,
          region_code: section.regionCode,
          starts_at: startsAt,
          ends_at: endsAt,
          method: JSON.stringify(method),
          bids: JSON.stringify(bids),
          coefficient: method.type === 'scoring' ? readout.coefficient : null,
          representatives_needed: committee.tendererRepresentatives,
          chair_member_id: null,
          opened_by: caller.userId,
          opened_at: now,
          summary: null,
          summarised_by: null,
          summarised_at: null,
        })
        .onConflict((oc) => oc.columns(['section_id', 'sitting']).doNothing())
        .returning('section_id')
        .executeTakeFirst();
      if (!inserted) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the evaluation is already open', { reason: 'opened' });
      for (const e of committee.experts) {
        await tables(trx)
          .insertInto('evaluation.member')
          .values({ id: randomUUID(), section_id: sectionId, sitting, role: 'expert', seat: e.seat, user_id: e.userId!, name: e.name, added_at: now, signed_in_at: null, no_conflict_with: null })
          .execute();
        await deps.notify(trx, {
          recipientKind: 'user',
          recipientId: e.userId!,
          topic: `${at.action}.opened`,
          title: `${at.zh.work}时间：${section.name}`,
          body: `请于 ${startsAt.toISOString()} 至 ${endsAt.toISOString()} 之间登录平台签到并${at.zh.work}。`,
          link: '/expert',
          dedupeKey: `${at.action}.opened:${sectionId}:${e.userId}`,
        });
      }
      // The audit names seats, never experts.
      await deps.audit.record(trx, caller.actor, {
        action: `${at.action}.opened`,
        targetType: 'section',
        targetId: sectionId,
        regionCode: section.regionCode,
        details: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), seats: committee.experts.map((e) => e.seat), bids: bids.length, method: method.type, coefficient: readout.coefficient },
      });
    });
    return view(sectionId, caller);
  }

  /** the tenderer names users of its own entity, as many as the plan's representatives; fixed once one signs in. */
  async function setRepresentatives(sectionId: string, input: EvaluationRepresentativesInput, caller: Caller) {
    await db.transaction().execute(async (trx) => {
      const ev = await opened(trx, sectionId);
      notSummarised(ev);
      const section = await sectionOf(trx, sectionId);
      const ids = [...new Set(input.userIds)];
      if (ids.length !== input.userIds.length || ids.length !== ev.representatives_needed) {
        throw new DomainError('EVALUATION_REPRESENTATIVES_INVALID', `name ${ev.representatives_needed} different representatives`, { needed: ev.representatives_needed });
      }
      const names = new Map<string, string>();
      for (const id of ids) {
        const a = await deps.accounts.byId(trx, id);
        if (!a || a.kind !== 'entity' || a.status !== 'active' || a.entityId !== section.tendererEntityId) {
          throw new DomainError('EVALUATION_REPRESENTATIVES_INVALID', `user ${id} is not an active user of the tenderer`, { userId: id });
        }
        names.set(id, a.displayName);
      }
      const current = await tables(trx).selectFrom('evaluation.member').select(['id', 'signed_in_at']).where('section_id', '=', sectionId).where('sitting', '=', sitting).where('role', '=', 'representative').execute();
      if (current.some((m) => m.signed_in_at)) throw new DomainError('EVALUATION_STATE_CONFLICT', 'a representative has signed in: the representatives are fixed', { reason: 'representativesSignedIn' });
      if (current.length) await tables(trx).deleteFrom('evaluation.member').where('id', 'in', current.map((m) => m.id)).execute();
      const now = clock.now();
      for (const id of ids) {
        await tables(trx)
          .insertInto('evaluation.member')
          .values({ id: randomUUID(), section_id: sectionId, sitting, role: 'representative', seat: null, user_id: id, name: names.get(id)!, added_at: now, signed_in_at: null, no_conflict_with: null })
          .execute();
        await deps.notify(trx, {
          recipientKind: 'user',
          recipientId: id,
          topic: `${at.action}.representative`,
          title: `${at.zh.committee}招标人代表：${section.name}`,
          body: `您被指定为${at.zh.committee}的招标人代表，请于 ${ev.starts_at.toISOString()} 至 ${ev.ends_at.toISOString()} 之间登录平台签到并${at.zh.work}。`,
          dedupeKey: `${at.action}.representative:${sectionId}:${id}:${now.getTime()}`,
        });
      }
      await deps.audit.record(trx, caller.actor, { action: `${at.action}.representativesNamed`, targetType: 'section', targetId: sectionId, regionCode: section.regionCode, details: { userIds: ids } });
    });
    return view(sectionId, caller);
  }

  /** staff name the chair among the expert members. */
  async function setChair(sectionId: string, memberId: string, caller: Caller) {
    await db.transaction().execute(async (trx) => {
      const ev = await opened(trx, sectionId);
      notSummarised(ev);
      const m = await tables(trx).selectFrom('evaluation.member').select(['id', 'role', 'seat']).where('section_id', '=', sectionId).where('sitting', '=', sitting).where('id', '=', memberId).executeTakeFirst();
      if (!m || m.role !== 'expert') throw new DomainError('EVALUATION_CHAIR_INVALID', 'the chair is one of the expert members', { memberId });
      await tables(trx).updateTable('evaluation.evaluation').set({ chair_member_id: m.id }).where('section_id', '=', sectionId).where('sitting', '=', sitting).execute();
      await deps.audit.record(trx, caller.actor, { action: `${at.action}.chairNamed`, targetType: 'section', targetId: sectionId, regionCode: ev.region_code, details: { memberId: m.id, seat: m.seat } });
    });
    return view(sectionId, caller);
  }

  /** inside the window, the member confirms identity and no conflict with the bidders named. */
  async function signIn(sectionId: string, caller: Caller, input: EvaluationSignInInput): Promise<EvaluationSignInView> {
    return db.transaction().execute(async (trx) => {
      const ev = await opened(trx, sectionId);
      const m = await memberOf(trx, sectionId, caller.userId);
      windowOpen(ev);
      notSummarised(ev);
      if (m.signed_in_at) return { signedInAt: m.signed_in_at.toISOString(), noConflictWith: json<string[]>(m.no_conflict_with) };
      const bidders = [...new Set(json<EvaluatedBid[]>(ev.bids).map((b) => b.entityName))];
      await checkSignInDevice(trx, deps, { sectionId, sitting, regionCode: ev.region_code, member: m, caller, device: input?.device });
      const certificateFingerprint = await checkSignInCertificate(trx, deps, { sectionId, sitting, userId: caller.userId, certificate: input.certificate, deviceNonce: input.device?.nonce });
      const now = clock.now();
      await tables(trx).updateTable('evaluation.member').set({ signed_in_at: now, no_conflict_with: JSON.stringify(bidders) }).where('id', '=', m.id).execute();
      await deps.audit.record(trx, caller.actor, {
        action: `${at.action}.signedIn`,
        targetType: 'section',
        targetId: sectionId,
        regionCode: ev.region_code,
        details: { memberId: m.id, role: m.role, seat: m.seat, confirmIdentity: true, noConflictWith: bidders, certificateFingerprint },
      });
      return { signedInAt: now.toISOString(), noConflictWith: bidders };
    });
  }

  function checkSheet(method: SittingMethod, bids: readonly EvaluatedBid[], input: EvaluationSheetInput) {
    const bidIds = new Set(bids.map((b) => b.bidId));
    const criteria = [...method.qualification, ...method.compliance].map((c) => c.number);
    const factors = method.type === 'scoring' || method.type === 'limitedNumber' ? method.factors.filter((f) => f.category !== 'price') : [];
    for (const [bidId, row] of Object.entries(input.verdicts)) {
      if (!bidIds.has(bidId)) throw new DomainError('EVALUATION_SHEET_INVALID', `no bid ${bidId} in this evaluation`, { bidId });
      for (const c of Object.keys(row)) if (!criteria.includes(c)) throw new DomainError('EVALUATION_SHEET_INVALID', `bid ${bidId}: no criterion ${c} in the method`, { bidId, criterion: c });
    }
    for (const [bidId, row] of Object.entries(input.scores)) {
      if (!bidIds.has(bidId)) throw new DomainError('EVALUATION_SHEET_INVALID', `no bid ${bidId} in this evaluation`, { bidId });
      for (const [number, score] of Object.entries(row)) {
        const f = factors.find((x) => x.number === number);
        if (!f) throw new DomainError('EVALUATION_SHEET_INVALID', `bid ${bidId}: no scored factor ${number} in the method`, { bidId, factor: number });
        if (score < f.scoreRange.min || score > f.scoreRange.max) {
          throw new DomainError('EVALUATION_SCORE_OUT_OF_RANGE', `bid ${bidId} (${bids.find((b) => b.bidId === bidId)!.entityName}), factor ${number}: ${score} is outside ${f.scoreRange.min}…${f.scoreRange.max}`, {
            bidId,
            factor: number,
            score,
            min: f.scoreRange.min,
            max: f.scoreRange.max,
          });
        }
      }
    }
    if (!input.submit) return;
    const missing: { bidId: string; criterion?: string; factor?: string }[] = [];
    for (const b of bids) {
      for (const c of criteria) if (!input.verdicts[b.bidId]?.[c]) missing.push({ bidId: b.bidId, criterion: c });
      for (const f of factors) if (input.scores[b.bidId]?.[f.number] === undefined) missing.push({ bidId: b.bidId, factor: f.number });
    }
    if (missing.length) throw new DomainError('EVALUATION_SHEET_INVALID', `the sheet is incomplete: ${missing.length} verdicts or scores missing`, { reason: 'incomplete', missing: missing.slice(0, 50) });
  }

  /** the member's own sheet, a draft or submitted; a submitted sheet is frozen. */
  async function saveSheet(sectionId: string, input: EvaluationSheetInput, caller: Caller): Promise<EvaluationSheetView> {
    await db.transaction().execute(async (trx) => {
      const ev = await opened(trx, sectionId);
      const m = await activeMember(trx, ev, caller);
      notSummarised(ev);
      const existing = await tables(trx).selectFrom('evaluation.sheet').select(['submitted_at']).where('member_id', '=', m.id).forUpdate().executeTakeFirst();
      if (existing?.submitted_at) throw new DomainError('EVALUATION_SHEET_SUBMITTED', 'your sheet was submitted and is frozen');
      checkSheet(json<SittingMethod>(ev.method), json<EvaluatedBid[]>(ev.bids), input);
      const now = clock.now();
      const row = { verdicts: JSON.stringify(input.verdicts), scores: JSON.stringify(input.scores), updated_at: now, submitted_at: input.submit ? now : null };
      await tables(trx)
        .insertInto('evaluation.sheet')
        .values({ member_id: m.id, section_id: sectionId, sitting, ...row })
        .onConflict((oc) => oc.column('member_id').doUpdateSet(row))
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: `${at.action}.${input.submit ? 'sheetSubmitted' : 'sheetSaved'}`,
        targetType: 'section',
        targetId: sectionId,
        regionCode: ev.region_code,
        details: { memberId: m.id },
      });
    });
    return mySheet(sectionId, caller, true);
  }

  /** a member reads only their own sheet (signed in, inside the window, like every member route). */
  async function mySheet(sectionId: string, caller: Caller, afterSave = false): Promise<EvaluationSheetView> {
    const m = afterSave ? await memberOf(db, sectionId, caller.userId) : await activeMember(db, await opened(db, sectionId, false), caller);
    const s = await tables(db).selectFrom('evaluation.sheet').selectAll().where('member_id', '=', m.id).executeTakeFirst();
    return {
      memberId: m.id,
      verdicts: s ? json(s.verdicts) : {},
      scores: s ? json(s.scores) : {},
      submittedAt: s?.submitted_at?.toISOString() ?? null,
      updatedAt: s?.updated_at.toISOString() ?? null,
    };
  }

  /** The chair, once every member has submitted: the summary by the rules' engine, stored and audited. */
  async function summarise(sectionId: string, input: EvaluationSummaryInput, caller: Caller) {
    // The bids are fixed when the evaluation opens; their price checks read the copies through other handles, before the transaction.
    const before = await loadEvaluation(db, sectionId, sitting, false);
    const priceFindings = before && priceFindingsOf ? await priceFindingsOf(sectionId, before) : undefined;
    await db.transaction().execute(async (trx) => {
      const ev = await opened(trx, sectionId);
      const m = await activeMember(trx, ev, caller);
      notSummarised(ev);
      if (ev.chair_member_id !== m.id) throw new DomainError('EVALUATION_NOT_CHAIR', 'only the chair computes the summary');
      const method = json<SittingMethod>(ev.method);
      const bids = json<EvaluatedBid[]>(ev.bids);
      const members = await tables(trx).selectFrom('evaluation.member').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting).orderBy('seq').execute();
      const reps = members.filter((x) => x.role === 'representative').length;
      if (reps !== ev.representatives_needed) throw new DomainError('EVALUATION_STATE_CONFLICT', `the tenderer has named ${reps} of ${ev.representatives_needed} representatives`, { reason: 'representatives' });
      const sheets = await tables(trx).selectFrom('evaluation.sheet').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting).execute();
      const submitted = new Map(sheets.filter((s) => s.submitted_at).map((s) => [s.member_id, s]));
      const waiting = members.filter((x) => !submitted.has(x.id)).length;
      if (waiting) throw new DomainError('EVALUATION_SHEETS_PENDING', `${waiting} members have not submitted their sheets`, { waiting });
      const adjustments = input.adjustments ?? {};
      if (Object.keys(adjustments).length && method.type !== 'lowestEvaluatedPrice') throw new DomainError('EVALUATION_SHEET_INVALID', 'price adjustments belong to the lowest evaluated price method', { reason: 'adjustments' });
      if (method.type === 'lowestEvaluatedPrice') {
        for (const [bidId, row] of Object.entries(adjustments)) {
          if (!bids.some((b) => b.bidId === bidId)) throw new DomainError('EVALUATION_SHEET_INVALID', `no bid ${bidId} in this evaluation`, { bidId });
          for (const clause of Object.keys(row)) if (!method.adjustments.some((a) => a.number === clause)) throw new DomainError('EVALUATION_SHEET_INVALID', `no adjustment clause ${clause} in the method`, { bidId, clause });
        }
      }
      // B-024: the bids of a government procurement section fail the tender below three compliant.
      const section = sitting === 'bid' ? await sectionOf(trx, sectionId) : null;
      const computed = computeSummary({
        method,
        kind: section?.kind,
        bids,
        coefficient: ev.coefficient,
        sheets: members.map((x) => {
          const s = submitted.get(x.id)!;
          return { memberId: x.id, name: x.name, verdicts: json(s.verdicts), scores: json(s.scores) };
        }),
        adjustments,
        now: clock.now(),
      });
      const summary = priceFindings ? { ...computed, priceFindings } : computed;
      await tables(trx)
        .updateTable('evaluation.evaluation')
        .set({ summary: JSON.stringify(summary), summarised_by: caller.userId, summarised_at: clock.now() })
        .where('section_id', '=', sectionId).where('sitting', '=', sitting)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: `${at.action}.summarised`,
        targetType: 'section',
        targetId: sectionId,
        regionCode: ev.region_code,
        details: {
          ...(summary.qualified ? { qualified: summary.qualified.map((q) => q.bidId) } : {}),
          failed: summary.compliance.filter((c) => !c.passed).map((c) => ({ bidId: c.bidId, failing: c.failing.map((f) => f.number) })),
          candidates: summary.candidates.map((c) => ({ rank: c.rank, bidId: c.bidId })),
          flaggedMembers: summary.outliers.filter((o) => o.flagged).map((o) => o.memberId),
          ...(summary.failure ? { tenderFailed: { code: summary.failure.code, compliant: summary.failure.compliant } } : {}),
        },
      });
      if (section && summary.failure) await retenderFailedTender(trx, deps, { section, bids, failure: summary.failure });
    });
    return view(sectionId, caller);
  }

  const view = (sectionId: string, caller: Caller) => evaluationViewOf(deps, at, sectionId, caller);

  return { open, setRepresentatives, setChair, signIn, saveSheet, mySheet: (sectionId: string, caller: Caller) => mySheet(sectionId, caller), summarise, view };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
