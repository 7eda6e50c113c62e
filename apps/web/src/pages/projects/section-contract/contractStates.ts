import type { ContractState, ContractView } from '@bidhall/contracts';

export const CONTRACT_STEPS = ['draft', 'pendingVerification', 'verified', 'concluded'] as const;

export const CONTRACT_STATE_COLOURS: Record<ContractState | 'none', string> = {
  none: 'default',
  draft: 'default',
  pendingVerification: 'processing',
  verified: 'warning',
  concluded: 'success',
};

/** The step the contract is at (0…3), or -1 before a draft. */
export function contractStep(c: Pick<ContractView, 'state'> | null): number {
  return c ? CONTRACT_STEPS.indexOf(c.state) : -1;
}

/** The last instant of a Shanghai business day (YYYY-MM-DD), as the countdown's target. */
export function endOfDay(day: string): string {
  return `${day}T23:59:59.999+08:00`;
}

/** Whether the side has signed the current content. */
export function signedBy(c: Pick<ContractView, 'signatures'>, side: 'tenderer' | 'winner'): boolean {
  return c.signatures.some((s) => s.side === side);
}
