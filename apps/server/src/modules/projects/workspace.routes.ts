import {
  entryFormList,
  entryFormView,
  mandateInput,
  okResponse,
  projectDetail,
  projectsQuery,
  projectView,
  sectionList,
  tenderingProjectDetail,
} from '@bidhall/contracts';
import { z } from 'zod';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { createMandateService } from './mandate.service.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { assertCanRead, loadParties } from './access.ts';
import { tables, type ProjectsDeps } from './projects.deps.ts';
import { entryFormView as loadEntryFormView } from './views.ts';
import type { WorkspaceService } from './workspace.service.ts';

const params = z.strictObject({ id: z.uuid() });
const parties = ['tenderer', 'agency'] as const;

/** Workspace pages: my projects and sections, the staff review queue, relation views, the agency mandate. */
export function registerWorkspaceRoutes(
  app: AppInstance,
  deps: { db: Db; workspace: WorkspaceService; mandates: ReturnType<typeof createMandateService>; catalog: ProjectsDeps['catalog'] },
) {
  app.get(
    '/api/v1/entry-forms',
    {
      config: { access: { roles: ['tenderer', 'agency', 'staff', 'supervisor'], scope: { list: "an entity's own forms; the review queue of the caller's regions" } } },
      schema: {
        tags: ['entry forms'],
        summary: "Entry forms: an entity's own; for staff the review queue of their regions (filter by status, region; sort)",
        querystring: projectsQuery,
        response: { 200: entryFormList },
      },
    },
    async (request) => deps.workspace.entryForms(requirePrincipal(request), request.query),
  );

  app.get(
    '/api/v1/entry-forms/:id',
    {
      config: { access: { roles: ['tenderer', 'agency', 'staff', 'supervisor'], scope: { resource: 'entryForm', parties: ['tenderer', 'agency'] } } },
      schema: { tags: ['entry forms'], summary: 'One entry form with its project, tendering project, sections and reviews', params, response: { 200: entryFormView } },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const notFound = new DomainError('ENTRY_FORM_NOT_FOUND', `no entry form ${request.params.id}`);
      const form = await tables(deps.db).selectFrom('projects.entry_form').select(['tendering_project_id', 'submitter_entity_id']).where('id', '=', request.params.id).executeTakeFirst();
      if (!form) throw notFound;
      if (form.submitter_entity_id !== principal.entity?.id) assertCanRead(deps, principal, await loadParties(deps.db, form.tendering_project_id), notFound);
      return loadEntryFormView(deps.db, request.params.id);
    },
  );

  app.get(
    '/api/v1/my/sections',
    {
      config: { access: { roles: parties, scope: { list: "the sections of the caller's entity" } } },
      schema: { tags: ['sections'], summary: 'The sections my entity tenders or runs as agency', querystring: projectsQuery, response: { 200: sectionList } },
    },
    async (request) => deps.workspace.mySections(requirePrincipal(request), request.query),
  );

  app.get(
    '/api/v1/projects',
    {
      config: { access: { roles: parties, scope: { list: "the projects of the caller's entity" } } },
      schema: { tags: ['projects'], summary: 'The projects my entity owns or runs tendering projects of', response: { 200: z.array(projectView) } },
    },
    async (request) => deps.workspace.myProjects(requirePrincipal(request)),
  );

  app.get(
    '/api/v1/projects/:id',
    {
      config: { access: { roles: ['tenderer', 'agency', 'staff', 'supervisor'], scope: { resource: 'project', parties: ['tenderer', 'agency'] } } },
      schema: { tags: ['projects'], summary: 'A project with its tendering projects (A-38)', params, response: { 200: projectDetail } },
    },
    async (request) => deps.workspace.project(requirePrincipal(request), request.params.id),
  );

  app.get(
    '/api/v1/tendering-projects/:id',
    {
      config: { access: { roles: ['tenderer', 'agency', 'staff', 'supervisor'], scope: { resource: 'tenderingProject', parties: ['tenderer', 'agency'] } } },
      schema: { tags: ['projects'], summary: 'A tendering project with its project and sections (A-46)', params, response: { 200: tenderingProjectDetail } },
    },
    async (request) => deps.workspace.tenderingProject(requirePrincipal(request), request.params.id),
  );

  app.put(
    '/api/v1/tendering-projects/:id/mandate',
    {
      config: { access: { roles: ['tenderer'], scope: { resource: 'tenderingProject', parties: ['tenderer'] } } },
      schema: { tags: ['projects'], summary: "Set the agency's duties and powers (A-41)", params, body: mandateInput, response: { 200: okResponse } },
    },
    async (request) => {
      await deps.mandates.set(requirePrincipal(request), request.params.id, request.body, actorOf(request));
      return { ok: true as const };
    },
  );
}
