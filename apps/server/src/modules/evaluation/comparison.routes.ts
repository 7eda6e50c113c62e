import { comparisonView, redFlagsView } from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { Comparison } from './comparison.service.ts';
import type { RedFlags } from './red-flags.service.ts';

const tags = ['evaluation'];
const params = z.strictObject({ id: z.uuid() });
/** The committee (experts as `recipient`, representatives as users of the tenderer, checked by the service) and the region's officers; never bidders. */
const readers = { access: { roles: ['staff', 'supervisor', 'expert', 'tenderer'], scope: { resource: 'evaluation', parties: ['recipient', 'tenderer'] } } } as const;

/** The committee's comparison of the bids and the red flags of collusion (decision 0028). */
export function registerComparisonRoutes(app: AppInstance, deps: { comparison: Comparison; redFlags: RedFlags }) {
  app.get(
    '/api/v1/sections/:id/evaluation/comparison',
    {
      config: { access: { roles: [...readers.access.roles], scope: readers.access.scope } },
      schema: { tags, summary: 'The read-out values against the requirements with deviations, across the bids, and the price checks (A-139, A-148)', params, response: { 200: comparisonView } },
    },
    async (request) => deps.comparison.compare(request.params.id, callerOf(request)),
  );

  app.get(
    '/api/v1/sections/:id/evaluation/red-flags',
    {
      config: { access: { roles: [...readers.access.roles], scope: readers.access.scope } },
      schema: { tags, summary: 'Signs of collusion among the bids, each with its evidence (A-149); never for bidders', params, response: { 200: redFlagsView } },
    },
    async (request) => deps.redFlags.flags(request.params.id, callerOf(request)),
  );
}
