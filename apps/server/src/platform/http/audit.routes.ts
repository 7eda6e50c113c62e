import { auditEvidenceView, isoDateTime } from '@bidhall/contracts';
import { z } from 'zod';
import type { AuditTrail } from '../audit/audit-trail.ts';
import type { Db } from '../db/database.ts';
import type { AppInstance } from './types.ts';

/** The audit trail, for auditors only (F-28), with what each row needs to be checked against the public log. */
export function registerAuditRoutes(app: AppInstance, deps: { db: Db; audit: AuditTrail }) {
  app.get(
    '/api/v1/audit-events',
    {
      config: { access: { roles: ['auditor'], scope: { list: "the audit rows of the auditor's regions" } } },
      schema: {
        tags: ['system'],
        summary: "The audit trail: who did what, when (auditors only), with each row's commitment salt to check it against the public log",
        querystring: z.strictObject({
          targetType: z.string().max(40).optional(),
          targetId: z.string().max(80).optional(),
          actorId: z.uuid().optional(),
          action: z.string().regex(/^[a-zA-Z.]{1,80}$/).optional(),
          from: isoDateTime.transform((s) => new Date(s)).optional(),
          to: isoDateTime.transform((s) => new Date(s)).optional(),
          beforeId: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.array(auditEvidenceView),
        },
      },
    },
    async (request) =>
      (await deps.audit.list(deps.db, { ...request.query, reach: request.regionScope(), withCommitments: true })).map((e) => ({
        ...e,
        commitmentSalt: e.commitmentSalt ?? null,
        committedJson: e.committedJson ?? null,
      })),
  );
}
