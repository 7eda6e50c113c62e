// The public log (F-27) and the verifiable draws, as anyone reads them. Types only from the crypto
// package: the verification itself lives in src/trust/, loaded with the pages that need it.
import type { CosignatureView, DrawView, LogEntry, LogKey, LogReceipt, PublishedHeadView, TimestampTokenView } from '@bidhall/contracts';
import type { SignedTreeHead } from '@bidhall/crypto/browser';
import { api } from './client.ts';

export type { SignedTreeHead };

export type { CosignatureView, LogEntry, LogKey, LogReceipt, PublishedHeadView } from '@bidhall/contracts';
/** The time authority's token over the entry's hash (the platform key signs it, as the log heads). */
export type TimestampToken = TimestampTokenView;
/** A draw as the public sees it; after the reveal, everything needed to reproduce it. */
export type PublicDraw = DrawView;

export const logApi = {
  key: () => api.get<LogKey>('/log/key'),
  /** The newest signed head (the server signs one for the current size when the log has grown). */
  treeHead: () => api.get<SignedTreeHead>('/log/tree-head'),
  /** Signed heads issued so far, newest first; those below `beforeSize` for the next page. */
  treeHeads: (limit = 1000, beforeSize?: number) => api.get<SignedTreeHead[]>('/log/tree-heads', { limit, beforeSize }),
  /** Entries [start, end), at most 5000 (the shared verifier pages by LOG_ENTRIES_PAGE). */
  entries: (start: number, end: number) => api.get<LogEntry[]>('/log/entries', { start, end }),
  inclusionProof: (index: number, treeSize: number) =>
    api.get<{ index: number; treeSize: number; auditPath: string[] }>('/log/proof/inclusion', { index, treeSize }),
  consistencyProof: (first: number, second: number) =>
    api.get<{ first: number; second: number; proof: string[] }>('/log/proof/consistency', { first, second }),
  receipt: (index: number) => api.get<LogReceipt>('/log/receipt', { index }),
  /** Heads published at the fixed interval, newest first, with their witnesses' co-signatures. */
  publishedHeads: (limit = 20, beforeSize?: number) => api.get<PublishedHeadView[]>('/log/published-heads', { limit, beforeSize }),
  /** Witness co-signatures, newest head first. */
  cosignatures: (limit = 200) => api.get<CosignatureView[]>('/log/cosignatures', { limit }),
};

export const drawsApi = {
  get: (id: string) => api.get<PublicDraw>(`/draws/${encodeURIComponent(id)}`),
};
