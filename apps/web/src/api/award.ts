// Award (定标, decision 0034): the candidates' publicity from the completed evaluation report, its
// verification by staff, and the bidders' objections to the result with the tenderer's answers.
import type {
  AwardStandingView,
  PublicityInput,
  PublicityVerification,
  PublicityView,
  ResultObjectionView,
} from '@bidhall/contracts';
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
};
