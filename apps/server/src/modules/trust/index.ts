import type { AppInstance } from '../../platform/http/types.ts';
import { registerDrawRoutes } from './draw.routes.ts';
import { createDrawService } from './draw.service.ts';
import { createTrustScopes } from './scopes.ts';
import { trustErrors } from './trust.errors.ts';
import type { TrustDeps } from './trust.deps.ts';

export type { DrawRequest, DrawService, DrawView } from './draw.service.ts';
export type { DrawSubject, DrawSubjects, TrustDeps } from './trust.deps.ts';

/**
 * Trust services other modules build on: verifiable draws (experts, inspections, invitees,
 * coefficients). `draws` is the API those modules call; each draw belongs to its subject's region
 * and parties (`scopes.draw`).
 */
export function createTrustModule(deps: TrustDeps) {
  const draws = createDrawService(deps);
  return {
    errors: trustErrors,
    scopes: createTrustScopes(deps),
    draws,
    registerRoutes(app: AppInstance) {
      registerDrawRoutes(app, { db: deps.db, draws });
    },
  };
}
