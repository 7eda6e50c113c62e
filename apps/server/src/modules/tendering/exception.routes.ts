import { sectionExceptionRequest, sectionExceptionView } from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { ExceptionService } from './exception.service.ts';

const params = z.strictObject({ id: z.uuid() });
const tags = ['sections'];

/** Exceptions of a section: termination and re-tender, each published. */
export function registerExceptionRoutes(app: AppInstance, deps: { exceptions: ExceptionService }) {
  app.post(
    '/api/v1/sections/:id/exceptions',
    {
      config: { access: { roles: ['tenderer', 'agency'], scope: { resource: 'section', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Terminate or re-tender a section, with its reason; published at once', params, body: sectionExceptionRequest, response: { 201: sectionExceptionView } },
    },
    async (request, reply) => reply.status(201).send(await deps.exceptions.record(callerOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/sections/:id/exceptions',
    {
      config: { access: { roles: ['tenderer', 'agency', 'staff', 'supervisor', 'auditor'], scope: { resource: 'section', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: "A section's terminations and re-tenders", params, response: { 200: z.array(sectionExceptionView) } },
    },
    async (request) => deps.exceptions.list(callerOf(request), request.params.id),
  );
}
