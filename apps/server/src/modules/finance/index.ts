import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { createAccountService } from './accounts.service.ts';
import { createBonds } from './bonds.ts';
import type { FinanceDeps } from './finance.deps.ts';
import { financeErrors } from './finance.errors.ts';
import { registerFinanceRoutes } from './finance.routes.ts';
import { createGuaranteeService } from './guarantees.service.ts';
import { createSandboxBank, registerSandboxBankRoutes } from './sandbox-bank.ts';
import { createStatementService } from './statements.service.ts';
import { createRefundReading } from './refunds.read.ts';
import { registerRefundRoutes } from './refunds.routes.ts';
import { createRefundService, REFUND_PAY_JOB, REFUND_SWEEP_JOB } from './refunds.service.ts';
import { createIssuanceReading } from './issuance.read.ts';
import { registerIssuanceRoutes } from './issuance.routes.ts';
import { createIssuanceScopes } from './issuance.scopes.ts';
import { GUARANTEE_CLAIM_JOB } from './guarantee-aftercare.service.ts';
import { createIssuanceService, GUARANTEE_ISSUE_JOB, GUARANTEE_SWEEP_JOB } from './issuance.service.ts';
import { createSandboxIssuer } from './sandbox-issuer.ts';
import { feeErrors } from './fees.errors.ts';
import { createFeeReading } from './fees.read.ts';
import { registerFeeRoutes } from './fees.routes.ts';
import { createFeeSchedules } from './fees.schedule.ts';
import { createFeeScopes } from './fees.scopes.ts';
import { createFeeSettlement } from './fees.settlement.ts';
import { createPerformanceBondReading } from './performance-bond.read.ts';
import { registerPerformanceBondRoutes } from './performance-bond.routes.ts';
import { createPerformanceBondService } from './performance-bond.service.ts';
import { createSandboxPayments } from './sandbox-pay.ts';
import { createForfeitureReading } from './forfeiture.read.ts';
import { registerForfeitureRoutes } from './forfeiture.routes.ts';
import { createForfeitureScopes } from './forfeiture.scopes.ts';
import { createForfeitureService } from './forfeiture.service.ts';

export type { AwardedPort, AwardedSection as FinanceAwardedSection, PaymentGatewayPort } from './finance.deps.ts';
export type { BankPort, BidsPort, BondDocumentsPort, EntitiesPort, FinanceDeps, ForfeitureFactsPort, SectionsPort, SettlementAccount, VerifyEntitySignaturePort } from './finance.deps.ts';
export { REFUND_PAY_JOB, REFUND_SWEEP_JOB };
export { GUARANTEE_CLAIM_JOB, GUARANTEE_ISSUE_JOB, GUARANTEE_SWEEP_JOB };
export type { GuaranteeIssuerPort, IssuedGuarantee, IssuerOffer } from './finance.deps.ts';
export type { SandboxIssuer, SandboxIssuerEnrolment } from './sandbox-issuer.ts';
export type { BondCheckInput, BondStatus } from './bonds.ts';
export type { Caller as FinanceCaller } from './caller.ts';
export { DEFAULT_SETTLEMENT } from './finance.deps.ts';
export { CSV_COLUMNS, parseStatement } from './statement-parse.ts';
export { fenToYuan, yuanToFen } from './money.ts';

/**
 * Finance (issue 10 §4; issue 13 §5 refunds, decision 0033): bid bonds. Virtual
 * sub-accounts per section and bidder, bank statements imported and reconciled (CSV, camt.053), the
 * e-guarantee register, the check bidding asks at submission, and a sandbox bank.
 * Before a section's deadline only the bidder learns who opened an account or paid for it.
 */
