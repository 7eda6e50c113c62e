// The bidder's workspace: tender documents and their free downloads with signed receipts, questions,
// clarifications, site visits (documents module) and invitations received (tendering module).
import type {
  ClarificationView,
  DocumentListItem,
  DocumentView,
  DownloadReceipt,
  DownloadView,
  InvitationReplyRequest,
  QuestionView,
  ReceivedInvitationView,
  SectionDetail,
  SiteVisitView,
} from '@bidhall/contracts';
import { api, ApiError } from './client.ts';

export type {
  ClarificationView,
  DocumentListItem,
  DocumentView,
  DownloadReceipt,
  DownloadView,
  QuestionView,
  ReceivedInvitationView,
  SectionDetail,
  SiteVisitView,
};

const enc = encodeURIComponent;

/** Bytes fetched with progress: `onProgress(received, total)`; total is 0 when the server does not say. */
export interface Fetched {
  bytes: Uint8Array;
  mediaType: string;
  fileName: string | undefined;
}

function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
}

/** GET a file under /api/v1, reading the body chunk by chunk so a progress bar can follow it. */
async function fetchBytes(path: string, onProgress: (received: number, total: number) => void): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'NETWORK_ERROR' });
  }
  if (!response.ok) {
    let problem: ConstructorParameters<typeof ApiError>[0] = {
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      code: 'HTTP_ERROR',
    };
    try {
      const body = (await response.json()) as typeof problem;
      if (body && typeof body.code === 'string') problem = body;
    } catch {
      // not a problem document
    }
    throw new ApiError(problem);
  }
  const total = Number(response.headers.get('content-length')) || 0;
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress(0, total);
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onProgress(received, total);
    }
  } else {
    const all = new Uint8Array(await response.arrayBuffer());
    chunks.push(all);
    received = all.length;
    onProgress(received, total);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return {
    bytes,
    mediaType: response.headers.get('content-type') ?? 'application/octet-stream',
    fileName: fileNameOf(response.headers.get('content-disposition')),
  };
}

export const bidderApi = {
  section: (id: string) => api.get<SectionDetail>(`/sections/${enc(id)}`),
  documents: (sectionId: string) => api.get<DocumentListItem[]>('/tender-documents', { sectionId }),
  document: (id: string) => api.get<DocumentView>(`/tender-documents/${enc(id)}`),
  /** Records the (free) download and answers with the platform's signed receipt. */
  recordDownload: (documentId: string) => api.post<DownloadReceipt>(`/tender-documents/${enc(documentId)}/downloads`),
  /** The document's package, once its download is recorded. */
  documentFile: (documentId: string, onProgress: (received: number, total: number) => void) =>
    fetchBytes(`/tender-documents/${enc(documentId)}/download`, onProgress),
  myDownloads: () => api.get<DownloadView[]>('/downloads/mine'),
  questions: (documentId: string) => api.get<QuestionView[]>(`/tender-documents/${enc(documentId)}/questions`),
  ask: (documentId: string, text: string) => api.post<QuestionView>(`/tender-documents/${enc(documentId)}/questions`, { text }),
  clarifications: (documentId: string) => api.get<ClarificationView[]>(`/tender-documents/${enc(documentId)}/clarifications`),
  recordClarificationDownload: (id: string) => api.post<DownloadReceipt>(`/clarifications/${enc(id)}/downloads`),
  /** The exact canonical bytes of an issued clarification (their SM3 is the receipt's). */
  clarificationFile: (id: string, onProgress: (received: number, total: number) => void) =>
    fetchBytes(`/clarifications/${enc(id)}/content`, onProgress),
  /** A link to an attachment's file (readable once the document's download is recorded). */
  attachmentUrl: (documentId: string, attachmentId: string) =>
    `/api/v1/tender-documents/${enc(documentId)}/attachments/${enc(attachmentId)}/content`,
  siteVisits: (documentId: string) => api.get<SiteVisitView[]>(`/tender-documents/${enc(documentId)}/site-visits`),
  invitations: () => api.get<ReceivedInvitationView[]>('/invitations/received'),
  invitation: (id: string) => api.get<ReceivedInvitationView>(`/invitations/received/${enc(id)}`),
  reply: (id: string, body: InvitationReplyRequest) => api.post<ReceivedInvitationView>(`/invitations/${enc(id)}/reply`, body),
};
