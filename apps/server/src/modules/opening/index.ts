import type { AppInstance } from '../../platform/http/types.ts';
import { createHallBus } from './hall-bus.ts';
import { registerHallRoutes } from './hall.routes.ts';
import { createHallService } from './hall.service.ts';
import { createRecordService } from './record.service.ts';
import { BULK_UNSEAL_JOB, createBulkUnseal } from './bulk-unseal.ts';
import { contentKeyVault } from './content-keys.ts';
import { createRemedyService } from './remedy.service.ts';
import { createRecordTemplates } from './record-templates.service.ts';
import { registerRecordTemplateRoutes } from './record-templates.routes.ts';
import type { OpeningDeps } from './opening.deps.ts';
import { openingErrors } from './opening.errors.ts';
import { createOpeningScopes } from './scopes.ts';

export type { BidsPort, BoundCertificatePort, OpeningDeps, OpeningTermsPort, PublishPort, SectionsPort } from './opening.deps.ts';
export { recordSigningPayload } from './record.service.ts';
export { evaluationKey } from './bulk-unseal.ts';

/** Every minute: halls whose deadline has passed are opened, unsealing windows that ended are closed. */
export const OPENING_SWEEP_JOB = 'opening.sweep';

/**
 * The remote opening hall (issue 11, decision 0021; 不见面开标): opened by itself at the deadline,
 * bidders sign in and unseal where they are, the readout, objections on the spot, the signed and
 * published opening record, live over SSE.
 */
export function createOpeningModule(deps: OpeningDeps) {
  const bus = createHallBus();
  const halls = createHallService(deps, bus);
  const templates = createRecordTemplates(deps);
  const records = createRecordService(deps, bus, templates);
  const vault = contentKeyVault(deps.signingKey);
  const bulk = createBulkUnseal(deps, vault, bus);
  const remedy = createRemedyService(deps, vault, bus, halls);
  deps.jobs.define({ name: OPENING_SWEEP_JOB, cron: '* * * * *', handle: async () => void (await halls.sweep()) });
  deps.jobs.define<{ sectionId: string; round: number }>({
    name: halls.WINDOW_END_JOB,
    handle: async (data) => void (await halls.closeWindowIfDue(data.sectionId, data.round)),
  });
  deps.jobs.define<{ sectionId: string; round: number }>({ name: BULK_UNSEAL_JOB, handle: async (data) => void (await bulk.run(data.sectionId, data.round)) });
  return {
    errors: openingErrors,
    scopes: createOpeningScopes(deps, templates),
    halls,
    records,
    bulk,
    remedy,
    templates,
    registerRoutes(app: AppInstance) {
      registerHallRoutes(app, { db: deps.db, view: deps, halls, records, remedy, bus });
      registerRecordTemplateRoutes(app, templates);
    },
  };
}

export type OpeningModule = ReturnType<typeof createOpeningModule>;
