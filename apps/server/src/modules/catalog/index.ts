import type { AppInstance } from '../../platform/http/types.ts';
import type { Db } from '../../platform/db/database.ts';
import { registerCatalogRoutes } from './catalog.routes.ts';
import { createCatalog } from './catalog.service.ts';

export type { Catalog } from './catalog.service.ts';

/** Reference data: regions and trading categories (tasks 1 and 2). */
export async function createCatalogModule(deps: { db: Db }) {
  const catalog = await createCatalog(deps.db);
  return {
    errors: {},
    catalog,
    registerRoutes(app: AppInstance) {
      registerCatalogRoutes(app, catalog);
    },
  };
}
