import { api } from './client.ts';
import type { EntityChangeView, EntityDetail, EntityListQuery, EntityView, PendingChangeView, PostCheckInput } from './types.ts';

export type EntityFilter = EntityListQuery & { limit: number; offset: number };
export type StatusAction = 'suspend' | 'reinstate' | 'cancel';
export type { PostCheckInput };

/** Trading-centre staff (supervisors and auditors read only). */
export const staffApi = {
  entities: (filter: EntityFilter) => api.get<{ items: EntityView[]; total: number }>('/entities', { ...filter }),
  entity: (id: string) => api.get<EntityDetail>(`/entities/${id}`),
  /** Every change the entity proposed, newest first. */
  entityChanges: (id: string) => api.get<EntityChangeView[]>(`/entities/${id}/changes`),
  verify: (id: string, decision: 'approve' | 'reject', note: string) =>
    api.post<EntityView>(`/entities/${id}/verification`, { decision, note }),
  changeStatus: (id: string, action: StatusAction, reason: string) =>
    api.post<EntityView>(`/entities/${id}/status`, { action, reason }),
  recordPostCheck: (id: string, input: PostCheckInput) => api.post<EntityView>(`/entities/${id}/post-checks`, input),
  pendingChanges: () => api.get<PendingChangeView[]>('/entity-changes'),
  verifyChange: (id: string, decision: 'approve' | 'reject', note: string) =>
    api.post<EntityChangeView>(`/entity-changes/${id}/verification`, { decision, note }),
};
