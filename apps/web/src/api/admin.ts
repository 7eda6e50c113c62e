import { api } from './client.ts';
import type { AccountGrantRequest, AccountGrantView, AuditEventView, UserKind, UserView } from './types.ts';

export interface AuditFilter {
  targetType?: string;
  targetId?: string;
  actorId?: string;
  /** An action family: `identity.entity` matches `identity.entity.suspended` (letters and dots). */
  action?: string;
  /** ISO date-times with offset: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  beforeId?: number;
  limit: number;
}

export type GrantStatus = AccountGrantView['status'];

/** Accounts and their grants (decision 0012): security administrators act, auditors read. */
export const adminApi = {
  users: (kind?: UserKind) => api.get<UserView[]>('/users', { kind }),
  disableUser: (id: string, reason: string) => api.post<UserView>(`/users/${id}/disable`, { reason }),
  grants: (status?: GrantStatus) => api.get<AccountGrantView[]>('/account-grants', { status }),
  proposeGrant: (input: AccountGrantRequest) => api.post<AccountGrantView>('/account-grants', input),
  approveGrant: (id: string, note?: string) => api.post<AccountGrantView>(`/account-grants/${id}/approve`, note ? { note } : {}),
  rejectGrant: (id: string, note: string) => api.post<AccountGrantView>(`/account-grants/${id}/reject`, { note }),
  auditEvents: (filter: AuditFilter) => api.get<AuditEventView[]>('/audit-events', { ...filter }),
};
