import type { Clock } from '@bidhall/rules';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { TransparencyLog } from '../../platform/log/transparency-log.ts';
import { registerDrawRoutes } from './draw.routes.ts';
import { createDrawService } from './draw.service.ts';

export type { DrawRequest, DrawService, DrawView } from './draw.service.ts';

/** Trust services other modules build on: verifiable draws (experts, inspections, coefficients). */
export function createTrustModule(deps: { db: Db; clock: Clock; audit: AuditTrail; log: TransparencyLog }) {
  const draws = createDrawService(deps);
  return {
    errors: { DRAW_NOT_FOUND: 404, DRAW_STATE_CONFLICT: 409, DRAW_INVALID: 422 },
    draws,
    registerRoutes(app: AppInstance) {
      registerDrawRoutes(app, { db: deps.db, draws });
    },
  };
}
