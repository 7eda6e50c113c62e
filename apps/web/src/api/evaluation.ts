// The evaluation (evaluation module, issue 12 §4): every route of packages/contracts/src/evaluation.ts,
// held per sitting (decision 0032): the bids' evaluation under /evaluation, the prequalification review
// of applications (资格审查) under /application-review, with the same bodies and answers.
import type {
  EvaluationOpenInput,
  EvaluationSheetInput,
  EvaluationSignInInput,
  EvaluationSheetView,
  EvaluationSignInView,
  EvaluationSummaryInput,
  EvaluationDocumentsView,
  EvaluationView,
  MyEvaluationItem,
  Sitting,
} from '@bidhall/contracts';
import { api } from './client.ts';

/** The path segment of a sitting's evaluation after /sections/:id/. */
export const EVALUATION_SEGMENT: Record<Sitting, 'evaluation' | 'application-review'> = { bid: 'evaluation', application: 'application-review' };

/** The API path of a section's evaluation in a sitting (without /api/v1). */
export const evaluationBase = (sectionId: string, sitting: Sitting = 'bid') => `/sections/${encodeURIComponent(sectionId)}/${EVALUATION_SEGMENT[sitting]}`;
const base = evaluationBase;

export const evaluationApi = {
  view: (sectionId: string, sitting: Sitting = 'bid') => api.get<EvaluationView>(base(sectionId, sitting)),
  open: (sectionId: string, body: EvaluationOpenInput, sitting: Sitting = 'bid') => api.post<EvaluationView>(base(sectionId, sitting), body),
  setRepresentatives: (sectionId: string, userIds: string[], sitting: Sitting = 'bid') => api.put<EvaluationView>(`${base(sectionId, sitting)}/representatives`, { userIds }),
  setChair: (sectionId: string, memberId: string, sitting: Sitting = 'bid') => api.put<EvaluationView>(`${base(sectionId, sitting)}/chair`, { memberId }),
  signIn: (sectionId: string, body: EvaluationSignInInput, sitting: Sitting = 'bid') => api.post<EvaluationSignInView>(`${base(sectionId, sitting)}/sign-in`, body),
  mySheet: (sectionId: string, sitting: Sitting = 'bid') => api.get<EvaluationSheetView>(`${base(sectionId, sitting)}/sheets/mine`),
  saveSheet: (sectionId: string, body: EvaluationSheetInput, sitting: Sitting = 'bid') => api.put<EvaluationSheetView>(`${base(sectionId, sitting)}/sheets/mine`, body),
  summarise: (sectionId: string, body: EvaluationSummaryInput = {}, sitting: Sitting = 'bid') => api.post<EvaluationView>(`${base(sectionId, sitting)}/summary`, body),
  /** The document with every clarification the committee evaluates against, as stored bytes. */
  documents: (sectionId: string, sitting: Sitting = 'bid') => api.get<EvaluationDocumentsView>(`${base(sectionId, sitting)}/documents`),
  /** Both sittings' evaluations the caller sits in, each with its `sitting`. */
  mine: () => api.get<MyEvaluationItem[]>('/me/evaluations'),
};
