import {
  myNoticeList,
  myNoticeListQuery,
  noticeCreateRequest,
  noticeDetail,
  noticeUpdateRequest,
  noticeView,
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
import { registerReviewedDraftRoutes } from './reviewed-draft.routes.ts';

const tags = ['notices'];
const MANAGERS = ['tenderer', 'agency'] as const;

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
      config: { access: { roles: MANAGERS, scope: { none: 'the standard text, the same for everyone' } } },
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
      config: { access: { roles: MANAGERS, scope: { list: "the notices of the caller's entity" } } },
      schema: { tags, summary: "The caller's entity's notices, as tenderer or agency", querystring: myNoticeListQuery, response: { 200: myNoticeList } },
    },
    async (request) => deps.notices.listMine(callerOf(request), request.query),
  );

  app.get(
    '/api/v1/notices/verification-queue',
    {
      config: { access: { roles: ['staff', 'supervisor'], scope: { list: "the queue of the caller's regions" } } },
      schema: { tags, summary: 'Notices waiting for platform verification in the caller\'s region (A-53)', querystring: verificationQueueQuery, response: { 200: myNoticeList } },
    },
    async (request) => deps.notices.queue(callerOf(request), request.query),
  );

  app.post(
    '/api/v1/notices',
    {
      config: { access: { roles: MANAGERS, scope: { resource: 'section', from: 'body.sectionIds', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Draft a tender or prequalification notice for sections of one tendering project (A-50, A-51)', body: noticeCreateRequest, response: { 201: noticeView } },
    },
    async (request, reply) => reply.status(201).send(await deps.notices.create(callerOf(request), request.body)),
  );

  registerReviewedDraftRoutes(app, {
    base: '/api/v1/notices',
    resource: 'notice',
    tags,
    schemas: { view: noticeView, detail: noticeDetail, update: noticeUpdateRequest },
    summaries: {
      detail: 'A notice with its review history: who submitted, reviewed and verified it, and when',
      update: 'Edit a draft notice (never while it is pending)',
      remove: 'Delete a draft notice',
      regenerate: 'Fill the draft with the standard text again from the sections as they are now',
      submit: 'Submit for review (agency drafts) or verification; the timetable must be set and lawful',
      review: "The tenderer's review of a notice its agency drafted (A-52)",
      verification: 'Platform verification (A-53); approval publishes at once on the portal and to the public service platform (A-54)',
    },
    service: deps.notices,
  });
}
