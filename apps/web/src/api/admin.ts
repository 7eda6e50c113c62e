import { api } from './client.ts';
import type { AuditEvent, UserKind, UserView } from './types.ts';

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
  beforeId?: number;
  limit: number;
}

export const adminApi = {
  users: (kind?: UserKind) => api.get<UserView[]>('/users', { kind }),
  createUser: (input: CreateUserInput) => api.post<UserView>('/users', input),
  auditEvents: (filter: AuditFilter) => api.get<AuditEvent[]>('/audit-events', { ...filter }),
};
