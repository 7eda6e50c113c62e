import { bidderSearchQuery, bidderView } from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { searchBidders } from './bidder-directory.ts';

/** The bidder database for tenderers and agencies picking invitees. */
export function registerBidderDirectoryRoutes(app: AppInstance, deps: { db: Db }) {
  app.get(
    '/api/v1/bidders',
    {
      config: { access: { roles: ['tenderer', 'agency'], scope: { none: 'the directory of admitted bidders, the same for every tenderer' } } },
      schema: { tags: ['entities'], summary: 'Active bidders of the bidder database, by name or credit code and region (A-56)', querystring: bidderSearchQuery, response: { 200: z.array(bidderView) } },
    },
    async (request) => searchBidders(deps.db, request.query),
  );
}
