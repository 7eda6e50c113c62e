// Evaluation clarifications (评标澄清, decision 0029): the committee's requests by section, the bidder's
// own requests, files uploaded with progress, and the signed answer.
import type {
  BidderEvaluationClarificationView,
  EvaluationClarificationAnswerInput,
  EvaluationClarificationAttachment,
  EvaluationClarificationRequestInput,
  EvaluationClarificationView,
} from '@bidhall/contracts';
import { api, ApiError } from './client.ts';

const bySection = (sectionId: string) => `/sections/${sectionId}/evaluation/clarifications`;

export const clarificationsApi = {
  list: (sectionId: string) => api.get<EvaluationClarificationView[]>(bySection(sectionId)),
  request: (sectionId: string, body: EvaluationClarificationRequestInput) => api.post<EvaluationClarificationView>(bySection(sectionId), body),
  withdraw: (sectionId: string, requestId: string) => api.post<EvaluationClarificationView>(`${bySection(sectionId)}/${requestId}/withdraw`, {}),
  /** A file of a signed answer, for members and officers (a plain link: the session cookie goes with it). */
  fileUrl: (sectionId: string, requestId: string, sm3: string) => `/api/v1${bySection(sectionId)}/${requestId}/files/${sm3}`,
  mine: () => api.get<BidderEvaluationClarificationView[]>('/me/evaluation-clarifications'),
  one: (id: string) => api.get<BidderEvaluationClarificationView>(`/evaluation-clarifications/${id}`),
  answer: (id: string, body: EvaluationClarificationAnswerInput) => api.post<BidderEvaluationClarificationView>(`/evaluation-clarifications/${id}/answer`, body),
  ownFileUrl: (id: string, sm3: string) => `/api/v1/evaluation-clarifications/${id}/files/${sm3}`,
  upload: (id: string, file: File, onProgress: (percent: number) => void) =>
    new Promise<EvaluationClarificationAttachment>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', `/api/v1/evaluation-clarifications/${id}/files?name=${encodeURIComponent(file.name)}`);
      xhr.withCredentials = true;
      xhr.setRequestHeader('accept', 'application/json');
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
      };
      xhr.onerror = () => reject(new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'NETWORK_ERROR' }));
      xhr.onload = () => {
        let body: unknown;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = undefined;
        }
        if (xhr.status >= 200 && xhr.status < 300) return resolve(body as EvaluationClarificationAttachment);
        const problem = body as ConstructorParameters<typeof ApiError>[0] | undefined;
        reject(new ApiError(problem && typeof problem.code === 'string' ? problem : { type: 'about:blank', title: xhr.statusText, status: xhr.status, code: 'HTTP_ERROR' }));
      };
      xhr.send(file);
    }),
};
