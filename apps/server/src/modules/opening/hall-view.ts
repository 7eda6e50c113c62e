import type { BidSummaryField, HallView, ReadoutRow, Sitting } from '@bidhall/contracts';
import { hallStage, unsealWindowEnd } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { factsOf, hallStore, latestHallRound } from './hall-store.ts';
import { type OpeningDeps, tables } from './opening.deps.ts';
import { sittingDeadline } from './sitting.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The hall as one caller sees it at the server's time. Before the hall opens it lists no bidder;
 * bidSummary values appear only in the readout, once every bid is settled.
 */
export async function hallView(
  deps: Pick<OpeningDeps, 'sections' | 'terms' | 'clock'>,
  db: Db,
  sectionId: string,
  caller: { entityId: string | null },
  sitting: Sitting = 'bid',
): Promise<HallView> {
  const s = await deps.sections.get(db, sectionId);
  if (!s) throw new DomainError('HALL_NOT_FOUND', `no opening hall for section ${sectionId}`);
  const now = deps.clock.now();
  const manages = caller.entityId !== null && (caller.entityId === s.tendererEntityId || caller.entityId === s.agencyEntityId);
  const base = { sectionId, sitting, sectionCode: s.code, sectionName: s.name, tendererName: s.tendererName, serverTime: now.toISOString() };
  const store = hallStore(db, sitting);
  const deadline = sittingDeadline(s, sitting);
  let hall = await store.hall(sectionId, s.round);
  // A failed opening's hall stays on view after the re-tender until the new round has a deadline.
  const previous = hall || deadline ? null : await latestHallRound(db, sectionId, sitting);
  if (previous !== null) hall = await store.hall(sectionId, previous);
  if (!hall) {
    if (!deadline) throw new DomainError('HALL_NOT_OPEN', sitting === 'application' ? 'the section takes no prequalification applications' : 'the section has no bid deadline yet');
    const terms = await deps.terms.termsFor(db, sectionId, sitting);
    return {
      ...base,
      round: s.round,
      lastSeq: 0,
      stage: now.getTime() < deadline.getTime() ? 'waiting' : 'signIn',
      bidDeadline: deadline.toISOString(),
      unsealStartedAt: null,
      unsealWindowMinutes: terms?.unsealWindowMinutes ?? 30,
      unsealWindowEnd: null,
      remedyAllowed: terms?.remedyAllowed ?? false,
      failure: null,
      bidders: [],
      readout: null,
      objections: [],
      coefficient: terms?.coefficient ? { drawId: null, value: null } : null,
      mine: null,
      bulk: null,
      record: null,
      can: { signIn: false, startUnsealing: false, unseal: false, object: false, answer: false, drawUpRecord: false, signRecord: false, publishRecord: false },
    };
  }
  const { bids, objections, signers, bulk: counted } = await factsAt(db, hall, sitting);
  // While the bulk decryption runs, parts are done between its (once a second) events: counted now.
  const bulk = hall.readout_at && !hall.bulk_unsealed_at ? await bulkProgress(db, bids) : counted;
  const stage = hallStage(factsOf(hall, bids), now);
  const mineRow = caller.entityId ? bids.find((b) => b.entity_id === caller.entityId) : undefined;
  const live = stage !== 'closed' && stage !== 'failed';
  return {
    ...base,
    round: hall.round,
    lastSeq: Number(hall.last_seq),
    stage,
    bidDeadline: hall.bid_deadline.toISOString(),
    unsealStartedAt: iso(hall.unseal_started_at),
    unsealWindowMinutes: hall.unseal_window_minutes,
    unsealWindowEnd: iso(unsealWindowEnd({ unsealStartedAt: hall.unseal_started_at, unsealWindowMinutes: hall.unseal_window_minutes })),
    remedyAllowed: hall.remedy_allowed,
    failure: hall.failed_at && hall.failure_reason ? { reason: hall.failure_reason, at: hall.failed_at.toISOString() } : null,
    bidders: bids.map((b) => ({
      bidId: b.bid_id,
      order: b.receipt_order,
      entityName: b.entity_name,
      receivedAt: b.received_at.toISOString(),
      signedInAt: iso(b.signed_in_at),
      unseal: { status: b.unseal_status, at: iso(b.unsealed_at), code: b.failure_code, reason: b.failure_reason, outcome: b.failure_outcome },
      bond: { form: b.bond_form, status: b.bond_status },
    })),
    readout: hall.readout_at ? { at: hall.readout_at.toISOString(), fields: hall.summary_fields as BidSummaryField[], rows: (hall.readout ?? []) as ReadoutRow[] } : null,
    objections: objections.map((o) => ({ id: o.id, entityName: o.entity_name, text: o.text, raisedAt: o.raised_at.toISOString(), answer: o.answer, answeredAt: iso(o.answered_at) })),
    bulk: hall.readout_at ? { ...bulk, finishedAt: iso(hall.bulk_unsealed_at) } : null,
    coefficient: hall.coefficient_spec ? { drawId: hall.coefficient_draw_id, value: hall.coefficient } : null,
    mine: mineRow ? { bidId: mineRow.bid_id, signedIn: mineRow.signed_in_at !== null, unseal: mineRow.unseal_status } : null,
    record:
      hall.record_frozen_at && hall.record_sm3
        ? { recordSm3: hall.record_sm3, drawnUpAt: hall.record_frozen_at.toISOString(), signatures: signers.length, signedByMe: !!mineRow && signers.includes(mineRow.entity_id), publishedAt: iso(hall.record_published_at) }
        : null,
    can: {
      drawUpRecord: manages && stage === 'record' && !hall.record_frozen_at && objections.every((o) => o.answered_at),
      signRecord: !!mineRow && !!hall.record_frozen_at && !hall.record_published_at && !signers.includes(mineRow.entity_id),
      publishRecord: manages && !!hall.record_frozen_at && !hall.record_published_at,
      signIn: !!mineRow && !mineRow.signed_in_at && (stage === 'signIn' || stage === 'unsealing'),
      startUnsealing: manages && stage === 'signIn',
      unseal: !!mineRow && !!mineRow.signed_in_at && stage === 'unsealing' && mineRow.unseal_status !== 'unsealed' && mineRow.unseal_status !== 'remedied',
      object: !!mineRow && live && !hall.record_frozen_at,
      answer: manages && objections.some((o) => !o.answered_at),
    },
  };
}

