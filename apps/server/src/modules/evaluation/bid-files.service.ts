import type { BidFilesView } from '@bidhall/contracts';
import type { Readable } from 'node:stream';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { readingMember } from './bid-files.access.ts';
import type { EvaluationCopyPort, RequirementsPort } from './bid-files.deps.ts';
import type { Caller } from './caller.ts';
import { type EvaluationDeps, json } from './evaluation.deps.ts';
import type { EvaluationSitting } from './sitting.ts';
import type { EvaluatedBid } from './evaluation.tables.ts';

export type BidFilesDeps = Pick<EvaluationDeps, 'db' | 'clock' | 'audit'> & { evaluationCopy: EvaluationCopyPort; requirements: RequirementsPort };

/**
 * A-138: the read-out bids' files for the committee. The list names each bid's parts by role with their
 * sizes; a part's plaintext streams from its evaluation copy, checked by opening's port before the first
 * byte and again to the last. Every read is audited: who (member and seat), which part of which bid, when.
 */
export function createBidFiles(deps: BidFilesDeps, at: EvaluationSitting) {
  const { db } = deps;
  const { sitting } = at;

  async function list(sectionId: string, caller: Caller): Promise<BidFilesView> {
    const { ev } = await readingMember(db, deps.clock, sectionId, caller, sitting);
    const evaluated = json<EvaluatedBid[]>(ev.bids);
    const copies = await deps.evaluationCopy.bidsOf(db, sectionId, sitting);
    // The tender document's parts name a bid's files; an application's are named by its manifest alone.
    const required = sitting === 'bid' ? await deps.requirements.requirementsOf(db, sectionId) : null;
    const names = new Map((required?.parts ?? []).map((p) => [p.key, p.name]));
    const byId = new Map((copies?.bids ?? []).map((b) => [b.bidId, b]));
    return {
      finished: copies?.finished ?? false,
      bids: evaluated.map((b) => ({
        bidId: b.bidId,
        entityName: b.entityName,
        receivedAt: b.receivedAt,
        // The bidSummary first, then the files in the document's order of parts.
        parts: [...(byId.get(b.bidId)?.parts ?? [])]
          .sort((x, y) => rank(x, names) - rank(y, names))
          .map((p) => ({ partId: p.partId, name: p.name, role: p.role, partKey: p.partKey, partName: p.partKey ? (names.get(p.partKey) ?? null) : null, mediaType: p.mediaType, size: p.size, available: p.available })),
      })),
    };
  }

  async function open(sectionId: string, bidId: string, partId: string, caller: Caller): Promise<{ name: string; size: number; mediaType: string | null; stream: Readable }> {
    const { ev, member } = await readingMember(db, deps.clock, sectionId, caller, sitting);
    if (!json<EvaluatedBid[]>(ev.bids).some((b) => b.bidId === bidId)) throw new DomainError('EVALUATION_BID_FILE_NOT_FOUND', 'no such bid in this evaluation');
    const copies = await deps.evaluationCopy.bidsOf(db, sectionId, sitting);
    const part = copies?.bids.find((b) => b.bidId === bidId)?.parts.find((p) => p.partId === partId);
    if (!part) throw new DomainError('EVALUATION_BID_FILE_NOT_FOUND', 'no such part of this bid');
    if (!part.available) throw new DomainError('EVALUATION_COPY_NOT_READY', 'the bulk decryption has not reached this part yet', { bidId, partId });
    const opened = await deps.evaluationCopy.open(db, sectionId, bidId, partId, sitting);
    if (!opened.ok) {
      if (opened.reason === 'unavailable') throw new DomainError('EVALUATION_COPY_NOT_READY', opened.detail, { bidId, partId });
      // The refusal is audited in its own transaction: a changed copy is an incident, not a read.
      await db.transaction().execute((trx) =>
        deps.audit.record(trx, caller.actor, { action: `${at.action}.bidFileRefused`, targetType: 'section', targetId: sectionId, regionCode: ev.region_code, details: { memberId: member.id, bidId, partId, reason: opened.detail } }),
      );
      throw new DomainError('EVALUATION_COPY_TAMPERED', 'the evaluation copy of this part fails its integrity check and is not served', { bidId, partId });
    }
    try {
      await db.transaction().execute((trx) =>
        deps.audit.record(trx, caller.actor, {
          action: `${at.action}.bidFileRead`,
          targetType: 'section',
          targetId: sectionId,
          regionCode: ev.region_code,
          details: { memberId: member.id, role: member.role, seat: member.seat, bidId, partId, name: opened.name, size: opened.size },
        }),
      );
    } catch (err) {
      // No read without its record.
      opened.stream.destroy();
      throw err;
    }
    return opened;
  }

  return { list, open };
}

function rank(p: { role: string; partKey: string | null }, names: Map<string, string>): number {
  if (p.role === 'bidSummary') return -1;
  const i = p.partKey ? [...names.keys()].indexOf(p.partKey) : -1;
  return i < 0 ? names.size : i;
}

export type BidFiles = ReturnType<typeof createBidFiles>;
