// The evaluation (evaluation module, issue 12 §4): every route of packages/contracts/src/evaluation.ts.
import type {
  EvaluationOpenInput,
  EvaluationSheetInput,
  EvaluationSignInInput,
  EvaluationSheetView,
  EvaluationSignInView,
  EvaluationSummaryInput,
  EvaluationView,
  MyEvaluationItem,
} from '@bidhall/contracts';
import { api } from './client.ts';

const base = (sectionId: string) => `/sections/${sectionId}/evaluation`;

export const evaluationApi = {
  view: (sectionId: string) => api.get<EvaluationView>(base(sectionId)),
  open: (sectionId: string, body: EvaluationOpenInput) => api.post<EvaluationView>(base(sectionId), body),
  setRepresentatives: (sectionId: string, userIds: string[]) => api.put<EvaluationView>(`${base(sectionId)}/representatives`, { userIds }),
  setChair: (sectionId: string, memberId: string) => api.put<EvaluationView>(`${base(sectionId)}/chair`, { memberId }),
  signIn: (sectionId: string, body: EvaluationSignInInput) => api.post<EvaluationSignInView>(`${base(sectionId)}/sign-in`, body),
  mySheet: (sectionId: string) => api.get<EvaluationSheetView>(`${base(sectionId)}/sheets/mine`),
  saveSheet: (sectionId: string, body: EvaluationSheetInput) => api.put<EvaluationSheetView>(`${base(sectionId)}/sheets/mine`, body),
  summarise: (sectionId: string, body: EvaluationSummaryInput = {}) => api.post<EvaluationView>(`${base(sectionId)}/summary`, body),
  mine: () => api.get<MyEvaluationItem[]>('/me/evaluations'),
};
