import { bindPersonalCertificateRequest, emptyBody, personalCertificateChallenge, personalCertificateView } from '@bidhall/contracts';
import { z } from 'zod';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { PersonalBinder, PersonalCertificateService } from './personal-certificate.service.ts';

const tags = ['certificates'];
const binderOf = (request: Parameters<typeof requirePrincipal>[0]): PersonalBinder => {
  const p = requirePrincipal(request);
  return { userId: p.userId, regionCode: p.regionCode };
};

/** An evaluator's own certificates (decision 0026): list, a nonce to sign, bind by proof of possession, unbind. */
export function registerPersonalCertificateRoutes(app: AppInstance, deps: { personal: PersonalCertificateService }) {
  app.get(
    '/api/v1/my/personal-certificates',
    {
      config: { access: { roles: ['expert'], scope: { own: 'account' } } },
      schema: { tags, summary: "The caller's personal certificates, unbound ones included", response: { 200: z.array(personalCertificateView) } },
    },
    async (request) => deps.personal.list(binderOf(request).userId),
  );

  app.post(
    '/api/v1/my/personal-certificates/challenge',
    {
      config: { access: { roles: ['expert'], scope: { own: 'account' } } },
      schema: {
        tags,
        summary: 'A single-use nonce to sign with the certificate being bound',
        description: "Sign the canonical JSON {action: 'bindPersonalCertificate', userId, nonce} with the certificate's key (SM2 or P-256) before expiresAt.",
        body: emptyBody,
        response: { 200: personalCertificateChallenge },
      },
    },
    async (request) => deps.personal.challenge(binderOf(request).userId),
  );

  app.post(
    '/api/v1/my/personal-certificates',
    {
      config: { access: { roles: ['expert'], scope: { own: 'account' } } },
      schema: {
        tags,
        summary: 'Bind a personal certificate of a recognised CA to the caller, proving possession of its key',
        description: 'The certificate must chain to a recognised CA, be valid now, unrevoked, fit for signing and bound to no one else; the signature over the challenge proves the caller holds its key.',
        body: bindPersonalCertificateRequest,
        response: { 201: personalCertificateView },
      },
    },
    async (request, reply) => reply.status(201).send(await deps.personal.bind(binderOf(request), request.body, actorOf(request))),
  );

  app.delete(
    '/api/v1/my/personal-certificates/:id',
    {
      config: { access: { roles: ['expert'], scope: { resource: 'personalCertificate', parties: ['subject'] } } },
      schema: { tags, summary: 'Unbind a personal certificate', params: z.strictObject({ id: z.uuid() }), response: { 200: personalCertificateView } },
    },
    async (request) => deps.personal.unbind(binderOf(request), request.params.id, actorOf(request)),
  );
}
