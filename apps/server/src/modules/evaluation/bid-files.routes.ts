import { bidFileParams, bidFileQuery, bidFilesView } from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import type { BidFiles } from './bid-files.service.ts';
import { callerOf } from './caller.ts';
import type { EvaluationSitting } from './sitting.ts';

const tags = ['evaluation'];
const params = z.strictObject({ id: z.uuid() });
const memberRoles = ['expert', 'tenderer'] as const;

/** A file name for Content-Disposition: RFC 5987 for any name, and an ASCII fallback. */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The read-out bids' files for the committee (A-138, decision 0028), or the applications' for the review committee. */
export function registerBidFileRoutes(app: AppInstance, deps: { bidFiles: BidFiles }, at: EvaluationSitting) {
  /** The committee's members only: experts as `recipient`, representatives as users of the tenderer (checked by the service). */
  const members = { resource: at.resource, parties: ['recipient', 'tenderer'] } as const;
  app.get(
    `/api/v1/sections/:id/${at.segment}/bid-files`,
    {
      config: { access: { roles: [...memberRoles], scope: members } },
      schema: { tags, summary: "Each read-out bid's parts by role with names and sizes, for a member signed in inside the window (A-138)", params, response: { 200: bidFilesView } },
    },
    async (request) => deps.bidFiles.list(request.params.id, callerOf(request)),
  );

  app.get(
    `/api/v1/sections/:id/${at.segment}/bid-files/:bidId/:partId`,
    {
      config: { access: { roles: [...memberRoles], scope: members } },
      schema: { tags, summary: "A part's plaintext from its evaluation copy, verified while it streams; every read is audited (A-138)", params: bidFileParams, querystring: bidFileQuery },
    },
    async (request, reply) => {
      const { id, bidId, partId } = request.params;
      const file = await deps.bidFiles.open(id, bidId, partId, callerOf(request));
      const pdf = file.mediaType === 'application/pdf' || /\.pdf$/i.test(file.name);
      const kind = request.query.disposition ?? (pdf ? 'inline' : 'attachment');
      return reply
        .type(pdf ? 'application/pdf' : 'application/octet-stream')
        .header('content-length', file.size)
        .header('content-disposition', disposition(kind, file.name))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.stream);
    },
  );
}
