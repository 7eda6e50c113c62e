import { SITTINGS, type Sitting } from '@bidhall/contracts';
import { hallBidders } from './hall-bidders.ts';
import { hallReadout } from './hall-readout.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { createHallBus, type HallBus } from './hall-bus.ts';
import { registerHallRoutes } from './hall.routes.ts';
import { createHallService, type HallService } from './hall.service.ts';
import { createRecordService, type RecordService } from './record.service.ts';
import { BULK_UNSEAL_JOB, createBulkUnseal, type BulkUnseal } from './bulk-unseal.ts';
import { contentKeyVault } from './content-keys.ts';
import { createEvaluationCopy } from './evaluation-copy.ts';
import { createRemedyService, type RemedyService } from './remedy.service.ts';
import { createRecordTemplates } from './record-templates.service.ts';
import { registerRecordTemplateRoutes } from './record-templates.routes.ts';
import type { OpeningDeps } from './opening.deps.ts';
import { openingErrors } from './opening.errors.ts';
import { createOpeningScopes } from './scopes.ts';

export type { ReadoutBid } from './hall-readout.ts';
export type { BidsPort, BoundCertificatePort, OpeningDeps, OpeningTermsPort, PublishPort, SectionsPort } from './opening.deps.ts';
export { recordSigningPayload } from './record.service.ts';
export { evaluationKey } from './bulk-unseal.ts';
export type { EvaluationCopy, EvaluationCopyBid, EvaluationCopyPart, OpenedCopy } from './evaluation-copy.ts';

/** Every minute: halls whose deadline has passed are opened, unsealing windows that ended are closed. */
export const OPENING_SWEEP_JOB = 'opening.sweep';

/**
 * The remote opening hall (issue 11, decision 0021; 不见面开标): opened by itself at the deadline,
 * bidders sign in and unseal where they are, the readout, objections on the spot, the signed and
 * published opening record, live over SSE.
 */
export function createOpeningModule(deps: OpeningDeps) {
  const templates = createRecordTemplates(deps);
  const vault = contentKeyVault(deps.signingKey);
  // One hall per sitting (decision 0023): the bids' opening and the prequalification applications'.
  const sittings = Object.fromEntries(
    SITTINGS.map((sitting) => {
      const bus = createHallBus();
      const halls = createHallService(deps, bus, sitting);
      const records = createRecordService(deps, bus, templates, sitting);
      const bulk = createBulkUnseal(deps, vault, bus, sitting);
      const remedy = createRemedyService(deps, vault, bus, halls);
      return [sitting, { bus, halls, records, bulk, remedy }];
    }),
  ) as Record<Sitting, { bus: HallBus; halls: HallService; records: RecordService; bulk: BulkUnseal; remedy: RemedyService }>;
  const { halls, records, bulk, remedy } = sittings.bid;
  deps.jobs.define({
    name: OPENING_SWEEP_JOB,
    cron: '* * * * *',
    handle: async () => {
      for (const sitting of SITTINGS) await sittings[sitting].halls.sweep();
    },
  });
  // Jobs sent before sittings existed carry none: they are the bids'.
  type HallJob = { sectionId: string; round: number; sitting?: Sitting };
  deps.jobs.define<HallJob>({
    name: halls.WINDOW_END_JOB,
    handle: async (data) => void (await sittings[data.sitting ?? 'bid'].halls.closeWindowIfDue(data.sectionId, data.round)),
  });
  deps.jobs.define<HallJob>({ name: BULK_UNSEAL_JOB, handle: async (data) => void (await sittings[data.sitting ?? 'bid'].bulk.run(data.sectionId, data.round)) });
  return {
    errors: openingErrors,
    scopes: createOpeningScopes(deps, templates),
    /** The bids' hall (the applications' is `sittings.application`). */
    halls,
    records,
    bulk,
    remedy,
    sittings,
    templates,
    /** opening → experts: who bid, once the hall has opened (the committee avoids them). */
    bidders: hallBidders,
    /** opening → evaluation: the readout's bids and the drawn coefficient, once read out. */
    readout: hallReadout,
    /** opening → evaluation: the read-out bids' parts and their verified evaluation copies (decision 0028). */
    evaluationCopy: createEvaluationCopy(deps),
    registerRoutes(app: AppInstance) {
      for (const sitting of SITTINGS) {
        const it = sittings[sitting];
        registerHallRoutes(app, { db: deps.db, view: deps, halls: it.halls, records: it.records, remedy: it.remedy, bus: it.bus });
      }
      registerRecordTemplateRoutes(app, templates);
    },
  };
}

export type OpeningModule = ReturnType<typeof createOpeningModule>;
