import type { AppInstance } from '../../platform/http/types.ts';
import { registerExceptionRoutes } from './exception.routes.ts';
import { createExceptionService } from './exception.service.ts';
import { registerInvitationRoutes } from './invitation.routes.ts';
import { createInvitationService } from './invitation.service.ts';
import { registerNoticeRoutes } from './notice.routes.ts';
import { createNoticeService } from './notice.service.ts';
import type { TenderingDeps } from './tendering.deps.ts';
import { tenderingErrors } from './tendering.errors.ts';
import { createTenderingScopes } from './scopes.ts';

export type { BidderEntry, Publication, PublishResult, SectionSnapshot, SectionsPort, TenderingDeps } from './tendering.deps.ts';
export { MIN_INVITEES } from './invitation.service.ts';

/**
 * Tendering (decision 0008): tender and prequalification notices, invitations with their invitees
 * and replies, their review and platform verification, and the termination and re-tender of a section.
 */
export function createTenderingModule(deps: TenderingDeps) {
  const notices = createNoticeService(deps);
  const invitations = createInvitationService(deps);
  const exceptions = createExceptionService(deps);
  return {
    errors: tenderingErrors,
    scopes: createTenderingScopes(deps.db),
    services: { notices, invitations, exceptions },
    registerRoutes(app: AppInstance) {
      registerNoticeRoutes(app, { notices, invitations });
      registerInvitationRoutes(app, { invitations });
      registerExceptionRoutes(app, { exceptions });
    },
  };
}

export type TenderingModule = ReturnType<typeof createTenderingModule>;
