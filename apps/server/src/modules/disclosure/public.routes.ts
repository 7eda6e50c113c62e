import { atomQuery, feedPage, feedQuery, noticeList, noticeListQuery, noticePage } from '@bidhall/contracts';
import type { Clock } from '@bidhall/rules';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { renderAtom } from './atom.ts';
import type { PublicationQueries } from './publication.queries.ts';

const tags = ['public'];
const open = { public: true, reason: 'published notices are public by law (招标投标法第16条); anyone may read and follow them' } as const;
const ATOM_ENTRIES = 50;

/** The public portal's data: lists and search, notice pages, the JSON change feed and Atom. */
export function registerPublicRoutes(app: AppInstance, deps: { queries: PublicationQueries; clock: Clock }) {
  app.get(
    '/api/v1/public/notices',
    {
      config: { access: open },
      schema: {
        tags,
        summary: 'Published notices by region, category, type and date, or by Chinese full-text search (q); cursor-paged',
        querystring: noticeListQuery,
        response: { 200: noticeList },
      },
    },
    async (request) => deps.queries.list(request.query),
  );

  app.get(
    '/api/v1/public/notices/:id',
    {
      config: { access: open },
      schema: {
        tags,
        summary: 'A notice page: content, its SM3, the log entry committing to it and related publications (prominent first)',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: noticePage },
      },
    },
    async (request) => deps.queries.get(request.params.id),
  );

  app.get(
    '/api/v1/public/feed',
    {
      config: { access: open },
      schema: {
        tags,
        summary: 'JSON change feed: every publication, withdrawal and termination after a cursor, in commit order',
        querystring: feedQuery,
        response: { 200: feedPage },
      },
    },
    async (request) => deps.queries.feed(Number(request.query.after ?? 0), request.query.limit),
  );

  app.get(
    '/feeds/notices.atom',
    {
      config: { access: open },
      schema: { tags, summary: 'Atom 1.0 feed of the newest notices, optionally by region, category or type', querystring: atomQuery },
    },
    async (request, reply) => {
      const rows = await deps.queries.latest(request.query, ATOM_ENTRIES);
      const base = `${request.protocol}://${request.host}`;
      const search = new URLSearchParams(Object.entries(request.query).filter((e): e is [string, string] => typeof e[1] === 'string')).toString();
      const body = renderAtom(rows, {
        base,
        selfPath: `/feeds/notices.atom${search ? `?${search}` : ''}`,
        now: deps.clock.now(),
        title: '公共资源交易公告 Public resource trading notices',
      });
      return reply.type('application/atom+xml; charset=utf-8').send(body);
    },
  );
}
