import {
  emptyBody,
  entityChangeView,
  entityProfile,
  entityView,
  INTEGRITY_COMMITMENT,
  okResponse,
  proposeChangeRequest,
  registerEntityRequest,
  USER_AGREEMENT,
} from '@bidhall/contracts';
import { z } from 'zod';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Db } from '../../platform/db/database.ts';
import { tables } from './identity.deps.ts';
import { toEntityView } from './entity.mapper.ts';
import type { ChangeService } from './change.service.ts';
import type { RegistrationService } from './registration.service.ts';

const commitmentBody = z.strictObject({ commitment: z.strictObject({ version: z.string().min(1).max(20), accepted: z.boolean() }) });
const versionedText = z.object({ version: z.string(), titleZh: z.string(), titleEn: z.string(), paragraphsZh: z.array(z.string()) });

/** The applicant's side: texts to accept, registration, own entity, proposed changes. */
export function registerRegistrationRoutes(
  app: AppInstance,
  deps: { db: Db; registration: RegistrationService; changes: ChangeService },
) {
  app.get(
    '/api/v1/registration/texts',
    {
      config: { access: { public: true } },
      schema: { tags: ['registration'], summary: 'The user agreement and integrity commitment in force', response: { 200: z.object({ agreement: versionedText, commitment: versionedText }) } },
    },
    async () => ({
      agreement: { ...USER_AGREEMENT, paragraphsZh: [...USER_AGREEMENT.paragraphsZh] },
      commitment: { ...INTEGRITY_COMMITMENT, paragraphsZh: [...INTEGRITY_COMMITMENT.paragraphsZh] },
    }),
  );

  app.post(
    '/api/v1/registrations',
    {
      config: { access: { public: true, reason: 'anyone may apply; the applicant account is created here' } },
      schema: {
        tags: ['registration'],
        summary: 'Register a market entity and its first user',
        body: registerEntityRequest,
        response: { 201: z.object({ entity: entityView, userId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const result = await deps.registration.register(request.body, actorOf(request));
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/v1/my/entity',
    {
      config: { access: { roles: ['entityMember'], scope: { own: 'entity' } } },
      schema: { tags: ['registration'], summary: "The caller's own entity", response: { 200: entityView } },
    },
    async (request) => {
      const entityId = requirePrincipal(request).entity?.id;
      const row = entityId
        ? await tables(deps.db).selectFrom('identity.market_entity').selectAll().where('id', '=', entityId).executeTakeFirst()
        : undefined;
      if (!row) throw new DomainError('ENTITY_NOT_FOUND', 'no entity');
      return toEntityView(row);
    },
  );

  app.put(
    '/api/v1/my/entity/registration',
    {
      config: { access: { roles: ['entityMember'], scope: { own: 'entity' } } },
      schema: { tags: ['registration'], summary: 'Edit a draft or rejected registration', body: entityProfile, response: { 200: entityView } },
    },
    async (request) => {
      const p = requirePrincipal(request);
      return deps.registration.editRegistration(p, p.entity?.id ?? '', request.body, actorOf(request));
    },
  );

  app.post(
    '/api/v1/my/entity/submit',
    {
      config: { access: { roles: ['entityMember'], scope: { own: 'entity' } } },
      schema: { tags: ['registration'], summary: 'Submit or resubmit the registration', body: commitmentBody, response: { 200: entityView } },
    },
    async (request) => {
      const p = requirePrincipal(request);
      return deps.registration.submit(p, p.entity?.id ?? '', request.body.commitment, actorOf(request));
    },
  );

  app.delete(
    '/api/v1/my/entity/registration',
    {
      config: { access: { roles: ['entityMember'], scope: { own: 'entity' } } },
      schema: { tags: ['registration'], summary: 'Delete a draft or rejected registration', response: { 200: okResponse } },
    },
    async (request) => {
      const p = requirePrincipal(request);
      await deps.registration.deleteRegistration(p, p.entity?.id ?? '', actorOf(request));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/my/entity/changes',
    {
      config: { access: { roles: ['entityMember'], scope: { own: 'entity' } } },
      schema: { tags: ['registration'], summary: 'Changes proposed by the caller\'s entity', response: { 200: z.array(entityChangeView) } },
    },
    async (request) => {
      const p = requirePrincipal(request);
      return deps.changes.listForEntity(p, p.entity?.id ?? '');
    },
  );

  app.post(
    '/api/v1/my/entity/changes',
    {
      config: { access: { roles: ['entityMember'], scope: { own: 'entity' } } },
      schema: { tags: ['registration'], summary: 'Propose a change to verified data', body: proposeChangeRequest, response: { 201: entityChangeView } },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const change = await deps.changes.propose(p, p.entity?.id ?? '', request.body.proposed, request.body.submit, actorOf(request));
      return reply.status(201).send(change);
    },
  );

  app.post(
    '/api/v1/my/entity/changes/:id/:action',
    {
      config: { access: { roles: ['entityMember'], scope: { resource: 'entityChange', parties: ['subject'] } } },
      schema: {
        tags: ['registration'],
        summary: 'Submit or withdraw a change',
        params: z.strictObject({ id: z.uuid(), action: z.enum(['submit', 'withdraw']) }),
        body: emptyBody,
        response: { 200: entityChangeView },
      },
    },
    async (request) => deps.changes.updateDraft(requirePrincipal(request), request.params.id, request.params.action, actorOf(request)),
  );

}
