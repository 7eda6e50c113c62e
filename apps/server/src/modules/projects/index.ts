import type { AppInstance } from '../../platform/http/types.ts';
import { registerAgencyContractRoutes } from './agency-contract.routes.ts';
import { createAgencyContractService } from './agency-contract.service.ts';
import { createMandateService } from './mandate.service.ts';
import { registerTenderingPlanRoutes } from './tendering-plan.routes.ts';
import { createTenderingPlanService } from './tendering-plan.service.ts';
import { registerWorkspaceRoutes } from './workspace.routes.ts';
import { createWorkspaceService } from './workspace.service.ts';
import { registerEntryFormRoutes } from './entry-form.routes.ts';
import { createEntryFormService } from './entry-form.service.ts';
import { createEntryReviewService } from './entry-review.service.ts';
import type { ProjectsDeps } from './projects.deps.ts';
import { projectsErrors } from './projects.errors.ts';
import { createSectionService } from './section.service.ts';
import { createSectionsPort } from './sections.port.ts';
import { createProjectsScopes } from './scopes.ts';

export type { ApprovalRecord, EntityRef, ProjectsDeps, SignerRef } from './projects.deps.ts';
export type { SectionSnapshot } from './section-snapshot.ts';
export type { ClarificationOutcome, SectionsPort } from './sections.port.ts';

/**
 * Projects, tendering projects and sections, the one entry form and its review, agency mandates and
 * contracts, tendering plans (issue 4, decision 0008). `sections` is the port other modules use.
 */
export function createProjectsModule(deps: ProjectsDeps) {
  const sections = createSectionsPort(deps);
  const forms = createEntryFormService(deps);
  const reviews = createEntryReviewService(deps, forms);
  const sectionService = createSectionService(deps, sections);
  const contracts = createAgencyContractService(deps);
  const plans = createTenderingPlanService(deps);
  const workspace = createWorkspaceService(deps);
  const mandates = createMandateService(deps);
  return {
    errors: projectsErrors,
    scopes: createProjectsScopes(deps.db),
    sections,
    services: { forms, reviews, sections: sectionService, contracts, plans, workspace, mandates },
    registerRoutes(app: AppInstance) {
      registerEntryFormRoutes(app, { forms, reviews, sections: sectionService });
      registerWorkspaceRoutes(app, { db: deps.db, workspace, mandates, catalog: deps.catalog });
      registerAgencyContractRoutes(app, { contracts });
      registerTenderingPlanRoutes(app, { plans });
    },
  };
}

export type ProjectsModule = ReturnType<typeof createProjectsModule>;
