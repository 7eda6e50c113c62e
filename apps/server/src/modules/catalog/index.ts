import type { Clock } from '@bidhall/rules';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { registerCalendarRoutes } from './calendar.routes.ts';
import { createCalendarService } from './calendar.service.ts';
import { registerCatalogRoutes } from './catalog.routes.ts';
import { createCatalog } from './catalog.service.ts';

export type { Catalog } from './catalog.service.ts';
export type { CalendarService } from './calendar.service.ts';

/** Reference data: regions, trading categories and the working-day calendar (tasks 1 and 2). */
export async function createCatalogModule(deps: { db: Db; clock: Clock; audit: AuditTrail }) {
  const catalog = await createCatalog(deps.db);
  const calendar = await createCalendarService(deps);
  return {
    errors: { CALENDAR_DATA_INVALID: 422, CALENDAR_YEAR_MISSING: 422 },
    catalog,
    calendar,
    registerRoutes(app: AppInstance) {
      registerCatalogRoutes(app, catalog);
      registerCalendarRoutes(app, calendar);
    },
  };
}
