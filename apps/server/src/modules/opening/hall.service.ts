import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { fromBase64, gmSuite, privateKeyFromScalar, publicKeyToPem, keyId, type PrivateKey } from '@bidhall/crypto';
import { openingQuorum, unsealFailureOutcome, unsealWindowEnd } from '@bidhall/rules';
import type { BidSummaryField, HallFailureReason, Sitting, UnsealFailureCode, UnsealRequest } from '@bidhall/contracts';
import { systemActor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { derivedKey } from '../../platform/keys/derived-key.ts';
import type { HallBus } from './hall-bus.ts';
import { hallStore, settled, type HallBidRow, type HallRow } from './hall-store.ts';
import { hallTx, ownBid, type HallCaller } from './hall-tx.ts';
import { type OpeningDeps, tables } from './opening.deps.ts';
import { checkReleasedKeys } from './unseal-check.ts';
import { contentKeyVault } from './content-keys.ts';
import { createCoefficientDraw } from './coefficient.ts';
import { BULK_UNSEAL_JOB } from './bulk-unseal.ts';
import { sittingDeadline } from './sitting.ts';

const WINDOW_END_JOB = 'opening.unseal-window-end';

const RETENDER_REASON: Record<HallFailureReason, string> = {
  fewerThanThreeBids: '投标人少于3个，不予开标，依法重新招标',
  fewerThanThreeSignedIn: '签到投标人少于3个，不予开标，依法重新招标',
  fewerThanThreeApplications: '提交资格预审申请文件的申请人少于3个，不予开启，依法重新招标',
};

/**
 * The hall's actions for one sitting (decisions 0021, 0023: the bids' opening, or the prequalification
 * applications'). Each runs in one transaction under the hall row's lock, records an audit entry (and
 * so a public log entry) and a hall event, and then tells the live stream.
 */
export function createHallService(deps: OpeningDeps, bus: HallBus, sitting: Sitting = 'bid') {
  const store = (trx: Db) => hallStore(trx, sitting);
  const isApplication = sitting === 'application';
  // The opening key: content keys come to the server wrapped to it; the vault seals them at rest.
  const openingKey: PrivateKey = privateKeyFromScalar('sm2', derivedKey(deps.signingKey, 'opening key v1'));
  const vault = contentKeyVault(deps.signingKey);
  const opening = { pem: publicKeyToPem(openingKey.publicKey), keyId: keyId(openingKey.publicKey) };

  const { section, lockedHall, record, event } = hallTx(deps, sitting);
  const coefficient = createCoefficientDraw(deps, bus, sitting);

  async function fail(trx: Db, hall: HallRow, reason: HallFailureReason, now: Date, detail: Record<string, unknown>) {
    await store(trx).updateHall(hall.section_id, hall.round, { failed_at: now, failure_reason: reason });
    await record(trx, systemActor, hall, 'failed', { reason, ...detail });
    await event(trx, hall, 'failed', now, { reason, ...detail });
    // A-109, B-018, B-033 (bids), A-119, B-044 (applications): no opening; the section goes to re-tender.
    await deps.sections.retender(trx, hall.section_id, RETENDER_REASON[reason], systemActor);
  }

  /**
   * Opens the hall of a section whose deadline has passed (the sweep and the first reader call it):
   * the bids live at the deadline in receipt order, their receipts' salts in the public log so anyone can
   * check each was committed before the deadline. Repeating it changes nothing.
   */
  async function openIfDue(sectionId: string): Promise<boolean> {
    // Most reads come after the hall opened (or before the deadline): settled without a transaction.
    const seen = await deps.sections.get(deps.db, sectionId);
    const seenDeadline = seen && sittingDeadline(seen, sitting);
    const due = seen?.stage === 'tendering' && !!seenDeadline && deps.clock.now().getTime() >= seenDeadline.getTime();
    if (!seen || !due || (await store(deps.db).hall(sectionId, seen.round))) return false;
    const opened = await deps.db.transaction().execute(async (trx) => {
      const s = await deps.sections.get(trx, sectionId);
      const deadline = s && sittingDeadline(s, sitting);
      const now = deps.clock.now();
      if (!s || s.stage !== 'tendering' || !deadline || now.getTime() < deadline.getTime()) return false;
      // Two openers (the sweep, a reader) at once: one opens, the other finds the hall.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`opening:${sitting}:${sectionId}`}))`.execute(trx);
      if (await store(trx).hall(sectionId, s.round)) return false;
      const terms = await deps.terms.termsFor(trx, sectionId, sitting);
      const bids = await deps.bids.openedBids(trx, sectionId, s.round, deadline, sitting);
      // A bid guarantee is verified again now (decision 0037): revoked, cancelled or altered since the
      // submission, the hall shows it as it stands at the opening.
      const rechecked: { bidId: string; status: string; detail: string | null }[] = [];
      if (deps.bonds) {
        for (const b of bids) {
          const bond = b.signedManifest.manifest.bond;
          if (b.bondForm !== 'guarantee' || !bond || bond.form !== 'guarantee') continue;
          const r = await deps.bonds.recheck(trx, { sectionId, round: s.round, entityId: b.entityId, tendererEntityId: s.tendererEntityId, form: 'guarantee', reference: bond.reference ?? null, deadline, at: now });
          rechecked.push({ bidId: b.bidId, status: r.status, detail: r.detail });
          b.bondStatus = r.status;
        }
      }
      await tables(trx)
        .insertInto('opening.hall')
        .values({
          section_id: sectionId,
          round: s.round,
          sitting,
          region_code: s.regionCode,
          tenderer_entity_id: s.tendererEntityId,
          agency_entity_id: s.agencyEntityId,
          bid_deadline: deadline,
          opened_at: now,
          unseal_window_minutes: terms?.unsealWindowMinutes ?? 30,
          remedy_allowed: terms?.remedyAllowed ?? false,
          summary_fields: JSON.stringify(terms?.bidSummaryFields ?? []),
          coefficient_spec: terms?.coefficient ? JSON.stringify(terms.coefficient) : null,
        })
        .execute();
      if (bids.length) {
        await tables(trx)
          .insertInto('opening.hall_bid')
          .values(
            bids.map((b, i) => ({
              bid_id: b.bidId,
              section_id: sectionId,
              round: s.round,
              sitting,
              entity_id: b.entityId,
              entity_name: b.entityName,
              receipt_order: i + 1,
              received_at: b.receivedAt,
              manifest_sm3: b.manifestSm3,
              bond_form: b.bondForm,
              bond_status: b.bondStatus,
            })),
          )
          .execute();
      }
      const hall = (await store(trx).hall(sectionId, s.round))!;
      const list = bids.map((b, i) => ({ order: i + 1, bidId: b.bidId, entityName: b.entityName, receivedAt: b.receivedAt.toISOString(), manifestSm3: b.manifestSm3, receipt: b.receipt }));
      await record(trx, systemActor, hall, 'opened', { bidDeadline: deadline.toISOString(), bids: list, ...(rechecked.length ? { guaranteesRechecked: rechecked } : {}) });
      await event(trx, hall, 'opened', now, { bids: bids.length });
      const quorum = openingQuorum({ validBids: bids.length, signedIn: bids.length, bidderDecrypts: false, applications: isApplication });
      if (!quorum.opens) await fail(trx, hall, quorum.reason, now, { bids: bids.length });
      return true;
    });
    if (opened) bus.changed(sectionId);
    return opened;
  }

  /** A-106: a bidder whose bid the hall opened signs in (once; again is a no-op). */
  async function signIn(sectionId: string, caller: HallCaller): Promise<void> {
    await deps.db.transaction().execute(async (trx) => {
      const { hall, bids, stage, now } = await lockedHall(trx, sectionId);
      const mine = ownBid(bids, caller);
      if (mine.signed_in_at) return;
      if (stage !== 'signIn' && stage !== 'unsealing') throw new DomainError('HALL_STAGE_CONFLICT', `signing in is over (the hall is at ${stage})`, { stage });
      await store(trx).updateBid(mine.bid_id, { signed_in_at: now, signed_in_by: caller.userId });
      await record(trx, caller.actor, hall, 'signedIn', { bidId: mine.bid_id, entityName: mine.entity_name });
      await event(trx, hall, 'signedIn', now, { bidId: mine.bid_id, entityName: mine.entity_name });
    });
    bus.changed(sectionId);
  }

  /** A-110: the tenderer or agency starts the unsealing window; fewer than 3 signed-in bidders end the opening (A-109). */
  async function startUnsealing(sectionId: string, caller: HallCaller): Promise<void> {
    await deps.db.transaction().execute(async (trx) => {
      const { hall, bids, stage, now } = await lockedHall(trx, sectionId);
      if (stage !== 'signIn') throw new DomainError('HALL_STAGE_CONFLICT', `unsealing starts from sign-in (the hall is at ${stage})`, { stage });
      const signedIn = bids.filter((b) => b.signed_in_at).length;
      const quorum = openingQuorum({ validBids: bids.length, signedIn, bidderDecrypts: true, applications: isApplication });
      if (!quorum.opens) return fail(trx, hall, quorum.reason, now, { bids: bids.length, signedIn });
      await store(trx).updateHall(sectionId, hall.round, { unseal_started_at: now, unseal_started_by: caller.userId });
      const end = unsealWindowEnd({ unsealStartedAt: now, unsealWindowMinutes: hall.unseal_window_minutes })!;
      await record(trx, caller.actor, hall, 'unsealingStarted', { windowEnd: end.toISOString(), signedIn });
      await event(trx, hall, 'unsealingStarted', now, { windowEnd: end.toISOString() });
      await deps.jobs.send(trx, WINDOW_END_JOB, { sectionId, round: hall.round, sitting }, { startAfter: end, singletonKey: `${sectionId}:${hall.round}:${sitting}` });
    });
    bus.changed(sectionId);
  }

  /** What the bidder's tool needs to unseal: its parts' sealed headers and the opening key. */
  async function unsealKit(sectionId: string, caller: HallCaller) {
    const s = await section(deps.db, sectionId);
    const hall = await store(deps.db).hall(sectionId, s.round);
    if (!hall) throw new DomainError('HALL_NOT_OPEN', `the hall opens at the ${isApplication ? 'application' : 'bid'} deadline`);
    const mine = ownBid(await store(deps.db).bids(sectionId, s.round), caller);
    const parts = await deps.bids.sealedParts(deps.db, mine.bid_id, hall.bid_deadline);
    return {
      bidId: mine.bid_id,
      openingKeyPem: opening.pem,
      openingKeyId: opening.keyId,
      parts: parts.map((p) => ({ partId: p.partId, name: p.name, role: p.role, header: p.header as Record<string, unknown> })),
    };
  }

  /**
   * A-111, A-112: the bidder's content keys, each wrapped to the opening key. They are checked against
   * the sealed parts and the signed manifest; success is 解密成功, anything else 解密失败 with the reason,
   * and the bidder may try again while the window is open.
   */
  async function unseal(sectionId: string, body: UnsealRequest, caller: HallCaller): Promise<{ ok: boolean; code: UnsealFailureCode | null; reason: string | null }> {
    const result = await deps.db.transaction().execute(async (trx) => {
      const { hall, bids, stage, now } = await lockedHall(trx, sectionId);
      const mine = ownBid(bids, caller);
      if (stage !== 'unsealing') throw new DomainError('HALL_STAGE_CONFLICT', `unsealing is not open (the hall is at ${stage})`, { stage });
      if (mine.unseal_status === 'unsealed' || mine.unseal_status === 'remedied') return { ok: true, code: null, reason: null };
      if (!mine.signed_in_at) throw new DomainError('HALL_STAGE_CONFLICT', 'sign in before unsealing', { stage });
      const parts = await deps.bids.sealedParts(trx, mine.bid_id, hall.bid_deadline);
      const manifest = (await deps.bids.openedBids(trx, sectionId, hall.round, hall.bid_deadline, sitting, mine.bid_id))[0]!.signedManifest;
      const keys = new Map<string, Uint8Array>();
      let reason: string | null = null;
      for (const k of body.keys) {
        if (keys.has(k.partId)) throw new DomainError('UNSEAL_REQUEST_INVALID', `part ${k.partId} is named twice`, { partId: k.partId });
        try {
          keys.set(k.partId, await gmSuite.unwrapKey(openingKey, fromBase64(k.wrappedKey)));
        } catch {
          reason ??= `the key for part ${k.partId} is not wrapped to the opening key`;
        }
      }
      const checked = reason
        ? { ok: false as const, code: 'keyNotWrapped' as const, reason }
        : await checkReleasedKeys({ parts, signedManifest: manifest, keys, fields: hall.summary_fields as BidSummaryField[], readBlob: (sm3) => deps.blobs.read(sm3) });
      if (!checked.ok) {
        const outcome = unsealFailureOutcome('bidder', hall.remedy_allowed);
        await store(trx).updateBid(mine.bid_id, { unseal_status: 'failed', failure_code: checked.code, failure_reason: checked.reason, failure_outcome: outcome, unsealed_at: now });
        await record(trx, caller.actor, hall, 'unsealFailed', { bidId: mine.bid_id, entityName: mine.entity_name, code: checked.code, reason: checked.reason, outcome });
        await event(trx, hall, 'unsealFailed', now, { bidId: mine.bid_id, entityName: mine.entity_name, code: checked.code, reason: checked.reason });
        return { ok: false, code: checked.code, reason: checked.reason };
      }
      for (const [partId, key] of keys) {
        await tables(trx)
          .insertInto('opening.content_key')
          .values({ bid_id: mine.bid_id, part_id: partId, sealed_key: await vault.seal(mine.bid_id, partId, key), released_by: 'bidder', released_at: now })
          .onConflict((oc) => oc.columns(['bid_id', 'part_id']).doNothing())
          .execute();
      }
      await store(trx).updateBid(mine.bid_id, { unseal_status: 'unsealed', unsealed_at: now, failure_code: null, failure_reason: null, failure_outcome: null, summary: JSON.stringify(checked.summary) });
      await record(trx, caller.actor, hall, 'unsealed', { bidId: mine.bid_id, entityName: mine.entity_name });
      await event(trx, hall, 'unsealed', now, { bidId: mine.bid_id, entityName: mine.entity_name });
      const after = bids.map((b) => (b.bid_id === mine.bid_id ? { ...b, unseal_status: 'unsealed' as const, failure_outcome: null } : b));
      if (after.every(settled)) await readout(trx, hall, after, now);
      return { ok: true, code: null, reason: null };
    });
    bus.changed(sectionId);
    if (!result.ok) throw new DomainError('UNSEAL_FAILED', `解密失败: ${result.reason}`, { code: result.code, reason: result.reason });
    await coefficient.complete(sectionId, (await section(deps.db, sectionId)).round);
    return result;
  }

  /** A-113: the document's bidSummary items of every opened bid, in receipt order; failed bids are not read out. */
  async function readout(trx: Db, hall: HallRow, bids: HallBidRow[], now: Date) {
    const opened = bids.filter((b) => b.unseal_status === 'unsealed' || b.unseal_status === 'remedied');
    const stored = await store(trx).bids(hall.section_id, hall.round);
    // A-121: an application is read out with when it came and what it holds (its signed manifest's files).
    const manifests = isApplication ? new Map((await deps.bids.openedBids(trx, hall.section_id, hall.round, hall.bid_deadline, sitting)).map((b) => [b.bidId, b.signedManifest.manifest])) : null;
    const rows = opened.map((b) => ({
      bidId: b.bid_id,
      order: b.receipt_order,
      entityName: b.entity_name,
      values: (stored.find((x) => x.bid_id === b.bid_id)?.summary ?? {}) as Record<string, string | number | null>,
      bondStatus: b.bond_status,
      ...(manifests
        ? {
            receivedAt: b.received_at.toISOString(),
            files: (manifests.get(b.bid_id)?.parts ?? []).filter((p) => p.role === 'file').map((p) => ({ name: p.name, size: p.size, plaintextHash: p.plaintextHash })),
          }
        : {}),
    }));
    await store(trx).updateHall(hall.section_id, hall.round, { readout_at: now, readout: JSON.stringify(rows) });
    await record(trx, systemActor, hall, 'readout', { rows, notOpened: bids.filter((b) => !opened.includes(b)).map((b) => ({ bidId: b.bid_id, entityName: b.entity_name, status: b.unseal_status, outcome: b.failure_outcome })) });
    // The table itself goes out with the event: every client in the hall has it the moment the stream
    // delivers it, without asking for the view (500 clients asking at once is what made it slow).
    await event(trx, hall, 'readout', now, { at: now.toISOString(), fields: hall.summary_fields, rows });
    // The bids read out, the section leaves tendering; applications go to the prequalification review.
    if (!isApplication) await deps.sections.markOpened(trx, hall.section_id, hall.round, systemActor);
    await coefficient.commit(trx, hall, now);
    // §7: the bulk files are decrypted in the background once read out.
    await deps.jobs.send(trx, BULK_UNSEAL_JOB, { sectionId: hall.section_id, round: hall.round, sitting }, { singletonKey: `${hall.section_id}:${hall.round}:${sitting}` });
  }

  /** The window's end (a job at the end, and the sweep): unsettled bids fail with their statutory outcome, then the readout. */
  async function closeWindowIfDue(sectionId: string, round: number): Promise<boolean> {
    const done = await deps.db.transaction().execute(async (trx) => {
      const hall = await store(trx).hall(sectionId, round, true);
      if (!hall || hall.readout_at || hall.failed_at || !hall.unseal_started_at) return false;
      const now = deps.clock.now();
      const end = unsealWindowEnd({ unsealStartedAt: hall.unseal_started_at, unsealWindowMinutes: hall.unseal_window_minutes })!;
      if (now.getTime() < end.getTime()) return false;
      const bids = await store(trx).bids(sectionId, round);
      const closed: HallBidRow[] = [];
      for (const b of bids) {
        if (settled(b)) {
          closed.push(b);
          continue;
        }
        // Not unsealed in time (or the remedy did not open it): the bidder's fault, no remedy left.
        const failedBefore = b.unseal_status === 'failed';
        const code = failedBefore ? (b.failure_code ?? 'windowClosed') : 'windowClosed';
        const reason = failedBefore ? (b.failure_reason ?? 'not opened') : 'not unsealed within the window';
        const outcome = unsealFailureOutcome('bidder', false);
        await store(trx).updateBid(b.bid_id, { unseal_status: 'failed', failure_code: code, failure_reason: reason, failure_outcome: outcome, unsealed_at: b.unsealed_at ?? end });
        await record(trx, systemActor, hall, 'unsealFailed', { bidId: b.bid_id, entityName: b.entity_name, code, reason, outcome });
        await event(trx, hall, 'unsealFailed', now, { bidId: b.bid_id, entityName: b.entity_name, code, reason });
        closed.push({ ...b, unseal_status: 'failed', failure_outcome: outcome });
      }
      await readout(trx, hall, closed, now);
      return true;
    });
    if (done) {
      bus.changed(sectionId);
      await coefficient.complete(sectionId, round);
    }
    return done;
  }

  /** Regulations art. 44: a bidder of the hall objects on the spot; the tenderer or agency answers there. */
  async function object(sectionId: string, text: string, caller: HallCaller) {
    const id = randomUUID();
    await deps.db.transaction().execute(async (trx) => {
      const { hall, bids, stage, now } = await lockedHall(trx, sectionId);
      const mine = ownBid(bids, caller);
      if (stage === 'closed' || stage === 'failed' || hall.record_frozen_at) {
        throw new DomainError('HALL_STAGE_CONFLICT', `objections are raised during the opening, before its record is drawn up (the hall is ${stage})`, { stage });
      }
      await tables(trx)
        .insertInto('opening.objection')
        .values({ id, section_id: sectionId, round: hall.round, sitting, entity_id: mine.entity_id, entity_name: mine.entity_name, raised_by: caller.userId, text, raised_at: now })
        .execute();
      await record(trx, caller.actor, hall, 'objectionRaised', { objectionId: id, entityName: mine.entity_name, text });
      await event(trx, hall, 'objectionRaised', now, { objectionId: id, entityName: mine.entity_name });
    });
    bus.changed(sectionId);
    return id;
  }

  async function answer(sectionId: string, objectionId: string, text: string, caller: HallCaller) {
    await deps.db.transaction().execute(async (trx) => {
      const { hall, now } = await lockedHall(trx, sectionId);
      const row = await tables(trx).selectFrom('opening.objection').selectAll().where('id', '=', objectionId).where('section_id', '=', sectionId).where('round', '=', hall.round).where('sitting', '=', sitting).executeTakeFirst();
      if (!row) throw new DomainError('OBJECTION_NOT_FOUND', `no objection ${objectionId} in this hall`);
      if (row.answered_at) throw new DomainError('OBJECTION_ANSWERED', 'the objection has been answered');
      await tables(trx).updateTable('opening.objection').set({ answer: text, answered_by: caller.userId, answered_at: now }).where('id', '=', objectionId).execute();
      await record(trx, caller.actor, hall, 'objectionAnswered', { objectionId, answer: text });
      await event(trx, hall, 'objectionAnswered', now, { objectionId });
    });
    bus.changed(sectionId);
  }

  /** Every minute: halls due to open, and unsealing windows that have ended (whatever a restart missed). */
  async function sweep(): Promise<{ opened: number; closed: number }> {
    const now = deps.clock.now();
    const due = await deps.sections.deadlinesPassed(deps.db, new Date(now.getTime() - 7 * 86_400_000), new Date(now.getTime() + 1), sitting);
    let opened = 0;
    for (const s of due) if (await openIfDue(s.id)) opened++;
    const open = await tables(deps.db)
      .selectFrom('opening.hall')
      .select(['section_id', 'round'])
      .where('sitting', '=', sitting)
      .where('unseal_started_at', 'is not', null)
      .where('readout_at', 'is', null)
      .where('failed_at', 'is', null)
      .execute();
    let closed = 0;
    for (const h of open) if (await closeWindowIfDue(h.section_id, h.round)) closed++;
    // A coefficient draw a restart interrupted between its steps.
    const drawing = await tables(deps.db)
      .selectFrom('opening.hall')
      .select(['section_id', 'round'])
      .where('sitting', '=', sitting)
      .where('coefficient_draw_id', 'is not', null)
      .where('coefficient', 'is', null)
      .execute();
    for (const h of drawing) await coefficient.complete(h.section_id, h.round);
    return { opened, closed };
  }

  return {
    openIfDue,
    signIn,
    startUnsealing,
    unsealKit,
    unseal,
    closeWindowIfDue,
    object,
    answer,
    sweep,
    sitting,
    openingKey: opening,
    /** For the custodians' remedy: the readout once every bid is settled, and the coefficient draw after it. */
    readoutIfSettled: async (trx: Db, hall: HallRow, bids: HallBidRow[], now: Date) => (bids.every(settled) ? (await readout(trx, hall, bids, now), true) : false),
    completeCoefficient: (sectionId: string, round: number) => coefficient.complete(sectionId, round),
    unwrapFromOpeningKey: (wrapped: Uint8Array) => gmSuite.unwrapKey(openingKey, wrapped),
    WINDOW_END_JOB,
  };
}

export type HallService = ReturnType<typeof createHallService>;
