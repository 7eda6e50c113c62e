import {
  emptyBody,
  entryFormRequest,
  entryFormView,
  okResponse,
  prefillView,
  projectInput,
  sectionDetail,
  sectionSnapshotView,
  sectionPatch,
  submissionReviewRequest,
  timetableInput,
} from '@bidhall/contracts';
import { z } from 'zod';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { EntryFormService } from './entry-form.service.ts';
import type { createEntryReviewService } from './entry-review.service.ts';
import type { SectionService } from './section.service.ts';

const params = z.strictObject({ id: z.uuid() });
const parties = ['tenderer', 'agency'] as const;

/** The one entry form (task 13), its review, and the section's own edits and timetable. */
export function registerEntryFormRoutes(
  app: AppInstance,
  deps: { forms: EntryFormService; reviews: ReturnType<typeof createEntryReviewService>; sections: SectionService },
) {
  const tags = ['entry forms'];
  app.get(
    '/api/v1/entry-forms/prefill',
    {
      config: { access: { roles: parties, scope: { none: 'a lookup in the investment approval platform' } } },
      schema: {
        tags,
        summary: 'Pre-fill the entry form from the investment approval platform by the approval code (项目代码)',
        querystring: z.strictObject({ approvalCode: projectInput.shape.approvalCode }),
        response: { 200: prefillView },
      },
    },
    async (request) => deps.forms.prefill(request.query.approvalCode),
  );

  app.post(
    '/api/v1/entry-forms',
    {
      config: { access: { roles: parties, scope: { own: 'entity' } } },
      schema: {
        tags,
        summary: 'Enter a project: project, tendering project and sections in one form, submitted for review unless submit is false',
        body: entryFormRequest,
        response: { 201: entryFormView },
      },
    },
    async (request, reply) => reply.status(201).send(await deps.forms.create(requirePrincipal(request), request.body, actorOf(request))),
  );

  app.put(
    '/api/v1/entry-forms/:id',
    {
      config: { access: { roles: parties, scope: { resource: 'entryForm', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Edit a draft or rejected entry form (and resubmit it unless submit is false)', params, body: entryFormRequest, response: { 200: entryFormView } },
    },
    async (request) => deps.forms.update(requirePrincipal(request), request.params.id, request.body, actorOf(request)),
  );

  app.post(
    '/api/v1/entry-forms/:id/submit',
    {
      config: { access: { roles: parties, scope: { resource: 'entryForm', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Submit a draft or rejected entry form for review', params, body: emptyBody, response: { 200: entryFormView } },
    },
    async (request) => deps.forms.submit(requirePrincipal(request), request.params.id, actorOf(request)),
  );

  app.delete(
    '/api/v1/entry-forms/:id',
    {
      config: { access: { roles: parties, scope: { resource: 'entryForm', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Withdraw a draft or rejected entry form with everything it created', params, response: { 200: okResponse } },
    },
    async (request) => {
      await deps.forms.remove(requirePrincipal(request), request.params.id, actorOf(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/entry-forms/:id/review',
    {
      config: { access: { roles: ['staff'], scope: { resource: 'entryForm', parties: [] } } },
      schema: {
        tags,
        summary: 'Approve (registers the sections) or reject (with a reason) a submitted entry form; records the verifier and time',
        params,
        body: submissionReviewRequest,
        response: { 200: entryFormView },
      },
    },
    async (request) => deps.reviews.review(requirePrincipal(request), request.params.id, request.body, actorOf(request)),
  );

  const sectionTags = ['sections'];
  app.get(
    '/api/v1/sections/:id',
    {
      config: { access: { authenticated: true, scope: { resource: 'section', parties: ['tenderer', 'agency', 'published'] } } },
      schema: { tags: sectionTags, summary: 'A section: its snapshot, timetable and stage', params, response: { 200: sectionDetail } },
    },
    async (request) => deps.sections.get(requirePrincipal(request), request.params.id),
  );

  app.get(
    '/api/v1/public/sections/:id',
    {
      config: { access: { public: true, reason: 'a published section and its current deadlines are public (the notice names them)' } },
      schema: { tags: sectionTags, summary: 'A published section with its current timetable, for the portal', params, response: { 200: sectionSnapshotView } },
    },
    async (request) => deps.sections.getPublic(request.params.id),
  );

  app.patch(
    '/api/v1/sections/:id',
    {
      config: { access: { roles: parties, scope: { resource: 'section', parties: ['tenderer', 'agency'] } } },
      schema: { tags: sectionTags, summary: 'Edit a section of a draft or rejected entry form (A-39)', params, body: sectionPatch, response: { 200: sectionDetail } },
    },
    async (request) => deps.sections.patch(requirePrincipal(request), request.params.id, request.body, actorOf(request)),
  );

  app.put(
    '/api/v1/sections/:id/timetable',
    {
      config: { access: { roles: parties, scope: { resource: 'section', parties: ['tenderer', 'agency'] } } },
      schema: {
        tags: sectionTags,
        summary: 'Set the statutory timetable; an unlawful one is refused (TIMETABLE_UNLAWFUL) with every violation and the earliest lawful dates',
        params,
        body: timetableInput,
        response: { 200: sectionDetail },
      },
    },
    async (request) => deps.sections.setTimetable(requirePrincipal(request), request.params.id, request.body, actorOf(request)),
  );
}
