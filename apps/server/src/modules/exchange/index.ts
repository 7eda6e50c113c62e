import type { AppInstance } from '../../platform/http/types.ts';
import { createApprovalLookup } from './approvals.adapter.ts';
import type { ExchangeDeps } from './exchange.deps.ts';
import { exchangeErrors } from './exchange.errors.ts';
import { registerExchangeRoutes } from './exchange.routes.ts';
import { endpointFor, SANDBOX_APPROVAL_PATH, SANDBOX_PUBLIC_SERVICE_PATH } from './http-endpoint.ts';
import { defineOutboxJobs } from './outbox.jobs.ts';
import { createOutboxService } from './outbox.service.ts';
import { createPublicServicePlatform } from './public-service.adapter.ts';
import { createSandboxPublicService } from './sandbox.service.ts';
import { registerSandboxRoutes } from './sandbox.routes.ts';

export type { ExchangeDeps, SelfInject } from './exchange.deps.ts';
export type { ApprovalLookup } from './approvals.adapter.ts';
export type { Outbox, OutboxMessageInput } from './outbox.service.ts';
export type { PublicServicePlatform } from './public-service.adapter.ts';
export { OUTBOX_DELIVER_JOB, OUTBOX_SWEEP_JOB, OUTBOX_MAX_ATTEMPTS, retryDelayMs } from './outbox.service.ts';
export { SANDBOX_APPROVALS } from './sandbox-approval.fixtures.ts';

/**
 * Adapters to outside systems: the investment approval platform (lookup by project code, task 13)
 * and the public service platform (outbox with delivery jobs, B-001, B-003,
 * B-014), each with a sandbox stand-in served by the platform itself when EXCHANGE_SANDBOX is on.
 */
export function createExchangeModule(deps: ExchangeDeps) {
  const approvals = createApprovalLookup(endpointFor(deps.approvalServiceUrl, SANDBOX_APPROVAL_PATH, deps));
  const platform = createPublicServicePlatform(endpointFor(deps.publicServiceUrl, SANDBOX_PUBLIC_SERVICE_PATH, deps));
  const outbox = createOutboxService({ ...deps, platform });
  const sandbox = deps.sandbox ? createSandboxPublicService(deps) : null;
  defineOutboxJobs(deps.jobs, outbox);

  return {
    errors: exchangeErrors,
    /** `approvals.lookup(code)`: the project behind an approval code, or null. */
    approvals,
    /** `outbox.enqueue(trx, message)` for other modules; delivery, sweep, retry and list for staff. */
    outbox,
    publicService: platform,
    /** The sandbox public service platform (received messages, failures on demand), or null. */
    sandbox,
    registerRoutes(app: AppInstance) {
      registerExchangeRoutes(app, { db: deps.db, outbox, approvals });
      if (sandbox) registerSandboxRoutes(app, { publicService: sandbox });
    },
  };
}

export type ExchangeModule = ReturnType<typeof createExchangeModule>;
