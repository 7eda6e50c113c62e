import type { AppInstance } from '../../platform/http/types.ts';
import type { SessionResolver } from '../../platform/http/access.ts';
import { registerAccountGrantRoutes } from './account-grant.routes.ts';
import { createAccountGrantService } from './account-grant.service.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { createAuthService } from './auth.service.ts';
import { createCertificateReminder, CERTIFICATE_REMINDER_JOB } from './certificate-reminder.jobs.ts';
import { type ChallengeBounds, createCertificateLoginService } from './certificate-login.service.ts';
import { purgeForgotten } from './login-throttle.ts';
import { createOcspChecker, ocspTransport, type OcspTransport } from './certificate-ocsp.ts';
import { createRevocationSweep, REVOCATION_SWEEP_JOB } from './certificate-revocation.ts';
import { registerCertificateRoutes } from './certificate.routes.ts';
import { createCertificateService } from './certificate.service.ts';
import { createCertificateTrust } from './certificate-trust.ts';
import { registerSignatureVerifyRoutes } from './signature-verify.routes.ts';
import { createChangeService } from './change.service.ts';
import { createEntitySignatureVerifier } from './entity-signature.ts';
import { createBoundCertificateCheck } from './bound-certificate.ts';
import { createPersonalCertificateCheck } from './personal-certificate.port.ts';
import { registerPersonalCertificateRoutes } from './personal-certificate.routes.ts';
import { createPersonalCertificateService } from './personal-certificate.service.ts';
import { registerBidderDirectoryRoutes } from './bidder-directory.routes.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { identityErrors } from './identity.errors.ts';
import { createIdentityScopes } from './scopes.ts';
import { registerRegistrationRoutes } from './registration.routes.ts';
import { registerWorkspaceRoutes } from './workspace.routes.ts';
import { createPasswordHasher } from './password.ts';
import { createRegistrationService } from './registration.service.ts';
import { createSecurityBootstrap } from './security-bootstrap.ts';
import { registerStaffRoutes } from './staff.routes.ts';
import { registerUserRoutes } from './user.routes.ts';
import { createUserService } from './user.service.ts';
import { createVerificationService } from './verification.service.ts';

export type { IdentityDeps } from './identity.deps.ts';
export const IDENTITY_HOUSEKEEPING_JOB = 'identity.housekeeping';
export { REVOCATION_SWEEP_JOB } from './certificate-revocation.ts';
export { ocspTransport, type OcspTransport, type SelfInject } from './certificate-ocsp.ts';
export { CERTIFICATE_REMINDER_JOB } from './certificate-reminder.jobs.ts';
export type { CertificateTrust } from './certificate-trust.ts';
export type { Binder } from './certificate.service.ts';
export { createEntitySignatureVerifier, type EntitySigner, type VerifyEntitySignature } from './entity-signature.ts';
export type { BoundCertificate, CheckBoundCertificate } from './bound-certificate.ts';
export type { CheckPersonalCertificate, PersonalCertificate } from './personal-certificate.port.ts';
export { entityLookup, type EntitySummary } from './entity-lookup.ts';
export { accountLookup } from './account-lookup.ts';
export { personRefOf } from './person-ref.ts';
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
    /** Unanswered certificate login challenges per client address and in all (decision 0013). */
    certificateChallengeBounds?: ChallengeBounds;
    /** How OCSP responders are asked (HTTP by default; app.ts answers its own sandbox CA in-process). */
    ocspTransport?: OcspTransport;
    /** PASSWORD_COST: scrypt's N as a power of two for new password hashes (17 unless configured). */
    passwordCost?: number;
  },
) {
  const trust = createCertificateTrust(deps.trustStoreDir, deps.clock);
  const passwords = createPasswordHasher(deps.passwordCost);
  const auth = createAuthService({ ...deps, passwords });
  const registration = createRegistrationService({ ...deps, passwords });
  const verification = createVerificationService(deps);
  const changes = createChangeService(deps);
  const users = createUserService({ ...deps, passwords });
  const grants = createAccountGrantService({ ...deps, passwords });
  const bootstrapSecurityAdmin = createSecurityBootstrap({ ...deps, passwords });
  const remindExpiringCertificates = createCertificateReminder(deps);
  const ocsp = createOcspChecker({ transport: deps.ocspTransport ?? ocspTransport(), clock: deps.clock });
  const certificates = createCertificateService({ ...deps, trust, ocsp });
  const personalCertificates = createPersonalCertificateService({ ...deps, trust, ocsp });
  const revocations = createRevocationSweep({ ...deps, trust, ocsp });
  const certificateLogin = createCertificateLoginService({
    ...deps,
    trust,
    challengeTtlSeconds: deps.certificateChallengeTtlSeconds ?? 300,
    challengeBounds: deps.certificateChallengeBounds,
    ocsp,
  });

  deps.jobs.define({
    name: CERTIFICATE_REMINDER_JOB,
    cron: '0 8 * * *',
    handle: async () => {
      await remindExpiringCertificates();
    },
  });

  deps.jobs.define({
    name: REVOCATION_SWEEP_JOB,
    cron: '* * * * *',
    handle: async () => {
      await revocations.sweep({ ocsp: true });
    },
  });

  // Expired login challenges and forgotten failure counts are removed even when nobody logs in.
  deps.jobs.define({
    name: IDENTITY_HOUSEKEEPING_JOB,
    cron: '*/10 * * * *',
    handle: async () => {
      await certificateLogin.purgeExpired();
      await purgeForgotten(deps.db, deps.clock.now());
    },
  });

  const sessions: SessionResolver = { resolve: (token) => auth.resolve(token) };
  const verifyEntitySignature = createEntitySignatureVerifier({ db: deps.db, trust, clock: deps.clock });

  return {
    errors: identityErrors,
    scopes: createIdentityScopes(deps.db),
    sessions,
    /** The recognised CAs; load with `trust.reload()` before serving. */
    trust,
    /** A detached CMS over a document by a certificate bound to the entity. */
    verifyEntitySignature,
    /** A PEM certificate valid now, trusted, not revoked and bound to the entity: its public key (bids). */
    boundCertificate: createBoundCertificateCheck({ trust, clock: deps.clock }),
    /** A PEM certificate valid now, trusted, not revoked and bound to the account (personal or its entity binding): its public key. */
    personalCertificate: createPersonalCertificateCheck({ trust, clock: deps.clock }),
    services: { auth, registration, verification, changes, users, grants, bootstrapSecurityAdmin, remindExpiringCertificates, certificates, personalCertificates, certificateLogin, revocations },
    registerRoutes(app: AppInstance) {
      registerAuthRoutes(app, { auth, db: deps.db, cookieSecure: deps.cookieSecure });
      registerRegistrationRoutes(app, { db: deps.db, registration, changes });
      registerWorkspaceRoutes(app, { db: deps.db, now: () => deps.clock.now() });
      registerStaffRoutes(app, { verification, changes });
      registerUserRoutes(app, { users });
      registerAccountGrantRoutes(app, { grants });
      registerSignatureVerifyRoutes(app, { trust, clock: deps.clock });
      registerCertificateRoutes(app, { db: deps.db, audit: deps.audit, certificates, certificateLogin, trust, revocations, cookieSecure: deps.cookieSecure });
      registerBidderDirectoryRoutes(app, { db: deps.db });
      registerPersonalCertificateRoutes(app, { personal: personalCertificates });
    },
  };
}

export type IdentityModule = ReturnType<typeof createIdentityModule>;
