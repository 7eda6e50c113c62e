// The remote opening hall (不见面开标, module `opening`, decision 0021): the hall at server time, the
// bidders' sign-in and unsealing, the tenderer's start of the unsealing window, objections raised and
// answered on the spot. The live stream is an EventSource on `hallEventsUrl`.
import type { HallEvent, HallView, ObjectionView, OpeningRecordView, RecordSignRequest, RemedyKit, ShareReleaseRequest, UnsealKit, UnsealRequest } from '@bidhall/contracts';
import { api } from './client.ts';

export type { HallEvent, HallView, ObjectionView, OpeningRecordView, RemedyKit, ShareReleaseRequest, UnsealKit, UnsealRequest };
export type HallBid = HallView['bidders'][number];
export type HallStage = HallView['stage'];
export type UnsealStatus = HallBid['unseal']['status'];

export { HALL_EVENT_KINDS } from '@bidhall/contracts';

const enc = encodeURIComponent;
const hall = (sectionId: string) => `/sections/${enc(sectionId)}/hall`;

export const hallApi = {
  /** 404 HALL_NOT_FOUND for a bidder until the hall has opened with its bid (nobody learns who bid before). */
  view: (sectionId: string) => api.get<HallView>(hall(sectionId)),
  signIn: (sectionId: string) => api.post<HallView>(`${hall(sectionId)}/sign-in`),
  startUnsealing: (sectionId: string) => api.post<HallView>(`${hall(sectionId)}/unsealing`),
  unsealKit: (sectionId: string) => api.get<UnsealKit>(`${hall(sectionId)}/unseal-kit`),
  unseal: (sectionId: string, body: UnsealRequest) => api.post<HallView>(`${hall(sectionId)}/unseal`, body),
  object: (sectionId: string, text: string) => api.post<ObjectionView>(`${hall(sectionId)}/objections`, { text }),
  answer: (sectionId: string, objectionId: string, answer: string) =>
    api.post<ObjectionView>(`${hall(sectionId)}/objections/${enc(objectionId)}/answer`, { answer }),
  /** 409 RECORD_NOT_READY until the tenderer or agency draws the record up. */
  record: (sectionId: string) => api.get<OpeningRecordView>(`${hall(sectionId)}/record`),
  drawUpRecord: (sectionId: string) => api.post<OpeningRecordView>(`${hall(sectionId)}/record`),
  signRecord: (sectionId: string, body: RecordSignRequest) => api.post<OpeningRecordView>(`${hall(sectionId)}/record/signatures`, body),
  publishRecord: (sectionId: string) => api.post<OpeningRecordView>(`${hall(sectionId)}/record/publication`),
  remedyKit: (sectionId: string) => api.get<RemedyKit>(`${hall(sectionId)}/remedy-kit`),
  releaseShares: (sectionId: string, body: ShareReleaseRequest) => api.post<HallView>(`${hall(sectionId)}/shares`, body),
};

/** The Server-Sent Events of a hall (same origin, so the session cookie goes with it). */
export const hallEventsUrl = (sectionId: string, after = 0) => `/api/v1${hall(sectionId)}/events?after=${after}`;
