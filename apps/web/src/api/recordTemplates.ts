// Opening record templates (开标记录模板, A-115, decision 0022): kept by a region's trading centre.
import type { RecordTemplateRequest, RecordTemplateView } from '@bidhall/contracts';
import { api } from './client.ts';

export type { RecordTemplateRequest, RecordTemplateView };

const base = '/opening-record-templates';
export const recordTemplatesApi = {
  list: () => api.get<RecordTemplateView[]>(base),
  create: (body: RecordTemplateRequest) => api.post<RecordTemplateView>(base, body),
  update: (id: string, body: RecordTemplateRequest) => api.put<RecordTemplateView>(`${base}/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.delete<{ ok: true }>(`${base}/${encodeURIComponent(id)}`),
};
