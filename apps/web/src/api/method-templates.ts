import type { DocumentView, MethodTemplateQuery, MethodTemplateRequest, MethodTemplateView } from '@bidhall/contracts';
import { api } from './client.ts';

export type { MethodTemplateView };

/** Evaluation method templates. */
export const methodTemplatesApi = {
  list: (query: MethodTemplateQuery = {}) => api.get<MethodTemplateView[]>('/method-templates', query),
  create: (body: MethodTemplateRequest) => api.post<MethodTemplateView>('/method-templates', body),
  update: (id: string, body: MethodTemplateRequest) => api.put<MethodTemplateView>(`/method-templates/${id}`, body),
  remove: (id: string) => api.delete<{ ok: true }>(`/method-templates/${id}`),
  /** Sets a tender document's method from a template of its section's project type. */
  apply: (documentId: string, templateId: string) => api.post<DocumentView>(`/tender-documents/${documentId}/method/from-template`, { templateId }),
};
