import {
  emptyBody,
  myNoticeList,
  myNoticeListQuery,
  noticeCreateRequest,
  noticeDetail,
  noticeUpdateRequest,
  noticeView,
  okResponse,
  reviewDecision,
  standardText,
  standardTextQuery,
  verificationQueueQuery,
} from '@bidhall/contracts';
import { z } from 'zod';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { InvitationService } from './invitation.service.ts';
import type { NoticeService } from './notice.service.ts';

const params = z.strictObject({ id: z.uuid() });
const tags = ['notices'];
const MANAGERS = ['tenderer', 'agency'] as const;
const READERS = ['tenderer', 'agency', 'staff', 'supervisor', 'auditor'] as const;

export function parseSectionIds(text: string): string[] {
  const ids = text.split(',').map((s) => s.trim());
  const parsed = z.array(z.uuid()).min(1).max(50).safeParse(ids);
  if (!parsed.success) throw new DomainError('VALIDATION_FAILED', 'sectionIds: comma-separated section ids');
  return parsed.data;
}

/** Notices (A-50…A-54): the editor's side, the tenderer's review and the staff verification queue. */
export function registerNoticeRoutes(app: AppInstance, deps: { notices: NoticeService; invitations: InvitationService }) {
  app.get(
    '/api/v1/notices/standard-text',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: 'The national standard text for sections, filled from their data and timetable (B-005)', querystring: standardTextQuery, response: { 200: standardText } },
    },
    async (request) => {
      const ids = parseSectionIds(request.query.sectionIds);
      return request.query.type === 'invitation'
        ? deps.invitations.standardText(callerOf(request), ids, request.query.replyDeadline)
        : deps.notices.standardText(callerOf(request), request.query.type, ids);
    },
  );

  app.get(
    '/api/v1/notices',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: "The caller's entity's notices, as tenderer or agency", querystring: myNoticeListQuery, response: { 200: myNoticeList } },
    },
    async (request) => deps.notices.listMine(callerOf(request), request.query),
  );

  app.get(
    '/api/v1/notices/verification-queue',
    {
      config: { access: { roles: ['staff', 'supervisor'] } },
      schema: { tags, summary: 'Notices waiting for platform verification in the caller\'s region (A-53)', querystring: verificationQueueQuery, response: { 200: myNoticeList } },
    },
    async (request) => deps.notices.queue(callerOf(request), request.query),
  );

  app.post(
    '/api/v1/notices',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: 'Draft a tender or prequalification notice for sections of one tendering project (A-50, A-51)', body: noticeCreateRequest, response: { 201: noticeView } },
    },
    async (request, reply) => reply.status(201).send(await deps.notices.create(callerOf(request), request.body)),
  );

  app.get(
    '/api/v1/notices/:id',
    {
      config: { access: { roles: READERS } },
      schema: { tags, summary: 'A notice with its review history: who submitted, reviewed and verified it, and when', params, response: { 200: noticeDetail } },
    },
    async (request) => deps.notices.detail(callerOf(request), request.params.id),
  );

  app.put(
    '/api/v1/notices/:id',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: 'Edit a draft notice (never while it is pending)', params, body: noticeUpdateRequest, response: { 200: noticeView } },
    },
    async (request) => deps.notices.update(callerOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/notices/:id',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: 'Delete a draft notice', params, response: { 200: okResponse } },
    },
    async (request) => {
      await deps.notices.remove(callerOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/notices/:id/regenerate',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: 'Fill the draft with the standard text again from the sections as they are now', params, body: emptyBody, response: { 200: noticeView } },
    },
    async (request) => deps.notices.regenerate(callerOf(request), request.params.id),
  );

  app.post(
    '/api/v1/notices/:id/submit',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: 'Submit for review (agency drafts) or verification; the timetable must be set and lawful', params, body: emptyBody, response: { 200: noticeView } },
    },
    async (request) => deps.notices.submit(callerOf(request), request.params.id),
  );

  app.post(
    '/api/v1/notices/:id/review',
    {
      config: { access: { roles: ['tenderer'] } },
      schema: { tags, summary: "The tenderer's review of a notice its agency drafted (A-52)", params, body: reviewDecision, response: { 200: noticeView } },
    },
    async (request) => deps.notices.review(callerOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/notices/:id/verification',
    {
      config: { access: { roles: ['staff'] } },
      schema: { tags, summary: 'Platform verification (A-53); approval publishes at once on the portal and to the public service platform (A-54)', params, body: reviewDecision, response: { 200: noticeView } },
    },
    async (request) => deps.notices.verify(callerOf(request), request.params.id, request.body),
  );
}
