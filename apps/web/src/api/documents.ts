import type {
  AttachmentKind,
  AttachmentView,
  BidStructureRequest,
  BillOfQuantitiesView,
  BoqSummary,
  ChapterValues,
  ClarificationView,
  DeadlineEffectView,
  DocumentKind,
  DocumentListItem,
  DocumentView,
  DownloadView,
  EvaluationMethod,
  PackageView,
  QuestionView,
  ReviewMethod,
  SiteVisitView,
  TemplateView,
} from '@bidhall/contracts';
import { ApiError, api } from './client.ts';

export type {
  AttachmentKind,
  AttachmentView,
  BillOfQuantitiesView,
  BoqSummary,
  ClarificationView,
  DocumentKind,
  DocumentListItem,
  DocumentView,
  DownloadView,
  PackageView,
  QuestionView,
  SiteVisitView,
  TemplateView,
};

export interface ClarificationInput {
  kind: 'clarification' | 'modification';
  title: string;
  bodyHtml: string;
  questionIds?: string[];
}

export interface SiteVisitInput {
  visitAt: string;
  meetingPlace: string;
  contact: string;
  notes?: string;
  remindMinutesBefore: number;
}

/** What issuing a clarification would do to the deadline (B-012): the server's preview, or its decision once issued. */
export type DeadlineEffect = Omit<DeadlineEffectView, 'issuedAt'>;

type Listish<T> = T[] | { items: T[] };
const items = <T>(answer: Listish<T>): T[] => (Array.isArray(answer) ? answer : answer.items);

const doc = (id: string) => `/tender-documents/${id}`;

/** Tender and prequalification documents (A-59…A-70). */
export const documentsApi = {
  templates: async (kind?: DocumentKind) => items(await api.get<Listish<TemplateView>>('/document-templates', { kind })),
  list: async (query: { sectionId?: string; kind?: DocumentKind }) =>
    items(await api.get<Listish<DocumentListItem>>('/tender-documents', query)),
  get: (id: string) => api.get<DocumentView>(doc(id)),
  create: (body: { sectionId: string; kind: DocumentKind; templateCode?: string }) =>
    api.post<DocumentView>('/tender-documents', body),
  saveChapters: (id: string, values: ChapterValues) => api.put<DocumentView>(`${doc(id)}/chapters`, { values }),
  saveMethod: (id: string, method: EvaluationMethod | ReviewMethod) => api.put<DocumentView>(`${doc(id)}/method`, { method }),
  saveStructure: (id: string, body: BidStructureRequest) => api.put<DocumentView>(`${doc(id)}/bid-structure`, body),
  deleteAttachment: (id: string, attachmentId: string) => api.delete<{ ok: true }>(`${doc(id)}/attachments/${attachmentId}`),
  package: (id: string) => api.post<PackageView>(`${doc(id)}/package`),
  /** Base64 detached CMS over exactly `manifestBase64`'s bytes, by a certificate bound to the tenderer. */
  sign: (id: string, signature: string) => api.post<DocumentView>(`${doc(id)}/sign`, { signature, commitmentAccepted: true }),
  /** Issue a signed document for its section (B-009). */
  issue: (id: string) => api.post<DocumentView>(`${doc(id)}/issue`),
  /** Pull the section's current data into the fields that come from it. */
  syncSection: (id: string) => api.post<DocumentView>(`${doc(id)}/sync-section`),
  downloads: async (id: string) => items(await api.get<Listish<DownloadView>>(`${doc(id)}/downloads`)),
  /** Raw upload with progress (the API client sends JSON only). */
  upload: (id: string, file: File, kind: AttachmentKind, onProgress: (percent: number) => void) =>
    uploadRaw(`/api/v1${doc(id)}/attachments?${new URLSearchParams({ name: file.name, kind })}`, file, onProgress),
  /** The imported bill of quantities; BOQ_NOT_FOUND before the first import. */
  billOfQuantities: (id: string) => api.get<BillOfQuantitiesView>(`${doc(id)}/bill-of-quantities`),
  /** Imports a bidhall-boq JSON or XML file with progress; a refusal carries `details.issues`. */
  importBillOfQuantities: (id: string, file: File, onProgress: (percent: number) => void) =>
    uploadRaw<BoqSummary>(
      `/api/v1${doc(id)}/bill-of-quantities?${new URLSearchParams({ name: file.name })}`,
      file,
      onProgress,
      // Not application/json: that type is held to the JSON body limit; the server tells JSON from XML itself.
      file.name.toLowerCase().endsWith('.xml') ? 'application/xml' : 'application/octet-stream',
    ),
};

/** Questions, clarifications (A-82…A-86) and site visits (A-77…A-79). */
export const clarificationDeskApi = {
  questions: async (documentId: string) => items(await api.get<Listish<QuestionView>>(`${doc(documentId)}/questions`)),
  answer: (questionId: string, answer: string) => api.post<QuestionView>(`/questions/${questionId}/answer`, { answer }),
  clarifications: async (documentId: string) =>
    items(await api.get<Listish<ClarificationView>>(`${doc(documentId)}/clarifications`)),
  createClarification: (documentId: string, body: ClarificationInput) =>
    api.post<ClarificationView>(`${doc(documentId)}/clarifications`, body),
  updateClarification: (id: string, body: Partial<ClarificationInput>) => api.put<ClarificationView>(`/clarifications/${id}`, body),
  deleteClarification: (id: string) => api.delete<void>(`/clarifications/${id}`),
  /** What issuing this draft now would do to the deadline, decided by the server as the issue decides it. */
  effect: (id: string) => api.get<DeadlineEffect>(`/clarifications/${id}/effect`),
  issue: (id: string) => api.post<ClarificationView>(`/clarifications/${id}/issue`),
  siteVisits: async (documentId: string) => items(await api.get<Listish<SiteVisitView>>(`${doc(documentId)}/site-visits`)),
  createSiteVisit: (documentId: string, body: SiteVisitInput) => api.post<SiteVisitView>(`${doc(documentId)}/site-visits`, body),
  sendSiteVisit: (id: string) => api.post<SiteVisitView>(`/site-visits/${id}/send`),
  addRecord: (id: string, body: { summary: string; attendees: string[] }) =>
    api.post<SiteVisitView>(`/site-visits/${id}/records`, body),
  sendRecord: (recordId: string) => api.post<unknown>(`/site-visit-records/${recordId}/send`),
};

function uploadRaw<T = AttachmentView>(url: string, file: File, onProgress: (percent: number) => void, contentType = 'application/octet-stream'): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    // Attachments: the server streams exactly octet-stream into the blob store.
    xhr.setRequestHeader('content-type', contentType);
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
      if (xhr.status >= 200 && xhr.status < 300) {
        const b = body as T | { attachment: T };
        resolve(typeof b === 'object' && b !== null && 'attachment' in b ? b.attachment : (b as T));
        return;
      }
      const problem = body as { code?: string } | undefined;
      reject(
        new ApiError(
          problem && typeof problem.code === 'string'
            ? (body as ConstructorParameters<typeof ApiError>[0])
            : { type: 'about:blank', title: xhr.statusText, status: xhr.status, code: 'HTTP_ERROR' },
        ),
      );
    };
    xhr.send(file);
  });
}
