import type { AppInstance } from '../../../platform/http/types.ts';
import type { EvaluationDeps } from '../evaluation.deps.ts';
import { createSignInChallenges, registerSignInChallengeRoute } from '../sign-in-challenge.ts';
import { createMonitor } from './monitor.ts';
import { createRoomHub } from './room-hub.ts';
import { createRoomService } from './room.service.ts';
import { createVenueAssignment } from './venue-assignment.ts';
import { venueErrors } from './venue.errors.ts';
import { registerVenueRoutes } from './venue.routes.ts';
import { createVenueScopes } from './venue.scopes.ts';
import { createVenueService } from './venue.service.ts';

/** Remote cross-region evaluation (issue 12 §3, decision 0027), a part of the evaluation module. */
export function createVenues(deps: EvaluationDeps) {
  const hub = createRoomHub();
  const venues = createVenueService(deps);
  const assignment = createVenueAssignment(deps);
  const monitor = createMonitor(deps, hub);
  const room = createRoomService(deps, hub);
  const challenges = createSignInChallenges(deps);
  return {
    errors: venueErrors,
    scopes: createVenueScopes(deps),
    hub,
    registerRoutes(app: AppInstance) {
      registerVenueRoutes(app, { venues, assignment, monitor, room });
      registerSignInChallengeRoute(app, challenges);
    },
  };
}
