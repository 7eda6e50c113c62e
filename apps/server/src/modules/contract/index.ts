import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { ContractDeps } from './contract.deps.ts';
import { contractErrors } from './contract.errors.ts';
import { registerContractRoutes } from './contract.routes.ts';
import { createContractArchive } from './contract-archive.ts';
import { createContractReading } from './contract.read.ts';
import { createContractService } from './contract.service.ts';
import { CONTRACT_DEADLINE_JOB, createDeadlineService } from './deadline.service.ts';
import { createPerformanceService } from './performance.service.ts';
import { createContractScopes } from './scopes.ts';

export type { AwardedPort, AwardedSection, ContractDeps, ContractTerms, WinningBidSummary } from './contract.deps.ts';
export { CONTRACT_DEADLINE_JOB };

/**
 * The contract (合同, issue 13 §4; decision 0036): drafted by the tenderer from the award, the winning
 * bid and the tender document, verified by staff, e-signed by both sides within Law 46's 30 days (a timer
 * that warns), published and pushed; the winner's bid bond then goes back (Reg. 57). Performance records
 * of both sides and verified changes, each published.
 */
export function createContractModule(deps: ContractDeps) {
  const deadlines = createDeadlineService(deps);
  const reading = createContractReading(deps);
  const contracts = createContractService(deps, deadlines, reading);
  const performance = createPerformanceService(deps, reading);
  const archive = createContractArchive(reading, deps.db);
  deps.jobs.define({ name: CONTRACT_DEADLINE_JOB, cron: '13 * * * *', handle: async () => void (await deadlines.warn()) });

  return {
    errors: contractErrors,
    scopes: createContractScopes(deps),
    contracts,
    reading,
    performance,
    deadlines,
    /** award → contract, inside the award notice's transaction: Law 46's 30 days start. */
    async onAwardNoticeIssued(trx: Db, sectionId: string): Promise<void> {
      await deadlines.started(trx, sectionId);
    },
    registerRoutes(app: AppInstance) {
      registerContractRoutes(app, { contracts, reading, performance, archive });
    },
  };
}

export type ContractModule = ReturnType<typeof createContractModule>;
