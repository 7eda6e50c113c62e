import { region, tradingCategory } from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import type { Catalog } from './catalog.service.ts';

export function registerCatalogRoutes(app: AppInstance, catalog: Catalog) {
  app.get(
    '/api/v1/regions',
    {
      config: { access: { public: true } },
      schema: { tags: ['catalog'], summary: 'Regions (GB/T 2260): the city and its banners/districts', response: { 200: z.array(region) } },
    },
    async () => catalog.regions(),
  );
  app.get(
    '/api/v1/trading-categories',
    {
      config: { access: { public: true } },
      schema: { tags: ['catalog'], summary: 'Trading categories and whether they must enter the platform', response: { 200: z.array(tradingCategory) } },
    },
    async () => catalog.categories(),
  );
}
