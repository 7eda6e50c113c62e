import { api } from './client.ts';
import type {
  CheckKind,
  EntityChangeView,
  EntityDetail,
  EntityRole,
  EntityStatus,
  EntityView,
  PendingChangeView,
  PostCheckResult,
} from './types.ts';

export interface EntityFilter {
  status?: EntityStatus;
  postCheck?: PostCheckResult;
  regionCode?: string;
  role?: EntityRole;
  q?: string;
  limit: number;
  offset: number;
}

export type StatusAction = 'suspend' | 'reinstate' | 'cancel';

export interface PostCheckInput {
  checkKind: CheckKind;
  result: 'passed' | 'failed';
  note: string;
  suspendOnFailure: boolean;
}

/** Trading-centre staff (supervisors and auditors read only). */
export const staffApi = {
  entities: (filter: EntityFilter) => api.get<{ items: EntityView[]; total: number }>('/entities', { ...filter }),
  entity: (id: string) => api.get<EntityDetail>(`/entities/${id}`),
  verify: (id: string, decision: 'approve' | 'reject', note: string) =>
    api.post<EntityView>(`/entities/${id}/verification`, { decision, note }),
  changeStatus: (id: string, action: StatusAction, reason: string) =>
    api.post<EntityView>(`/entities/${id}/status`, { action, reason }),
  recordPostCheck: (id: string, input: PostCheckInput) => api.post<EntityView>(`/entities/${id}/post-checks`, input),
  pendingChanges: () => api.get<PendingChangeView[]>('/entity-changes'),
  verifyChange: (id: string, decision: 'approve' | 'reject', note: string) =>
    api.post<EntityChangeView>(`/entity-changes/${id}/verification`, { decision, note }),
};
