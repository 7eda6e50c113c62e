import {
  bindCertificateRequest,
  boundCertificateView,
  certificateChallengeResponse,
  certificateLoginRequest,
  emptyBody,
  loginResponse,
  trustStoreView,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import { actorOf, requirePrincipal, SESSION_COOKIE } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { sessionCookieOptions } from './auth.routes.ts';
import type { CertificateLoginService } from './certificate-login.service.ts';
import type { CertificateTrust } from './certificate-trust.ts';
import type { CertificateService } from './certificate.service.ts';
import type { RevocationSweep } from './certificate-revocation.ts';

export interface CertificateRouteDeps {
  db: Db;
  audit: AuditTrail;
  certificates: CertificateService;
  certificateLogin: CertificateLoginService;
  trust: CertificateTrust;
  revocations: RevocationSweep;
  cookieSecure: boolean;
}

/** Binding, certificate login (F-04/F-05/F-09) and the recognised CAs (task 12). */
export function registerCertificateRoutes(app: AppInstance, deps: CertificateRouteDeps) {
  app.get(
    '/api/v1/my/certificates',
    {
      config: { access: { roles: ['activeEntity'], scope: { own: 'entity' } } },
      schema: {
        tags: ['certificates'],
        summary: "Certificates bound to the caller's entity, unbound ones included",
        response: { 200: z.array(boundCertificateView) },
      },
    },
    async (request) => deps.certificates.list(requirePrincipal(request).entity?.id ?? ''),
  );

  app.post(
    '/api/v1/my/certificates',
    {
      config: { access: { roles: ['activeEntity'], scope: { own: 'entity' } } },
      schema: {
        tags: ['certificates'],
        summary: 'Bind a certificate of a recognised CA to the caller (PEM, or base64 DER)',
        description:
          "The certificate must chain to a recognised CA, be valid now, not be revoked, be fit for signing, name the entity's registered name (A-12) and be bound to no one else. It then logs in as the caller.",
        body: bindCertificateRequest,
        response: { 201: boundCertificateView },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const view = await deps.certificates.bind(
        { userId: p.userId, entityId: p.entity?.id ?? '' },
        request.body.certificate,
        actorOf(request),
      );
      return reply.status(201).send(view);
    },
  );

  app.delete(
    '/api/v1/my/certificates/:id',
    {
      config: { access: { roles: ['activeEntity'], scope: { resource: 'certificate', parties: ['subject'] } } },
      schema: {
        tags: ['certificates'],
        summary: 'Unbind a certificate; sessions opened with it end',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: boundCertificateView },
      },
    },
    async (request) => deps.certificates.unbind(requirePrincipal(request).entity?.id ?? '', request.params.id, actorOf(request)),
  );

  app.post(
    '/api/v1/auth/certificate/challenge',
    {
      config: { access: { public: true, reason: 'the first step of certificate login' } },
      schema: {
        tags: ['auth'],
        summary: 'A fresh, single-use challenge for certificate login',
        description:
          "Sign the UTF-8 bytes of `challenge` with the certificate's key and send it to /api/v1/auth/certificate/login before `expiresAt`.",
        body: emptyBody,
        response: { 200: certificateChallengeResponse },
      },
    },
    async (request) => deps.certificateLogin.challenge(actorOf(request)),
  );

  app.post(
    '/api/v1/auth/certificate/login',
    {
      config: { access: { public: true, reason: 'certificate login; the signature over the challenge is the credential' } },
      schema: {
        tags: ['auth'],
        summary: 'Log in with a bound certificate by signing a challenge',
        body: certificateLoginRequest,
        response: { 200: loginResponse },
      },
    },
    async (request, reply) => {
      const result = await deps.certificateLogin.login(request.body, {
        ...actorOf(request),
        userAgent: request.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(result.expiresAt, deps.cookieSecure || request.servedOverTls));
      return { stage: result.stage, user: result.user };
    },
  );

  app.get(
    '/api/v1/trust-store',
    {
      config: { access: { roles: ['admin', 'staff', 'auditor'], scope: { none: 'the recognised CAs, the same for everyone' } } },
      schema: {
        tags: ['certificates'],
        summary: 'The recognised CAs and their CRLs as loaded',
        response: { 200: trustStoreView },
      },
    },
    async () => deps.trust.view(),
  );

  app.post(
    '/api/v1/trust-store/reload',
    {
      config: { access: { roles: ['admin'], scope: { platform: 'one trust store for the whole platform' } } },
      schema: {
        tags: ['certificates'],
        summary:
          'Read the trust store folder again (new CAs, fresh CRLs); a folder that cannot be read leaves the old store in force',
        body: emptyBody,
        response: { 200: trustStoreView },
      },
    },
    async (request) => {
      const view = await deps.trust.reload();
      // A new CRL ends the sessions of the certificates it revokes (and marks the personal ones) now, not at the next sweep.
      const { ended, personalRevoked } = await deps.revocations.sweep({ ocsp: false });
      await deps.db.transaction().execute((trx) =>
        deps.audit.record(trx, actorOf(request), {
          action: 'identity.trustStore.reloaded',
          targetType: 'trustStore',
          targetId: view.dir ?? 'none',
          details: { authorities: view.authorities.map((a) => a.subject), crls: view.crls.length, endedSessions: ended, personalCertificatesRevoked: personalRevoked },
        }),
      );
      return view;
    },
  );
}
