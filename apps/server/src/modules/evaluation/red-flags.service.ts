import type { RedFlagsView, RedFlagView } from '@bidhall/contracts';
import { type RedFlag, type RedFlagBid, redFlags } from '@bidhall/rules';
import { committeeOrOfficer } from './bid-files.access.ts';
import type { EvaluationCopyPort } from './bid-files.deps.ts';
import type { Caller } from './caller.ts';
import { type EvaluationDeps, json } from './evaluation.deps.ts';
import { type EvaluatedBid, priceOf } from './evaluation.tables.ts';

export type RedFlagsDeps = Pick<EvaluationDeps, 'db'> & { evaluationCopy: EvaluationCopyPort };

/**
 * signs of collusion among the bids under evaluation (围标串标), by the rules' `redFlags`, from
 * what the bidders signed — the preparation fingerprint and the files' hashes of each manifest — and
 * what was read out and received. For the committee and the officers; bidders never reach it.
 */
export function createRedFlags(deps: RedFlagsDeps) {
  async function flags(sectionId: string, caller: Caller): Promise<RedFlagsView> {
    const { ev } = await committeeOrOfficer(deps.db, sectionId, caller);
    const evaluated = json<EvaluatedBid[]>(ev.bids);
    const copies = new Map(((await deps.evaluationCopy.bidsOf(deps.db, sectionId))?.bids ?? []).map((b) => [b.bidId, b]));
    const input: RedFlagBid[] = evaluated.map((b) => {
      const c = copies.get(b.bidId);
      return {
        bidId: b.bidId,
        bidderId: b.entityId,
        priceFen: priceOf(b),
        receivedAtMs: Date.parse(b.receivedAt),
        preparation: c?.preparation ?? null,
        files: (c?.parts ?? []).filter((p) => p.role === 'file').map((p) => ({ name: p.name, size: p.size, plaintextHash: p.plaintextHash })),
      };
    });
    const name = new Map(evaluated.map((b) => [b.bidId, b.entityName]));
    const received = new Map(evaluated.map((b) => [b.bidId, b.receivedAt]));
    return {
      withoutFingerprint: input.filter((b) => b.preparation === null).map((b) => b.bidId),
      flags: redFlags(input).map((f) => view(f, (ids) => ids.map((id) => name.get(id) ?? ''), (ids) => ids.map((id) => received.get(id)!))),
    };
  }
  return { flags };
}

function view(f: RedFlag, names: (ids: string[]) => string[], times: (ids: string[]) => string[]): RedFlagView {
  const common = { bidIds: f.bidIds, entityNames: names(f.bidIds) };
  switch (f.kind) {
    case 'identicalPrice':
      return { kind: f.kind, ...common, evidence: { priceFen: String(f.evidence.priceFen) } };
    case 'arithmeticPrices':
      return { kind: f.kind, ...common, evidence: { stepFen: String(f.evidence.stepFen), pricesFen: f.evidence.pricesFen.map(String) } };
    case 'closeSubmissions':
      return { kind: f.kind, ...common, evidence: { ...f.evidence, receivedAt: times(f.bidIds) } };
    case 'sharedDevice':
    case 'sharedFileMetadata':
    case 'identicalFile':
      return { ...f, ...common } as RedFlagView;
  }
}

export type RedFlags = ReturnType<typeof createRedFlags>;
