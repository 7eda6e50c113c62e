import type { AppInstance } from '../../platform/http/types.ts';
import type { SessionResolver } from '../../platform/http/access.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { createAuthService } from './auth.service.ts';
import { createCertificateReminder, CERTIFICATE_REMINDER_JOB } from './certificate-reminder.jobs.ts';
import { createCertificateLoginService } from './certificate-login.service.ts';
import { registerCertificateRoutes } from './certificate.routes.ts';
import { createCertificateService } from './certificate.service.ts';
import { createCertificateTrust } from './certificate-trust.ts';
import { registerSignatureVerifyRoutes } from './signature-verify.routes.ts';
import { createChangeService } from './change.service.ts';
import { createEntitySignatureVerifier } from './entity-signature.ts';
import { registerBidderDirectoryRoutes } from './bidder-directory.routes.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { identityErrors } from './identity.errors.ts';
import { registerRegistrationRoutes } from './registration.routes.ts';
import { registerWorkspaceRoutes } from './workspace.routes.ts';
import { createRegistrationService } from './registration.service.ts';
import { registerStaffRoutes } from './staff.routes.ts';
import { registerUserRoutes } from './user.routes.ts';
import { createUserService } from './user.service.ts';
import { createVerificationService } from './verification.service.ts';

export type { IdentityDeps } from './identity.deps.ts';
export { CERTIFICATE_REMINDER_JOB } from './certificate-reminder.jobs.ts';
export type { CertificateTrust } from './certificate-trust.ts';
export type { Binder } from './certificate.service.ts';
export { createEntitySignatureVerifier, type EntitySigner, type VerifyEntitySignature } from './entity-signature.ts';
export { entityLookup, type EntitySummary } from './entity-lookup.ts';
export { searchBidders, type BidderDirectoryEntry, type BidderDirectoryQuery } from './bidder-directory.ts';

/**
 * Market entities, admission and verification, accounts, sessions (tasks 2 and 9, A-01…A-35, F-12,
 * F-28); certificates of the recognised CAs, their binding and certificate login (task 12).
 */
export function createIdentityModule(
  deps: IdentityDeps & {
    cookieSecure: boolean;
    /** TRUST_STORE_DIR: the recognised CAs; none configured means no certificate is accepted. */
    trustStoreDir?: string;
    certificateChallengeTtlSeconds?: number;
  },
) {
  const trust = createCertificateTrust(deps.trustStoreDir, deps.clock);
  const auth = createAuthService(deps);
  const registration = createRegistrationService(deps);
  const verification = createVerificationService(deps);
  const changes = createChangeService(deps);
  const users = createUserService(deps);
  const remindExpiringCertificates = createCertificateReminder(deps);
  const certificates = createCertificateService({ ...deps, trust });
  const certificateLogin = createCertificateLoginService({ ...deps, trust, challengeTtlSeconds: deps.certificateChallengeTtlSeconds ?? 300 });

  deps.jobs.define({
    name: CERTIFICATE_REMINDER_JOB,
    cron: '0 8 * * *',
    handle: async () => {
      await remindExpiringCertificates();
    },
  });

  const sessions: SessionResolver = { resolve: (token) => auth.resolve(token) };
  const verifyEntitySignature = createEntitySignatureVerifier({ db: deps.db, trust, clock: deps.clock });

  return {
    errors: identityErrors,
    sessions,
    /** The recognised CAs; load with `trust.reload()` before serving. */
    trust,
    /** A detached CMS over a document by a certificate bound to the entity. */
    verifyEntitySignature,
    services: { auth, registration, verification, changes, users, remindExpiringCertificates, certificates, certificateLogin },
    registerRoutes(app: AppInstance) {
      registerAuthRoutes(app, { auth, db: deps.db, cookieSecure: deps.cookieSecure });
      registerRegistrationRoutes(app, { db: deps.db, registration, changes });
      registerWorkspaceRoutes(app, { db: deps.db, now: () => deps.clock.now() });
      registerStaffRoutes(app, { verification, changes });
      registerUserRoutes(app, { users });
      registerSignatureVerifyRoutes(app, { trust, clock: deps.clock });
      registerCertificateRoutes(app, { db: deps.db, audit: deps.audit, certificates, certificateLogin, trust, cookieSecure: deps.cookieSecure });
      registerBidderDirectoryRoutes(app, { db: deps.db });
    },
  };
}

export type IdentityModule = ReturnType<typeof createIdentityModule>;
