import { canonicalJson, publicKeyFromPem, sm3, toHex, verifyJson, type JsonSignature } from '@bidhall/crypto';
import { STANDARD_APPLICATION_RECORD_TEMPLATE, type OpeningRecord, type OpeningRecordView, type RecordSignRequest, type Sitting } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { HallBus } from './hall-bus.ts';
import { hallStore, latestHallRound } from './hall-store.ts';
import { hallTx, ownBid, type HallCaller } from './hall-tx.ts';
import { type OpeningDeps, tables } from './opening.deps.ts';
import { buildRecord, recordHtml } from './opening-record.ts';
import type { RecordTemplates } from './record-templates.service.ts';

/** What a bidder signs to confirm the record. */
export function recordSigningPayload(sectionId: string, round: number, recordSm3: string) {
  return { action: 'signOpeningRecord', sectionId, round, recordSm3 };
}

/**
 * The opening record (A-114, A-115, B-017): drawn up from the hall once the readout is done and every
 * objection answered, signed by bidders with their bound certificates, published on the portal and
 * pushed to the public service platform; the hall then closes.
 */
export function createRecordService(deps: OpeningDeps, bus: HallBus, templates: Pick<RecordTemplates, 'forRegion'>, sitting: Sitting = 'bid') {
  const { section, lockedHall, record, event } = hallTx(deps, sitting);
  const store = (db: Db) => hallStore(db, sitting);
  const isApplication = sitting === 'application';

  async function freeze(sectionId: string, caller: HallCaller): Promise<void> {
    await deps.db.transaction().execute(async (trx) => {
      const { hall, bids, stage, now } = await lockedHall(trx, sectionId);
      if (stage !== 'record') throw new DomainError('HALL_STAGE_CONFLICT', `the record is drawn up after the readout (the hall is at ${stage})`, { stage });
      if (hall.record_frozen_at) return;
      if (hall.coefficient_spec && !hall.coefficient) throw new DomainError('HALL_STAGE_CONFLICT', 'the price coefficient is still being drawn', { stage });
      const objections = await store(trx).objections(sectionId, hall.round);
      const open = objections.filter((o) => !o.answered_at).length;
      if (open) throw new DomainError('HALL_STAGE_CONFLICT', `answer the ${open} open objection(s) first: the record carries every answer`, { stage, openObjections: open });
      const s = await section(trx, sectionId);
      // The region's template as it stands now is copied into the record: its SM3 covers how it reads.
      // Applications' records keep the standard layout (the templates are the bid opening's, A-115).
      const template = isApplication ? STANDARD_APPLICATION_RECORD_TEMPLATE : await templates.forRegion(trx, hall.region_code);
      const doc = buildRecord({ hall, bids, objections, section: { code: s.code, name: s.name, projectName: s.projectName, tendererName: s.tendererName }, frozenAt: now, template });
      const recordSm3 = toHex(sm3(canonicalJson(doc)));
      await store(trx).updateHall(sectionId, hall.round, { record: JSON.stringify(doc), record_sm3: recordSm3, record_frozen_at: now, record_template_id: template.id });
      await record(trx, caller.actor, hall, 'recordDrawnUp', { recordSm3, template: { id: template.id, name: template.name, version: template.version } });
      await event(trx, hall, 'recordDrawnUp', now, { recordSm3 });
    });
    bus.changed(sectionId);
  }

  async function sign(sectionId: string, body: RecordSignRequest, caller: HallCaller): Promise<void> {
    await deps.db.transaction().execute(async (trx) => {
      const { hall, bids, now } = await lockedHall(trx, sectionId);
      const mine = ownBid(bids, caller);
      if (!hall.record_frozen_at || !hall.record_sm3) throw new DomainError('HALL_STAGE_CONFLICT', 'the record has not been drawn up yet', {});
      if (hall.record_published_at) throw new DomainError('HALL_STAGE_CONFLICT', 'the record has been published', {});
      const cert = await deps.boundCertificate(trx, mine.entity_id, body.certificatePem);
      const payload = recordSigningPayload(sectionId, hall.round, hall.record_sm3);
      if (!verifyJson(payload, body.signature as JsonSignature, publicKeyFromPem(cert.publicKeyPem))) {
        throw new DomainError('RECORD_SIGNATURE_INVALID', 'the signature is not over this record by the bound certificate', { recordSm3: hall.record_sm3 });
      }
      const inserted = await tables(trx)
        .insertInto('opening.record_signature')
        .values({ section_id: sectionId, round: hall.round, sitting, entity_id: mine.entity_id, entity_name: mine.entity_name, signed_by: caller.userId, certificate_fingerprint: cert.fingerprint, signature: JSON.stringify(body.signature), signed_at: now })
        .onConflict((oc) => oc.columns(['section_id', 'round', 'sitting', 'entity_id']).doNothing())
        .returning('entity_id')
        .execute();
      if (!inserted.length) return;
      await record(trx, caller.actor, hall, 'recordSigned', { entityName: mine.entity_name, recordSm3: hall.record_sm3, signature: body.signature, certificateFingerprint: cert.fingerprint });
      await event(trx, hall, 'recordSigned', now, { entityName: mine.entity_name });
    });
    bus.changed(sectionId);
  }

  async function publish(sectionId: string, caller: HallCaller): Promise<void> {
    await deps.db.transaction().execute(async (trx) => {
      const { hall, now } = await lockedHall(trx, sectionId);
      if (!hall.record_frozen_at || !hall.record) throw new DomainError('HALL_STAGE_CONFLICT', 'draw up the record first', {});
      if (hall.record_published_at) return;
      const s = await section(trx, sectionId);
      const signatures = await signaturesOf(trx, sectionId, hall.round);
      const doc = hall.record as OpeningRecord;
      const published = await deps.publish(
        trx,
        {
          type: 'openingRecord',
          sourceId: isApplication ? `${sectionId}:${hall.round}:application` : `${sectionId}:${hall.round}`,
          sectionIds: [sectionId],
          regionCode: s.regionCode,
          category: s.category,
          title: `${s.projectName}${s.name}${isApplication ? '资格预审申请文件开启记录' : '开标记录'}`,
          bodyHtml: recordHtml(doc, signatures),
          prominent: false,
          publishedAt: now.toISOString(),
          round: hall.round,
          links: {},
          mandatory: s.mandatory,
        },
        caller.actor,
      );
      await store(trx).updateHall(sectionId, hall.round, { record_published_at: now, record_publication_id: published.publicationId });
      await record(trx, caller.actor, hall, 'recordPublished', { recordSm3: hall.record_sm3, publicationId: published.publicationId, signatures: signatures.length });
      await event(trx, hall, 'recordPublished', now, { publicationId: published.publicationId });
    });
    bus.changed(sectionId);
  }

  async function signaturesOf(db: Db, sectionId: string, round: number) {
    const rows = await tables(db)
      .selectFrom('opening.record_signature')
      .select(['entity_name', 'signed_at'])
      .where('section_id', '=', sectionId)
      .where('round', '=', round)
      .where('sitting', '=', sitting)
      .orderBy('signed_at')
      .execute();
    return rows.map((r) => ({ entityName: r.entity_name, signedAt: r.signed_at.toISOString() }));
  }

  /** The frozen record of the section's newest hall, with who signed it. */
  async function view(db: Db, sectionId: string): Promise<OpeningRecordView> {
    const round = await latestHallRound(db, sectionId, sitting);
    const hall = round === null ? undefined : await store(db).hall(sectionId, round);
    if (!hall?.record || !hall.record_sm3) throw new DomainError('RECORD_NOT_READY', 'the opening record has not been drawn up yet');
    return {
      record: hall.record as OpeningRecord,
      recordSm3: hall.record_sm3,
      signatures: await signaturesOf(db, sectionId, hall.round),
      publishedAt: hall.record_published_at?.toISOString() ?? null,
      publicationId: hall.record_publication_id,
    };
  }

  return { freeze, sign, publish, view };
}

export type RecordService = ReturnType<typeof createRecordService>;