/**
 * The hall's rows as of its last event. Every change to them is a numbered hall event in the same
 * transaction, so (section, round, last event) names one state: the many watchers who fetch the view on
 * the same event (the readout, to every client at once) share one read of it.
 */
const FACTS_KEPT = 64;
const facts = new Map<string, Promise<Awaited<ReturnType<typeof readFacts>>>>();
function factsAt(db: Db, hall: { section_id: string; round: number; last_seq: unknown; readout_at: Date | null }, sitting: Sitting) {
  const key = `${hall.section_id}:${hall.round}:${sitting}:${String(hall.last_seq)}`;
  let hit = facts.get(key);
  if (!hit) {
    hit = readFacts(db, hall, sitting);
    // A failed read is not kept: the next caller reads again.
    hit.catch(() => facts.delete(key));
    facts.set(key, hit);
    if (facts.size > FACTS_KEPT) facts.delete(facts.keys().next().value!);
  }
  return hit;
}

async function readFacts(db: Db, hall: { section_id: string; round: number; readout_at: Date | null }, sitting: Sitting) {
  const store = hallStore(db, sitting);
  const bids = await store.bids(hall.section_id, hall.round);
  const objections = await store.objections(hall.section_id, hall.round);
  const signers = (
    await tables(db).selectFrom('opening.record_signature').select('entity_id').where('section_id', '=', hall.section_id).where('round', '=', hall.round).where('sitting', '=', sitting).execute()
  ).map((r) => r.entity_id);
  const bulk = hall.readout_at ? await bulkProgress(db, bids) : { done: 0, total: 0 };
  return { bids, objections, signers, bulk };
}

/** Parts decrypted for evaluation of all released parts of the opened bids. */
async function bulkProgress(db: Db, bids: readonly { bid_id: string; unseal_status: string }[]): Promise<{ done: number; total: number }> {
  const ids = bids.filter((b) => b.unseal_status === 'unsealed' || b.unseal_status === 'remedied').map((b) => b.bid_id);
  if (!ids.length) return { done: 0, total: 0 };
  const count = async (table: 'opening.unsealed_part' | 'opening.content_key') =>
    Number((await tables(db).selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('bid_id', 'in', ids).executeTakeFirstOrThrow()).n);
  return { done: await count('opening.unsealed_part'), total: await count('opening.content_key') };
}
