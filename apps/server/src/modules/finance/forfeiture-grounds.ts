import type { BondForfeitureGround, BondForfeitureRefusal, BondForfeitureRequest, SectionSnapshotView } from '@bidhall/contracts';
import { sm3, toHex } from '@bidhall/crypto';
import { toBusinessDate } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { FinanceDeps } from './finance.deps.ts';

export type GroundCheck =
  { ok: true; facts: Record<string, unknown> } | { ok: false; reason: BondForfeitureRefusal; facts: Record<string, unknown> };

const holds = (facts: Record<string, unknown>): GroundCheck => ({ ok: true, facts });
const fails = (reason: BondForfeitureRefusal, facts: Record<string, unknown> = {}): GroundCheck => ({ ok: false, reason, facts });

/**
 * Whether the record supports a forfeiture's ground for one bidder of the section's round (decision
 * 0042), each fact asked of the module that keeps it; the facts that held are kept with the decision.
 */
export function createGroundChecks(
  deps: Pick<FinanceDeps, 'clock' | 'awarded' | 'bids' | 'verifyEntitySignature' | 'forfeitureFacts'>,
) {
  async function check(
    trx: Db,
    section: SectionSnapshotView,
    entityId: string,
    ground: BondForfeitureGround,
    revocation?: BondForfeitureRequest['revocation'],
  ): Promise<GroundCheck> {
    const facts = deps.forfeitureFacts;
    if (!facts) return fails('unavailable');
    switch (ground) {
      case 'decryptionFailed': {
        const outcome = await facts.unsealOutcome(trx, section.id, section.round, entityId);
        return outcome === 'revoked'
          ? holds({ unsealOutcome: outcome })
          : fails('notRevokedAtOpening', { unsealOutcome: outcome });
      }
      case 'declinedAward':
      case 'noPerformanceSecurity': {
        const passed = await facts.passedOver(trx, section.id);
        const want = ground === 'declinedAward' ? 'declined' : 'noPerformanceBond';
        if (passed && passed.reason === want && passed.entityIds.includes(entityId)) return holds({ passedOver: want });
        return fails('notPassedOver', { passedOver: passed?.entityIds.includes(entityId) ? passed.reason : null });
      }
      case 'refusedContract':
        return refusedContract(trx, section, entityId);
      case 'withdrawnAfterDeadline':
        return withdrawn(trx, section, entityId, revocation);
    }
  }

  /** Reg. 74: the winner of the round has not concluded the contract by Law 46's due day. */
  async function refusedContract(trx: Db, section: SectionSnapshotView, entityId: string): Promise<GroundCheck> {
    const awarded = deps.awarded ? await deps.awarded(trx, section.id) : null;
    if (!awarded || awarded.round !== section.round || awarded.winnerEntityId !== entityId) return fails('notWinner');
    const standing = await deps.forfeitureFacts!.contractStanding(trx, section.id);
    if (standing.concluded) return fails('contractConcluded');
    const today = toBusinessDate(deps.clock.now());
    if (!standing.dueDate || today <= standing.dueDate) return fails('contractNotDue', { dueDate: standing.dueDate });
    return holds({ awardNoticeAt: awarded.awardNoticeAt.toISOString(), contractDueDate: standing.dueDate });
  }

  /** Reg. 35: a bid standing after the deadline, revoked in writing under the bidder's certificate. */
  async function withdrawn(
    trx: Db,
    section: SectionSnapshotView,
    entityId: string,
    revocation: BondForfeitureRequest['revocation'],
  ): Promise<GroundCheck> {
    if (!revocation) return fails('noRevocation');
    if (!(await deps.bids.hasLiveBid(trx, section.id, section.round, entityId))) return fails('noBid');
    const content = Buffer.from(revocation.text, 'utf8');
    let signer: Awaited<ReturnType<FinanceDeps['verifyEntitySignature']>>;
    try {
      signer = await deps.verifyEntitySignature(entityId, content, revocation.signature, trx);
    } catch (err) {
      if (err instanceof DomainError) return fails('revocationNotSigned', { code: err.code });
      throw err;
    }
    const deadline = Date.parse(section.timetable.bidDeadline!);
    if (signer.signingTime && Date.parse(signer.signingTime) < deadline)
      return fails('revocationBeforeDeadline', { signingTime: signer.signingTime });
    return holds({
      revocation: {
        text: revocation.text,
        sm3: toHex(sm3(content)),
        signature: revocation.signature,
        signer: signer.subject,
        fingerprint: signer.fingerprint,
        signingTime: signer.signingTime,
      },
    });
  }

  return { check };
}
