import {
  committeeDrawRequest,
  committeePlanInput,
  committeeView,
  expertInvitationAnswer,
  expertInvitationView,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { CommitteeService } from './committee.service.ts';
import type { InvitationService } from './invitation.service.ts';

const tags = ['experts'];
const params = z.strictObject({ id: z.uuid() });
const committeeParties = { resource: 'committee', parties: ['tenderer', 'agency'] } as const;

/** The committee draw (issue 12 §2): the plan, the draws, and the drawn expert's answer — for the bid evaluation (`committee`) and the prequalification review (`application-committee`, A-158). */
export function registerCommitteeRoutes(
  app: AppInstance,
  deps: { committee: CommitteeService; reviewCommittee: CommitteeService; invitations: InvitationService },
) {
  const sittings = [
    { path: 'committee', service: deps.committee, what: 'committee' },
    { path: 'application-committee', service: deps.reviewCommittee, what: 'prequalification review committee (A-158)' },
  ] as const;
  for (const { path, service, what } of sittings) {
    app.get(
      `/api/v1/sections/:id/${path}`,
      {
        config: { access: { roles: ['staff', 'supervisor', 'tenderer', 'agency'], scope: committeeParties } },
        schema: {
          tags,
          summary: `The ${what}: plan, draws and numbered seats with notification and answer; no identities before the award (A-134)`,
          params,
          response: { 200: committeeView },
        },
      },
      async (request) => service.view(request.params.id),
    );

    app.put(
      `/api/v1/sections/:id/${path}/plan`,
      {
        config: { access: { roles: ['staff', 'tenderer', 'agency'], scope: committeeParties } },
        schema: {
          tags,
          summary: `Set the ${what}'s plan (A-129): size, representatives, seats per specialty, levels, regions; checked against B-020…B-022`,
          params,
          body: committeePlanInput,
          response: { 200: committeeView },
        },
      },
      async (request) => service.setPlan(request.params.id, request.body, callerOf(request)),
    );

    app.post(
      `/api/v1/sections/:id/${path}/draws`,
      {
        config: { access: { roles: ['staff'], scope: { resource: 'committee', parties: [] } } },
        schema: {
          tags,
          summary: `Draw the ${what}'s open seats with verifiable draws after avoidance (A-130, A-219, A-220): the first draw or a replacement`,
          params,
          body: committeeDrawRequest,
          response: { 200: committeeView },
        },
      },
      async (request) => service.draw(request.params.id, request.body.reason, callerOf(request)),
    );
  }

  app.post(
    '/api/v1/expert-invitations/:id/answer',
    {
      config: { access: { roles: ['expert'], scope: { resource: 'expertInvitation', parties: ['recipient'] } } },
      schema: {
        tags,
        summary: 'Accept (confirming no conflict) or decline an invitation to evaluate, before its deadline',
        params,
        body: expertInvitationAnswer,
        response: { 200: expertInvitationView },
      },
    },
    async (request) => deps.invitations.answer(request.params.id, request.body, callerOf(request)),
  );
}
