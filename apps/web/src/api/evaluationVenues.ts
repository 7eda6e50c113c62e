// Remote evaluation (issue 12 §3, decision 0027): every route of packages/contracts/src/evaluation-venues.ts.
import type {
  EvaluationMonitorView,
  EvaluationSignInChallenge,
  EvaluationVenueInput,
  EvaluationVenueView,
  RoomSignalInput,
  RoomView,
  SectionVenuesInput,
  SectionVenuesView,
  WorkstationPublicKey,
  WorkstationView,
} from '@bidhall/contracts';
import { api } from './client.ts';

const section = (sectionId: string) => `/sections/${sectionId}/evaluation`;

export const venuesApi = {
  list: () => api.get<EvaluationVenueView[]>('/evaluation-venues'),
  create: (body: EvaluationVenueInput) => api.post<EvaluationVenueView>('/evaluation-venues', body),
  update: (id: string, body: EvaluationVenueInput) => api.put<EvaluationVenueView>(`/evaluation-venues/${id}`, body),
  registerWorkstation: (venueId: string, label: string, publicKey: WorkstationPublicKey) => api.post<WorkstationView>(`/evaluation-venues/${venueId}/workstations`, { label, publicKey }),
  revokeWorkstation: (venueId: string, workstationId: string, reason: string) => api.post<WorkstationView>(`/evaluation-venues/${venueId}/workstations/${workstationId}/revoke`, { reason }),
  sectionVenues: (sectionId: string) => api.get<SectionVenuesView>(`${section(sectionId)}/venues`),
  assign: (sectionId: string, body: SectionVenuesInput) => api.put<SectionVenuesView>(`${section(sectionId)}/venues`, body),
  challenge: (sectionId: string) => api.get<EvaluationSignInChallenge>(`${section(sectionId)}/sign-in/challenge`),
  monitor: () => api.get<EvaluationMonitorView>('/evaluation-monitor'),
  room: (sectionId: string) => api.get<RoomView>(`${section(sectionId)}/room`),
  signal: (sectionId: string, body: RoomSignalInput) => api.post<{ delivered: true }>(`${section(sectionId)}/room/signals`, body),
};

/** Server-Sent Events URLs (EventSource sends the session cookie on the same origin). */
export const monitorEventsUrl = '/api/v1/evaluation-monitor';
export const roomEventsUrl = (sectionId: string) => `/api/v1${section(sectionId)}/room`;
