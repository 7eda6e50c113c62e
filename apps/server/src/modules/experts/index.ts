import type { AppInstance } from '../../platform/http/types.ts';
import { createSandboxGateway } from './channels.ts';
import { registerCommitteeRoutes } from './committee.routes.ts';
import { createCommitteeService, SEAT_EXPIRY_JOB } from './committee.service.ts';
import { createInvitationService } from './invitation.service.ts';
import type { ExpertsDeps } from './experts.deps.ts';
import { expertsErrors } from './experts.errors.ts';
import { registerPoolRoutes } from './pool.routes.ts';
import { createPoolService } from './pool.service.ts';
import { createExpertsScopes } from './scopes.ts';

export type { AccountsPort, BiddersPort, ChannelGateway, ExpertsDeps } from './experts.deps.ts';
export { createSandboxGateway, SEAT_EXPIRY_JOB };

/**
 * Experts (issue 12 §1–§2): the pool — applications, review, states, history, records, ratings, sharing
 * and recommendation — and the committee draw with avoidance, notification, answers and replacement,
 * for the bid evaluation and for the prequalification review.
 */
export function createExpertsModule(deps: ExpertsDeps) {
  const pool = createPoolService(deps);
  const committee = createCommitteeService(deps, 'bid');
  // The prequalification review's committee (资格审查委员会, A-158): the same service bound to the applications' sitting.
  const reviewCommittee = createCommitteeService(deps, 'application');
  const invitations = createInvitationService(deps);
  deps.jobs.define<{ seatId: string }>({ name: SEAT_EXPIRY_JOB, handle: async ({ seatId }) => invitations.expire(seatId) });
  return {
    errors: expertsErrors,
    scopes: createExpertsScopes(deps),
    pool,
    committee,
    reviewCommittee,
    /** The SMS/voice gateway (the sandbox's inbox in demo and tests), or null. */
    gateway: deps.gateway,
    registerRoutes(app: AppInstance) {
      registerPoolRoutes(app, { db: deps.db, pool, invitations });
      registerCommitteeRoutes(app, { committee, reviewCommittee, invitations });
    },
  };
}

export type ExpertsModule = ReturnType<typeof createExpertsModule>;
