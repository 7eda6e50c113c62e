// The expert pool and the committee draw (experts module, issue 12): every route of packages/contracts/src/experts.ts.
import type {
  CommitteePlanInput,
  CommitteeView,
  ExpertApplication,
  ExpertApplicationStatus,
  ExpertDecision,
  ExpertDetailView,
  ExpertEdit,
  ExpertInvitationAnswer,
  ExpertInvitationView,
  ExpertNomination,
  ExpertPage,
  ExpertPublicEntry,
  ExpertRatingInput,
  ExpertRecordInput,
  ExpertSelfView,
  ExpertState,
  ExpertView,
  Sitting,
} from '@bidhall/contracts';
import { api } from './client.ts';

export interface ExpertApplicationReceipt {
  id: string;
  statusToken: string;
  appliedAt: string;
}

export interface ExpertFilter {
  state?: ExpertState;
  specialty?: string;
  regionCode?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

export const expertsApi = {
  apply: (body: ExpertApplication) => api.post<ExpertApplicationReceipt>('/expert-applications', body),
  applicationStatus: (id: string, token: string) =>
    api.get<ExpertApplicationStatus>(`/expert-applications/${encodeURIComponent(id)}`, { token }),
  publicRecord: (query: { limit?: number; cursor?: string }) =>
    api.get<{ items: ExpertPublicEntry[]; nextCursor: string | null }>('/public/expert-record', query),
  nominate: (body: ExpertNomination) => api.post<ExpertView>('/experts', body),
  list: (filter: ExpertFilter) => api.get<ExpertPage>('/experts', { ...filter }),
  get: (id: string) => api.get<ExpertDetailView>(`/experts/${id}`),
  edit: (id: string, body: ExpertEdit) => api.patch<ExpertDetailView>(`/experts/${id}`, body),
  decide: (id: string, body: ExpertDecision) => api.post<ExpertDetailView>(`/experts/${id}/decisions`, body),
  share: (id: string, shared: boolean, reason: string) => api.put<ExpertDetailView>(`/experts/${id}/sharing`, { shared, reason }),
  addRecord: (id: string, body: ExpertRecordInput) => api.post<ExpertDetailView>(`/experts/${id}/records`, body),
  rate: (id: string, body: ExpertRatingInput) => api.post<ExpertDetailView>(`/experts/${id}/ratings`, body),
  recommend: (id: string, reason: string) => api.post<ExpertDetailView>(`/experts/${id}/recommendation`, { reason }),
  linkAccount: (id: string, username: string) => api.put<ExpertDetailView>(`/experts/${id}/account`, { username }),
  me: () => api.get<ExpertSelfView>('/experts/me'),
  answer: (invitationId: string, body: ExpertInvitationAnswer) =>
    api.post<ExpertInvitationView>(`/expert-invitations/${invitationId}/answer`, body),
};

/** The evaluation committee's routes, or the prequalification review committee's. */
const committeePath = (sitting: Sitting) => (sitting === 'application' ? 'application-committee' : 'committee');

export const committeeApi = {
  get: (sectionId: string, sitting: Sitting = 'bid') =>
    api.get<CommitteeView>(`/sections/${sectionId}/${committeePath(sitting)}`),
  savePlan: (sectionId: string, plan: CommitteePlanInput, sitting: Sitting = 'bid') =>
    api.put<CommitteeView>(`/sections/${sectionId}/${committeePath(sitting)}/plan`, plan),
  draw: (sectionId: string, reason: string, sitting: Sitting = 'bid') =>
    api.post<CommitteeView>(`/sections/${sectionId}/${committeePath(sitting)}/draws`, { reason }),
};
