import type { AppInstance } from '../../platform/http/types.ts';
import { createApprovalLookup } from './approvals.adapter.ts';
import type { ExchangeDeps } from './exchange.deps.ts';
import { exchangeErrors } from './exchange.errors.ts';
import { registerExchangeRoutes } from './exchange.routes.ts';
import { endpointFor, SANDBOX_APPROVAL_PATH, SANDBOX_DESIGNATED_MEDIA_PATH, SANDBOX_PUBLIC_SERVICE_PATH, SANDBOX_SUPERVISION_PATH } from './http-endpoint.ts';
import { defineOutboxJobs } from './outbox.jobs.ts';
import { createOutboxService } from './outbox.service.ts';
import { createPublicServicePlatform, DESIGNATED_MEDIA_LABEL, PUBLIC_SERVICE_LABEL, SUPERVISION_LABEL } from './public-service.adapter.ts';
import { createSandboxPublicService } from './sandbox.service.ts';
import { registerSandboxRoutes } from './sandbox.routes.ts';
import { createExchangeScopes } from './scopes.ts';

export type { ExchangeDeps, SelfInject } from './exchange.deps.ts';
export type { ApprovalLookup } from './approvals.adapter.ts';
export type { Outbox, OutboxMessageInput } from './outbox.service.ts';
export type { PublicServicePlatform } from './public-service.adapter.ts';
export { SANDBOX_DESIGNATED_MEDIA_PATH, SANDBOX_PUBLIC_SERVICE_PATH, SANDBOX_SUPERVISION_PATH } from './http-endpoint.ts';
export { OUTBOX_DELIVER_JOB, OUTBOX_SWEEP_JOB, OUTBOX_MAX_ATTEMPTS, retryDelayMs } from './outbox.service.ts';
export { SANDBOX_APPROVALS } from './sandbox-approval.fixtures.ts';

/**
 * Adapters to outside systems: the investment approval platform (lookup by project code, task 13),
 * the public service platform and the national designated media (outbox with delivery jobs per
 * destination, B-001, B-003, B-014, B-036, B-037; decision 0010), each with a
 * sandbox stand-in served by the platform itself when SANDBOX is on.
 */
export function createExchangeModule(deps: ExchangeDeps) {
  const approvals = createApprovalLookup(endpointFor(deps.approvalServiceUrl, SANDBOX_APPROVAL_PATH, deps));
  const platform = createPublicServicePlatform(endpointFor(deps.publicServiceUrl, SANDBOX_PUBLIC_SERVICE_PATH, deps), PUBLIC_SERVICE_LABEL);
  const designatedMedia = createPublicServicePlatform(endpointFor(deps.designatedMediaUrl, SANDBOX_DESIGNATED_MEDIA_PATH, deps), DESIGNATED_MEDIA_LABEL);
  // The administrative supervision platform (行政监督平台) takes evaluation reports by the same protocol.
  const supervision = createPublicServicePlatform(endpointFor(deps.supervisionUrl, SANDBOX_SUPERVISION_PATH, deps), SUPERVISION_LABEL);
  const outbox = createOutboxService({ ...deps, receivers: { publicService: platform, designatedMedia, supervision } });
  const sandboxes = deps.sandbox
    ? {
        publicService: createSandboxPublicService({ ...deps, receiver: 'publicService' }),
        designatedMedia: createSandboxPublicService({ ...deps, receiver: 'designatedMedia' }),
        supervision: createSandboxPublicService({ ...deps, receiver: 'supervision' }),
      }
    : null;
  defineOutboxJobs(deps.jobs, outbox);
  const configured = { approval: deps.approvalServiceUrl, publicService: deps.publicServiceUrl, designatedMedia: deps.designatedMediaUrl, supervision: deps.supervisionUrl };
  const sandboxed = deps.sandbox && deps.selfInject ? (Object.keys(configured) as (keyof typeof configured)[]).filter((k) => !configured[k]) : [];

  return {
    errors: exchangeErrors,
    scopes: createExchangeScopes(deps.db),
    /** `approvals.lookup(code)`: the project behind an approval code, or null. */
    approvals,
    /** `outbox.enqueue(trx, message)` for other modules; delivery, sweep, retry and list for staff. */
    outbox,
    publicService: platform,
    designatedMedia,
    /** The sandbox public service platform (received messages, failures on demand), or null. */
    sandbox: sandboxes?.publicService ?? null,
    /** Both sandbox receivers by destination, or null outside sandbox mode. */
    sandboxes,
    /** The outside systems answered by the sandbox stand-ins rather than the real ones (the portal says so). */
    sandboxed,
    registerRoutes(app: AppInstance) {
      registerExchangeRoutes(app, { db: deps.db, outbox, approvals });
      if (sandboxes) registerSandboxRoutes(app, { receivers: [sandboxes.publicService, sandboxes.designatedMedia, sandboxes.supervision] });
    },
  };
}

export type ExchangeModule = ReturnType<typeof createExchangeModule>;
