import type { Sitting } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { createBidViewService } from './bid-view.service.ts';
import { registerBidRoutes } from './bid.routes.ts';
import type { BiddingDeps } from './bidding.deps.ts';
import { biddingErrors } from './bidding.errors.ts';
import { createClarificationHook } from './clarification-hook.ts';
import { createHallPort } from './hall-port.ts';
import { registerCustodianKeyRoutes } from './custodian-keys.routes.ts';
import { createCustodianKeyService } from './custodian-keys.service.ts';
import { createBiddingScopes } from './scopes.ts';
import { type ClaimUploads, documentKindOf } from './section-state.ts';
import { createSubmissionService } from './submission.service.ts';
import { createBidUploads } from './uploads.ts';
import { tables } from './bidding.deps.ts';

export type {
  BiddingDeps,
  BondsPort,
  BoundCertificatePort,
  DocumentsPort,
  IssuedDocument,
  LogReceiptPort,
  NotifyPort,
  RegionsPort,
  SectionsPort,
  TimeGuardPort,
} from './bidding.deps.ts';
export type { ClaimUploads } from './section-state.ts';
export type { HallPort, OpenedBid, SealedPartRef } from './hall-port.ts';
export { custodianSetSm3, CUSTODIAN_THRESHOLD } from './custodian-keys.service.ts';
export { receiptCommitment, coreOf } from './receipt.ts';
export { manifestSm3 } from './submission.service.ts';

/**
 * Bidding (issue 10, decision 0019): opening custodians' keys, what a document requires of a bid,
 * sealed parts uploaded resumably with tus, sealed bids received blind and answered with signed
 * receipts, their replacement, withdrawal and confirmation after a clarification. Before the opening
 * only the bidding entity learns a bid exists.
 */
/** Every five minutes: uploads past their section's deadline closed, orphaned files removed. */
export const UPLOAD_SWEEP_JOB = 'bidding.upload-sweep';

export function createBiddingModule(deps: BiddingDeps) {
  const custodians = createCustodianKeyService(deps);
  // Only a bidder whose entity obtained the sitting's issued document uploads parts for it.
  const isHolder = async (trx: Db, sectionId: string, entityId: string, sitting: Sitting) => {
    const doc = await deps.documents.issuedFor(trx, sectionId, documentKindOf(sitting));
    return doc !== null && (await deps.documents.hasObtained(trx, doc.id, entityId));
  };
  const uploads = createBidUploads({ db: deps.db, clock: deps.clock, blobs: deps.blobs, uploadDir: deps.uploadDir, sections: deps.sections, timeGuard: deps.timeGuard, isHolder });
  deps.jobs.define({ name: UPLOAD_SWEEP_JOB, cron: '*/5 * * * *', handle: async () => void (await uploads.sweep()) });
  const claim: ClaimUploads = uploads.claimAll;
  const submissions = createSubmissionService(deps, custodians, claim);
  const views = createBidViewService(deps, custodians);

  return {
    errors: { ...biddingErrors, ...uploads.errors },
    scopes: { ...createBiddingScopes(deps), ...uploads.scopes },
    /** documents → bidding (its onClarificationIssued hook): live bidders are asked to confirm or replace. */
    onClarificationIssued: createClarificationHook(deps),
    services: { custodians, submissions, views },
    /** bidding → opening: the bids live at the deadline and their sealed parts, only after it. */
    hall: createHallPort(deps),
    /** bidding → finance: whether the entity has a live bid on the section's round (its bond is held). */
    async hasLiveBid(trx: Db, sectionId: string, round: number, entityId: string): Promise<boolean> {
      const live = await tables(trx)
        .selectFrom('bidding.bid')
        .select('id')
        .where('section_id', '=', sectionId)
        .where('round', '=', round)
        .where('entity_id', '=', entityId)
        .where('sitting', '=', 'bid')
        .where('status', '=', 'submitted')
        .executeTakeFirst();
      return live !== undefined;
    },
    registerRoutes(app: AppInstance) {
      registerCustodianKeyRoutes(app, { db: deps.db, custodians });
      registerBidRoutes(app, { db: deps.db, submissions, views });
      uploads.registerRoutes(app);
    },
  };
}

export type BiddingModule = ReturnType<typeof createBiddingModule>;
