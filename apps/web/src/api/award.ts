// Award (定标, decisions 0034, 0035): the candidates' publicity from the completed evaluation report, its
// verification by staff, and the bidders' objections to the result with the tenderer's answers; who
// decides, the winner, the written report, the award notices and each bidder's letter.
import type {
  AwardDecisionInput,
  AwardDecisionView,
  AwardNoticeInput,
  AwardNoticeVerification,
  AwardNoticeView,
  AwardSettingInput,
  AwardSettingView,
  AwardStandingView,
  MyAwardLetterView,
  PublicityInput,
  PublicityVerification,
  PublicityView,
  ResultObjectionView,
  SeparatedAwardInput,
  SeparatedAwardView,
} from '@bidhall/contracts';
import type { JsonSignature } from '@bidhall/crypto/browser';
import { api } from './client.ts';

const base = (sectionId: string) => `/sections/${encodeURIComponent(sectionId)}/award`;

export const awardApi = {
  standing: (sectionId: string) => api.get<AwardStandingView>(base(sectionId)),
  savePublicity: (sectionId: string, body: PublicityInput) => api.put<PublicityView>(`${base(sectionId)}/publicity`, body),
  submitPublicity: (sectionId: string) => api.post<PublicityView>(`${base(sectionId)}/publicity/submit`, {}),
  verifyPublicity: (sectionId: string, body: PublicityVerification) =>
    api.post<PublicityView>(`${base(sectionId)}/publicity/verification`, body),
  objections: (sectionId: string) => api.get<ResultObjectionView[]>(`${base(sectionId)}/objections`),
  object: (sectionId: string, content: string) => api.post<ResultObjectionView>(`${base(sectionId)}/objections`, { content }),
  answer: (objectionId: string, answer: string) =>
    api.post<ResultObjectionView>(`/award-objections/${encodeURIComponent(objectionId)}/answer`, { answer }),
  setting: (sectionId: string, body: AwardSettingInput) => api.put<AwardSettingView>(`${base(sectionId)}/setting`, body),
  decide: (sectionId: string, body: AwardDecisionInput) => api.post<AwardDecisionView>(`${base(sectionId)}/decision`, body),
  /** 评定分离: the award committee's sitting; 409 AWARD_VOTE_TIED (details.leaders) when the last round ties. */
  recordSeparated: (sectionId: string, body: SeparatedAwardInput) =>
    api.post<SeparatedAwardView>(`${base(sectionId)}/separated`, body),
  /** Performs and reveals a lot left pending, and decides its winner (idempotent). */
  completeLot: (sectionId: string) => api.post<SeparatedAwardView>(`${base(sectionId)}/separated/lot`, {}),
  report: (sectionId: string, report: string) => api.post<AwardDecisionView>(`${base(sectionId)}/report`, { report }),
  saveNotices: (sectionId: string, body: AwardNoticeInput) => api.put<AwardNoticeView>(`${base(sectionId)}/notices`, body),
  submitNotices: (sectionId: string, body: { certificatePem: string; signature: JsonSignature }) =>
    api.post<AwardNoticeView>(`${base(sectionId)}/notices/submit`, body),
  verifyNotices: (sectionId: string, body: AwardNoticeVerification) =>
    api.post<AwardNoticeView>(`${base(sectionId)}/notices/verification`, body),
  myLetters: () => api.get<MyAwardLetterView[]>('/award-letters/mine'),
  acknowledge: (letterId: string) =>
    api.post<MyAwardLetterView>(`/award-letters/${encodeURIComponent(letterId)}/acknowledgement`, {}),
};
