// Remote evaluation (issue 12 §3, decision 0027): every route of packages/contracts/src/evaluation-venues.ts.
// A section's routes are per sitting (decision 0032): the bids' evaluation or the prequalification review.
import type {
  EvaluationMonitorView,
  EvaluationSignInChallenge,
  EvaluationVenueInput,
  EvaluationVenueView,
  RoomSignalInput,
  RoomView,
  SectionVenuesInput,
  Sitting,
  SectionVenuesView,
  WorkstationPublicKey,
  WorkstationView,
} from '@bidhall/contracts';
import { api } from './client.ts';
import { evaluationBase } from './evaluation.ts';

const section = (sectionId: string, sitting: Sitting) => evaluationBase(sectionId, sitting);

export const venuesApi = {
  list: () => api.get<EvaluationVenueView[]>('/evaluation-venues'),
  create: (body: EvaluationVenueInput) => api.post<EvaluationVenueView>('/evaluation-venues', body),
  update: (id: string, body: EvaluationVenueInput) => api.put<EvaluationVenueView>(`/evaluation-venues/${id}`, body),
  registerWorkstation: (venueId: string, label: string, publicKey: WorkstationPublicKey) => api.post<WorkstationView>(`/evaluation-venues/${venueId}/workstations`, { label, publicKey }),
  revokeWorkstation: (venueId: string, workstationId: string, reason: string) => api.post<WorkstationView>(`/evaluation-venues/${venueId}/workstations/${workstationId}/revoke`, { reason }),
  sectionVenues: (sectionId: string, sitting: Sitting = 'bid') => api.get<SectionVenuesView>(`${section(sectionId, sitting)}/venues`),
  assign: (sectionId: string, body: SectionVenuesInput, sitting: Sitting = 'bid') => api.put<SectionVenuesView>(`${section(sectionId, sitting)}/venues`, body),
  challenge: (sectionId: string, sitting: Sitting = 'bid') => api.get<EvaluationSignInChallenge>(`${section(sectionId, sitting)}/sign-in/challenge`),
  monitor: () => api.get<EvaluationMonitorView>('/evaluation-monitor'),
  room: (sectionId: string, sitting: Sitting = 'bid') => api.get<RoomView>(`${section(sectionId, sitting)}/room`),
  signal: (sectionId: string, body: RoomSignalInput, sitting: Sitting = 'bid') => api.post<{ delivered: true }>(`${section(sectionId, sitting)}/room/signals`, body),
};

/** Server-Sent Events URLs (EventSource sends the session cookie on the same origin). */
export const monitorEventsUrl = '/api/v1/evaluation-monitor';
export const roomEventsUrl = (sectionId: string, sitting: Sitting = 'bid') => `/api/v1${section(sectionId, sitting)}/room`;
