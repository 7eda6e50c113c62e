import {
  agencyOwnAppraisal,
  agencyPublicPage,
  agencyPublicQuery,
  agencyRatingInput,
  agencyRecordInput,
  agencyRecordView,
  sectionAgencyRatings,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { AppraisalReading } from './appraisal.read.ts';
import { callerOf } from './caller.ts';
import type { RatingService } from './rating.service.ts';
import type { RecordService } from './record.service.ts';

const tags = ['appraisal'];

/** The daily appraisal of agencies (action plan task 26; decision 0044). */
export function registerAppraisalRoutes(
  app: AppInstance,
  deps: { db: Db; ratings: RatingService; records: RecordService; reading: AppraisalReading },
) {
  const { db, ratings, records, reading } = deps;
  const url = '/api/v1/sections/:id/agency-ratings';
  const params = z.strictObject({ id: z.uuid() });

  app.get(
    url,
    {
      config: {
        access: {
          roles: ['staff', 'supervisor', 'tenderer', 'agency'],
          scope: { resource: 'agencyRating', parties: ['tenderer', 'agency'] },
        },
      },
      schema: {
        tags,
        summary: 'The ratings of the section’s agency with who gave them, and whether the caller may still rate it',
        params,
        response: { 200: sectionAgencyRatings },
      },
    },
    async (request) => reading.ofSection(db, request.params.id, callerOf(request)),
  );

  app.post(
    url,
    {
      config: { access: { roles: ['tenderer', 'staff'], scope: { resource: 'agencyRating', parties: ['tenderer'] } } },
      schema: {
        tags,
        summary:
          'Rate the section’s agency once its award is decided (执业规范, 服务质量, 工作效率, 1–5): the tenderer once, each staff member of its region once; never the agency itself',
        params,
        body: agencyRatingInput,
        response: { 201: sectionAgencyRatings },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await ratings.rate(request.params.id, request.body, caller);
      return reply.status(201).send(await reading.ofSection(db, request.params.id, caller));
    },
  );

  app.post(
    '/api/v1/agencies/:id/records',
    {
      config: { access: { roles: ['staff'], scope: { resource: 'agency', parties: ['published'] } } },
      schema: {
        tags,
        summary:
          'Record an agency’s commendation, violation or penalty in the caller’s region (or the region of a section the agency ran); public once made',
        params,
        body: agencyRecordInput,
        response: { 201: agencyRecordView },
      },
    },
    async (request, reply) => {
      const id = await records.record(request.params.id, request.body, callerOf(request));
      return reply.status(201).send(await reading.record(db, id));
    },
  );

  app.get(
    '/api/v1/agency-ratings/mine',
    {
      config: { access: { roles: ['agency'], scope: { own: 'entity' } } },
      schema: {
        tags,
        summary: 'The caller’s agency’s ratings (with raters and comments), means and behaviour records',
        response: { 200: agencyOwnAppraisal },
      },
    },
    async (request) => reading.mine(db, callerOf(request)),
  );

  app.get(
    '/api/v1/agencies/record',
    {
      config: {
        access: {
          public: true,
          reason: 'the public record of agencies (companies): their means and behaviour records, no rater and no comment',
        },
      },
      schema: {
        tags,
        summary:
          'The public record of agencies: each agency rated or recorded, its mean per item, overall mean, number of ratings and records (newest first)',
        querystring: agencyPublicQuery,
        response: { 200: agencyPublicPage },
      },
    },
    async (request) => reading.publicRecord(db, request.query),
  );
}
