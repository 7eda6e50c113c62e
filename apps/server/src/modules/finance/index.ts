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

export type { BankPort, BidsPort, BondDocumentsPort, EntitiesPort, FinanceDeps, SectionsPort, SettlementAccount, VerifyEntitySignaturePort } from './finance.deps.ts';
export { REFUND_PAY_JOB, REFUND_SWEEP_JOB };
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

  return {
    errors: financeErrors,
    scopes: {},
    /** finance → bidding (BondsPort): the bond as it stands at submission. */
    bonds,
    services: { accounts, statements, guarantees, refunds },
    /** bidding → finance: a bid withdrawn before the deadline has its deposits refunded (inside the withdrawal's transaction). */
    async onBidWithdrawn(trx: Db, bid: { sectionId: string; round: number; entityId: string }, actor: Actor): Promise<void> {
      const account = await accounts.find(trx, bid.sectionId, bid.round, bid.entityId);
      if (account) await refunds.requestIn(trx, account.id, 'withdrawn', actor);
    },
    /** The sandbox bank, or null outside sandbox mode. */
    sandboxBank,
    registerRoutes(app: AppInstance) {
      registerFinanceRoutes(app, { db: deps.db, accounts, statements, guarantees });
      registerRefundRoutes(app, { db: deps.db, reading: refundReading });
      if (sandboxBank) registerSandboxBankRoutes(app, { db: deps.db, bank: sandboxBank });
    },
  };
}

export type FinanceModule = ReturnType<typeof createFinanceModule>;
