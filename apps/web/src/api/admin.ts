import { api } from './client.ts';
import type { AuditEventView, UserKind, UserView } from './types.ts';

export interface CreateUserInput {
  username: string;
  displayName: string;
  kind: Exclude<UserKind, 'entity'>;
  regionCode: string;
  department?: string;
  categories: string[];
  password: string;
}

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

export const adminApi = {
  users: (kind?: UserKind) => api.get<UserView[]>('/users', { kind }),
  createUser: (input: CreateUserInput) => api.post<UserView>('/users', input),
  auditEvents: (filter: AuditFilter) => api.get<AuditEventView[]>('/audit-events', { ...filter }),
};
