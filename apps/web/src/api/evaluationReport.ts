// The evaluation report (decision 0026) and the evaluator's personal certificates.
import type {
  BindPersonalCertificateRequest,
  EvaluationReportParts,
  EvaluationReportSignInput,
  EvaluationReportView,
  PersonalCertificateChallenge,
  PersonalCertificateView,
} from '@bidhall/contracts';
import { api } from './client.ts';

const report = (sectionId: string) => `/sections/${encodeURIComponent(sectionId)}/evaluation/report`;

export const evaluationReportApi = {
  view: (sectionId: string) => api.get<EvaluationReportView>(report(sectionId)),
  edit: (sectionId: string, parts: EvaluationReportParts) => api.put<EvaluationReportView>(report(sectionId), parts),
  generate: (sectionId: string) => api.post<EvaluationReportView>(report(sectionId), {}),
  sign: (sectionId: string, body: EvaluationReportSignInput) => api.post<EvaluationReportView>(`${report(sectionId)}/signatures`, body),
};

export const personalCertificatesApi = {
  list: () => api.get<PersonalCertificateView[]>('/my/personal-certificates'),
  challenge: () => api.post<PersonalCertificateChallenge>('/my/personal-certificates/challenge', {}),
  bind: (body: BindPersonalCertificateRequest) => api.post<PersonalCertificateView>('/my/personal-certificates', body),
  unbind: (id: string) => api.delete<PersonalCertificateView>(`/my/personal-certificates/${encodeURIComponent(id)}`),
};
