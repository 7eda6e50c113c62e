// Prequalification results (资格预审结果, decision 0039): who confirms the list, the tenderer's confirmed
// list and result letters, their signature and verification, and each applicant's letters.
import type {
  MyPrequalificationLetterView,
  PrequalificationListInput,
  PrequalificationResultsInput,
  PrequalificationResultsVerification,
  PrequalificationResultsView,
  PrequalificationSettingInput,
  PrequalificationSettingView,
  PrequalificationStandingView,
} from '@bidhall/contracts';
import type { JsonSignature } from '@bidhall/crypto/browser';
import { api } from './client.ts';

const base = (sectionId: string) => `/sections/${encodeURIComponent(sectionId)}/prequalification`;

export const prequalificationApi = {
  standing: (sectionId: string) => api.get<PrequalificationStandingView>(base(sectionId)),
  setting: (sectionId: string, body: PrequalificationSettingInput) =>
    api.put<PrequalificationSettingView>(`${base(sectionId)}/setting`, body),
  saveResults: (sectionId: string, body: PrequalificationResultsInput) =>
    api.put<PrequalificationResultsView>(`${base(sectionId)}/results`, body),
  confirmList: (sectionId: string, body: PrequalificationListInput) =>
    api.put<PrequalificationResultsView>(`${base(sectionId)}/results/list`, body),
  submit: (sectionId: string, body: { certificatePem: string; signature: JsonSignature }) =>
    api.post<PrequalificationResultsView>(`${base(sectionId)}/results/submit`, body),
  verify: (sectionId: string, body: PrequalificationResultsVerification) =>
    api.post<PrequalificationResultsView>(`${base(sectionId)}/results/verification`, body),
  myLetters: () => api.get<MyPrequalificationLetterView[]>('/prequalification-letters/mine'),
  acknowledge: (letterId: string) =>
    api.post<MyPrequalificationLetterView>(`/prequalification-letters/${encodeURIComponent(letterId)}/acknowledgement`, {}),
};
