// The remote opening hall (不见面开标, module `opening`, decision 0021): the hall at server time, the
// bidders' sign-in and unsealing, the tenderer's start of the unsealing window, objections raised and
// answered on the spot. The live stream is an EventSource on `hallEventsUrl`. A section tendered with
// prequalification has a second hall for its applications (decision 0023), with the same API under
// /application-hall: every call names its hall by section and sitting.
import type { HallEvent, HallView, ObjectionView, OpeningRecordView, RecordSignRequest, RemedyKit, ShareReleaseRequest, Sitting, UnsealKit, UnsealRequest } from '@bidhall/contracts';
import { api } from './client.ts';

export type { HallEvent, HallView, ObjectionView, OpeningRecordView, RemedyKit, ShareReleaseRequest, Sitting, UnsealKit, UnsealRequest };
export type HallBid = HallView['bidders'][number];
export type HallStage = HallView['stage'];
export type UnsealStatus = HallBid['unseal']['status'];

export { HALL_EVENT_KINDS } from '@bidhall/contracts';

/** Which hall: a section's bid opening, or the opening of its prequalification applications. */
export interface HallRef {
  sectionId: string;
  sitting: Sitting;
}

/** The path segment of a sitting's hall, in the API and in the web app's routes alike. */
export const HALL_SEGMENT: Record<Sitting, string> = { bid: 'hall', application: 'application-hall' };

const enc = encodeURIComponent;
const hall = ({ sectionId, sitting }: HallRef) => `/sections/${enc(sectionId)}/${HALL_SEGMENT[sitting]}`;

export const hallApi = {
  /** 404 HALL_NOT_FOUND for a bidder until the hall has opened with its bid (nobody learns who bid before). */
  view: (at: HallRef) => api.get<HallView>(hall(at)),
  signIn: (at: HallRef) => api.post<HallView>(`${hall(at)}/sign-in`),
  startUnsealing: (at: HallRef) => api.post<HallView>(`${hall(at)}/unsealing`),
  unsealKit: (at: HallRef) => api.get<UnsealKit>(`${hall(at)}/unseal-kit`),
  unseal: (at: HallRef, body: UnsealRequest) => api.post<HallView>(`${hall(at)}/unseal`, body),
  object: (at: HallRef, text: string) => api.post<ObjectionView>(`${hall(at)}/objections`, { text }),
  answer: (at: HallRef, objectionId: string, answer: string) => api.post<ObjectionView>(`${hall(at)}/objections/${enc(objectionId)}/answer`, { answer }),
  /** 409 RECORD_NOT_READY until the tenderer or agency draws the record up. */
  record: (at: HallRef) => api.get<OpeningRecordView>(`${hall(at)}/record`),
  drawUpRecord: (at: HallRef) => api.post<OpeningRecordView>(`${hall(at)}/record`),
  signRecord: (at: HallRef, body: RecordSignRequest) => api.post<OpeningRecordView>(`${hall(at)}/record/signatures`, body),
  publishRecord: (at: HallRef) => api.post<OpeningRecordView>(`${hall(at)}/record/publication`),
  remedyKit: (at: HallRef) => api.get<RemedyKit>(`${hall(at)}/remedy-kit`),
  releaseShares: (at: HallRef, body: ShareReleaseRequest) => api.post<HallView>(`${hall(at)}/shares`, body),
};

/** The Server-Sent Events of a hall (same origin, so the session cookie goes with it). */
export const hallEventsUrl = (at: HallRef, after = 0) => `/api/v1${hall(at)}/events?after=${after}`;
