import type {
  BidderView,
  InvitationCreateRequest,
  InvitationDetail,
  InvitationUpdateRequest,
  InvitationView,
  InvitationStatus,
  NoticeCreateRequest,
  NoticeDetail,
  NoticeStatus,
  NoticeType,
  NoticeUpdateRequest,
  NoticeView,
  ReviewDecision,
  SectionDetail,
  SectionExceptionRequest,
  SectionExceptionView,
  StandardText,
} from '@bidhall/contracts';
import { api } from './client.ts';

export type {
  BidderView,
  InvitationDetail,
  InvitationView,
  NoticeDetail,
  NoticeStatus,
  NoticeType,
  NoticeView,
  ReviewDecision,
  SectionDetail,
  SectionExceptionView,
  StandardText,
  InvitationStatus,
};

interface Page<T> {
  items: T[];
  total: number;
}

/** The section a desk page works on (served by the projects module). */
export const deskSectionApi = {
  get: (id: string) => api.get<SectionDetail>(`/sections/${id}`),
};

/** Tender and prequalification notices (A-50…A-54): draft, review, submit for verification. */
export const noticesApi = {
  standardText: (type: NoticeType | 'invitation', sectionIds: string[], replyDeadline?: string) =>
    api.get<StandardText>('/notices/standard-text', { type, sectionIds: sectionIds.join(','), replyDeadline }),
  mine: (query: { status?: NoticeStatus; type?: NoticeType; limit?: number; offset?: number } = {}) =>
    api.get<Page<NoticeView>>('/notices', { limit: 200, ...query }),
  get: (id: string) => api.get<NoticeDetail>(`/notices/${id}`),
  create: (body: NoticeCreateRequest) => api.post<NoticeView>('/notices', body),
  update: (id: string, body: NoticeUpdateRequest) => api.put<NoticeView>(`/notices/${id}`, body),
  regenerate: (id: string) => api.post<NoticeView>(`/notices/${id}/regenerate`),
  remove: (id: string) => api.delete<void>(`/notices/${id}`),
  submit: (id: string) => api.post<NoticeView>(`/notices/${id}/submit`),
  review: (id: string, decision: ReviewDecision) => api.post<NoticeView>(`/notices/${id}/review`, decision),
};

/** Invitations to bid (A-55…A-58): invitees from the bidder database, replies. */
export const invitationsApi = {
  bidders: (query: { q?: string; regionCode?: string; limit?: number }) =>
    api.get<BidderView[] | Page<BidderView>>('/bidders', { limit: 50, ...query }),
  mine: (query: { status?: InvitationStatus; limit?: number; offset?: number } = {}) =>
    api.get<Page<InvitationView>>('/invitations', { limit: 200, ...query }),
  get: (id: string) => api.get<InvitationDetail>(`/invitations/${id}`),
  create: (body: InvitationCreateRequest) => api.post<InvitationView>('/invitations', body),
  update: (id: string, body: InvitationUpdateRequest) => api.put<InvitationView>(`/invitations/${id}`, body),
  remove: (id: string) => api.delete<void>(`/invitations/${id}`),
  submit: (id: string) => api.post<InvitationView>(`/invitations/${id}/submit`),
  review: (id: string, decision: ReviewDecision) => api.post<InvitationView>(`/invitations/${id}/review`, decision),
  /** B-007: draws the invitees among the qualified named at creation. */
  draw: (id: string) => api.post<InvitationView>(`/invitations/${id}/draw`),
};

/** Termination and re-tender of a section. */
export const exceptionsApi = {
  list: (sectionId: string) => api.get<SectionExceptionView[]>(`/sections/${sectionId}/exceptions`),
  create: (sectionId: string, body: SectionExceptionRequest) =>
    api.post<SectionExceptionView>(`/sections/${sectionId}/exceptions`, body),
};

/** Bidder search answers either a bare list or a page; both become a list. */
export function bidderItems(answer: BidderView[] | Page<BidderView>): BidderView[] {
  return Array.isArray(answer) ? answer : answer.items;
}
