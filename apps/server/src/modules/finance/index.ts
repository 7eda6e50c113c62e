import type { AppInstance } from '../../platform/http/types.ts';
import { createAccountService } from './accounts.service.ts';
import { createBonds } from './bonds.ts';
import type { FinanceDeps } from './finance.deps.ts';
import { financeErrors } from './finance.errors.ts';
import { registerFinanceRoutes } from './finance.routes.ts';
import { createGuaranteeService } from './guarantees.service.ts';
import { createSandboxBank, registerSandboxBankRoutes } from './sandbox-bank.ts';
import { createStatementService } from './statements.service.ts';

export type { BondDocumentsPort, EntitiesPort, FinanceDeps, SectionsPort, SettlementAccount, VerifyEntitySignaturePort } from './finance.deps.ts';
export type { BondCheckInput, BondStatus } from './bonds.ts';
export type { Caller as FinanceCaller } from './caller.ts';
export { DEFAULT_SETTLEMENT } from './finance.deps.ts';
export { CSV_COLUMNS, parseStatement } from './statement-parse.ts';
export { fenToYuan, yuanToFen } from './money.ts';

/**
 * Finance (issue 10 §4; issue 13 extends it with refunds, issuance and the ledger): bid bonds. Virtual
 * sub-accounts per section and bidder, bank statements imported and reconciled (CSV, camt.053), the
 * e-guarantee register, the check bidding asks at submission, and a sandbox bank.
 * Before a section's deadline only the bidder learns who opened an account or paid for it.
 */
export function createFinanceModule(deps: FinanceDeps) {
  const accounts = createAccountService(deps);
  const statements = createStatementService(deps);
  const guarantees = createGuaranteeService(deps);
  const bonds = createBonds(deps, accounts);
  const sandboxBank = deps.sandbox ? createSandboxBank(deps) : null;

  return {
    errors: financeErrors,
    scopes: {},
    /** finance → bidding (BondsPort): the bond as it stands at submission. */
    bonds,
    services: { accounts, statements, guarantees },
    /** The sandbox bank, or null outside sandbox mode. */
    sandboxBank,
    registerRoutes(app: AppInstance) {
      registerFinanceRoutes(app, { db: deps.db, accounts, statements, guarantees });
      if (sandboxBank) registerSandboxBankRoutes(app, { db: deps.db, bank: sandboxBank });
    },
  };
}

export type FinanceModule = ReturnType<typeof createFinanceModule>;
