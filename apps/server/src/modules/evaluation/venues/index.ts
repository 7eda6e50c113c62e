import type { AppInstance } from '../../../platform/http/types.ts';
import type { EvaluationDeps } from '../evaluation.deps.ts';
import { createSignInChallenges, registerSignInChallengeRoute } from '../sign-in-challenge.ts';
import { EVALUATION_SITTINGS } from '../sitting.ts';
import { createMonitor } from './monitor.ts';
import { createRoomHub } from './room-hub.ts';
import { createRoomService } from './room.service.ts';
import { createVenueAssignment } from './venue-assignment.ts';
import { venueErrors } from './venue.errors.ts';
import { registerSittingVenueRoutes, registerVenueRoutes } from './venue.routes.ts';
import { createVenueScopes } from './venue.scopes.ts';
import { createVenueService } from './venue.service.ts';

/**
 * Remote cross-region evaluation (issue 12 §3, decision 0027), a part of the evaluation module: the
 * venues and the monitor once, the venues assigned, the room and the sign-in challenge per sitting
 * (the bids' evaluation and the prequalification review, A-161).
 */
export function createVenues(deps: EvaluationDeps) {
  const hub = createRoomHub();
  const venues = createVenueService(deps);
  const monitor = createMonitor(deps, hub);
  const sittings = Object.values(EVALUATION_SITTINGS).map((at) => ({
    at,
    assignment: createVenueAssignment(deps, at),
    room: createRoomService(deps, hub, at),
    challenges: createSignInChallenges(deps, at.sitting),
  }));
  return {
    errors: venueErrors,
    scopes: createVenueScopes(deps),
    hub,
    registerRoutes(app: AppInstance) {
      registerVenueRoutes(app, { venues, monitor });
      for (const { at, assignment, room, challenges } of sittings) {
        registerSittingVenueRoutes(app, { assignment, room }, at);
        registerSignInChallengeRoute(app, challenges, at);
      }
    },
  };
}
