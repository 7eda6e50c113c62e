// The public log (F-27) and the verifiable draws, as anyone reads them. Types only from the crypto
// package: the verification itself lives in src/trust/, loaded with the pages that need it.
import type { DrawView, LogEntry, LogKey, LogReceipt, TimestampTokenView } from '@bidhall/contracts';
import type { SignedTreeHead } from '@bidhall/crypto/browser';
import { api } from './client.ts';

export type { SignedTreeHead };

/** Entries per GET /log/entries page, as the server serves at most. */
export const LOG_ENTRIES_PAGE = 5000;

export type { LogEntry, LogKey, LogReceipt } from '@bidhall/contracts';
/** The time authority's token over the entry's hash (the platform key signs it, as the log heads). */
export type TimestampToken = TimestampTokenView;
/** A draw as the public sees it; after the reveal, everything needed to reproduce it. */
export type PublicDraw = DrawView;

export const logApi = {
  key: () => api.get<LogKey>('/log/key'),
  /** The newest signed head (the server signs one for the current size when the log has grown). */
  treeHead: () => api.get<SignedTreeHead>('/log/tree-head'),
  /** Signed heads issued so far, newest first. */
  treeHeads: (limit = 1000) => api.get<SignedTreeHead[]>('/log/tree-heads', { limit }),
  /** Entries [start, end), at most LOG_ENTRIES_PAGE. */
  entries: (start: number, end: number) => api.get<LogEntry[]>('/log/entries', { start, end }),
  inclusionProof: (index: number, treeSize: number) =>
    api.get<{ index: number; treeSize: number; auditPath: string[] }>('/log/proof/inclusion', { index, treeSize }),
  receipt: (index: number) => api.get<LogReceipt>('/log/receipt', { index }),
};

export const drawsApi = {
  get: (id: string) => api.get<PublicDraw>(`/draws/${encodeURIComponent(id)}`),
};
