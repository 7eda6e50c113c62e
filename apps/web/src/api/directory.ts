import { api } from './client.ts';
import type { AccountName, UserKind } from './types.ts';

/** At most this many ids per call. */
export const DIRECTORY_BATCH = 100;

/** Who may look names up; entity users may not. */
export const DIRECTORY_READERS: readonly UserKind[] = ['staff', 'supervisor', 'auditor', 'admin', 'securityAdmin'];

export const directoryApi = {
  /** Display names for account ids, for views and the audit trail; unknown ids are left out. */
  names: (ids: readonly string[]) => api.get<AccountName[]>('/users/directory', { ids: ids.join(',') }),
};