export function createFinanceModule(deps: FinanceDeps) {
  const accounts = createAccountService(deps);
  const guarantees = createGuaranteeService(deps);
  const bonds = createBonds(deps, accounts);
  const sandboxBank = deps.sandbox ? createSandboxBank(deps) : null;
  // Refunds are paid through the configured bank, or the sandbox bank in sandbox mode (decision 0033).
  const bank = deps.bank ?? (sandboxBank ? { pay: (i: Parameters<typeof sandboxBank.pay>[1]) => sandboxBank.pay(deps.db, i) } : undefined);
  const refunds = createRefundService({ ...deps, bank });
  const statements = createStatementService(deps, refunds.settle);
  const refundReading = createRefundReading(deps, refunds);
  deps.jobs.define<{ refundId: string }>({ name: REFUND_PAY_JOB, handle: async ({ refundId }) => refunds.pay(refundId) });
  deps.jobs.define({ name: REFUND_SWEEP_JOB, cron: '*/5 * * * *', handle: async () => refunds.sweep() });
  // E-guarantees one-stop (decision 0037): the configured issuers' interface, or the sandbox issuers.
  const sandboxIssuer = deps.sandbox ? createSandboxIssuer(deps) : null;
  const issuance = createIssuanceService(deps, deps.issuer ?? sandboxIssuer);
  const issuanceReading = createIssuanceReading(deps);
  deps.jobs.define<{ applicationId: string }>({ name: GUARANTEE_ISSUE_JOB, handle: async ({ applicationId }) => issuance.collect(applicationId) });
  deps.jobs.define<{ claimId: string }>({ name: GUARANTEE_CLAIM_JOB, handle: async ({ claimId }) => issuance.payClaim(claimId) });
  deps.jobs.define({ name: GUARANTEE_SWEEP_JOB, cron: '*/5 * * * *', handle: async () => issuance.sweep() });
  // Fees and performance bonds (decision 0038): the configured payment gateway, or the sandbox bank's.
  const performanceBonds = createPerformanceBondService(deps, refunds);
  const performanceBondReading = createPerformanceBondReading(deps);
  const feeSchedules = createFeeSchedules(deps);
  const feeSettlement = createFeeSettlement(deps, deps.payments ?? (deps.sandbox ? createSandboxPayments(deps) : null));
  const feeReading = createFeeReading(deps);
  // Forfeiting a deposit (decision 0042): paid to the tenderer through the refunds' workflow.
  const forfeitures = createForfeitureService(deps, refunds, accounts);
  const forfeitureReading = createForfeitureReading(deps, forfeitures, refunds);

  return {
    errors: { ...financeErrors, ...feeErrors },
    scopes: { ...createIssuanceScopes(deps), ...createFeeScopes(deps), ...createForfeitureScopes(deps) },
    /** finance → bidding (BondsPort): the bond as it stands at submission. */
    bonds,
    services: { accounts, statements, guarantees, refunds, issuance, performanceBonds, feeSchedules, feeSettlement, forfeitures },
    /** award → finance, inside the award notice's transaction: the section's fees are charged from its region's schedule. */
    async onAwardNoticeIssued(trx: Db, sectionId: string, actor: Actor): Promise<number> {
      return feeSchedules.chargeAtAward(trx, sectionId, actor);
    },
    /** contract → finance: the contract is performed; the winner's performance bond is released and refunded. */
    async onContractPerformed(trx: Db, performed: { sectionId: string; round: number }, actor: Actor): Promise<void> {
      await performanceBonds.onPerformed(trx, performed, actor);
    },
    /** bidding → finance: a bid withdrawn before the deadline has its deposits refunded (inside the withdrawal's transaction). */
    async onBidWithdrawn(trx: Db, bid: { sectionId: string; round: number; entityId: string }, actor: Actor): Promise<void> {
      const account = await accounts.find(trx, bid.sectionId, bid.round, bid.entityId);
      if (account) await refunds.requestIn(trx, account.id, 'withdrawn', actor);
    },
    /**
     * The result is out (Reg. 57): the deposits of the section's round for these entities are requested
     * back — the losers' when the award notices are issued, the winner's when the contract is signed.
     */
    async onResult(trx: Db, result: { sectionId: string; round: number; entityIds: string[]; reason: 'notAwarded' | 'contractSigned' }, actor: Actor): Promise<number> {
      let made = 0;
      for (const entityId of result.entityIds) {
        const account = await accounts.find(trx, result.sectionId, result.round, entityId);
        if (account) made += await refunds.requestIn(trx, account.id, result.reason, actor);
      }
      // Their e-guarantees are released too: the bidder may cancel them (decision 0037).
      await issuance.onResult(trx, result, actor);
      return made;
    },
    /** The sandbox issuers (enrol one with the key of its bound certificate), or null outside sandbox mode. */
    sandboxIssuer,
    /** The sandbox bank, or null outside sandbox mode. */
    sandboxBank,
    registerRoutes(app: AppInstance) {
      registerFinanceRoutes(app, { db: deps.db, accounts, statements, guarantees });
      registerRefundRoutes(app, { db: deps.db, reading: refundReading });
      registerIssuanceRoutes(app, { db: deps.db, service: issuance, reading: issuanceReading });
      registerPerformanceBondRoutes(app, { db: deps.db, service: performanceBonds, reading: performanceBondReading });
      registerFeeRoutes(app, { db: deps.db, schedules: feeSchedules, settlement: feeSettlement, reading: feeReading });
      registerForfeitureRoutes(app, { db: deps.db, service: forfeitures, reading: forfeitureReading });
      if (sandboxBank) registerSandboxBankRoutes(app, { db: deps.db, bank: sandboxBank });
    },
  };
}

export type FinanceModule = ReturnType<typeof createFinanceModule>;
