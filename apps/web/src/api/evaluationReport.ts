// The evaluation report (decision 0026) and the evaluator's personal certificates. The report is per
// sitting (decision 0032): the bids' 评标报告, or the prequalification review's 资格审查报告.
import type {
  BindPersonalCertificateRequest,
  EvaluationReportParts,
  EvaluationReportSignInput,
  EvaluationReportView,
  PersonalCertificateChallenge,
  PersonalCertificateView,
  Sitting,
} from '@bidhall/contracts';
import { api } from './client.ts';
import { evaluationBase } from './evaluation.ts';

const report = (sectionId: string, sitting: Sitting) => `${evaluationBase(sectionId, sitting)}/report`;

export const evaluationReportApi = {
  view: (sectionId: string, sitting: Sitting = 'bid') => api.get<EvaluationReportView>(report(sectionId, sitting)),
  edit: (sectionId: string, parts: EvaluationReportParts, sitting: Sitting = 'bid') => api.put<EvaluationReportView>(report(sectionId, sitting), parts),
  generate: (sectionId: string, sitting: Sitting = 'bid') => api.post<EvaluationReportView>(report(sectionId, sitting), {}),
  sign: (sectionId: string, body: EvaluationReportSignInput, sitting: Sitting = 'bid') => api.post<EvaluationReportView>(`${report(sectionId, sitting)}/signatures`, body),
};

export const personalCertificatesApi = {
  list: () => api.get<PersonalCertificateView[]>('/my/personal-certificates'),
  challenge: () => api.post<PersonalCertificateChallenge>('/my/personal-certificates/challenge', {}),
  bind: (body: BindPersonalCertificateRequest) => api.post<PersonalCertificateView>('/my/personal-certificates', body),
  unbind: (id: string) => api.delete<PersonalCertificateView>(`/my/personal-certificates/${encodeURIComponent(id)}`),
};
