import type { SignedTreeHead } from '../merkle/tree-head.ts';

/**
 * What a verifier reads from the platform's public log API. The CLI implements it over `fetch`, the
 * web app over its API client; both run the same checks on what comes back. Each method throws its
 * caller's own error when the server cannot be read.
 */
export interface LogSource {
  /** GET /log/tree-head: the newest signed head. */
  treeHead(): Promise<SignedTreeHead>;
  /** GET /log/tree-heads: kept heads, newest first, at most `limit`, all below `beforeSize` when given. */
  treeHeads(limit: number, beforeSize?: number): Promise<SignedTreeHead[]>;
  /** GET /log/entries: entries [start, end). */
  entries(start: number, end: number): Promise<{ index: number; entry: string }[]>;
  /** GET /log/proof/consistency: the proof from the tree of size `first` to that of size `second`. */
  consistencyProof(first: number, second: number): Promise<string[]>;
}

/** Entries the server serves per page at most. */
export const LOG_ENTRIES_PAGE = 5000;
export const LOG_HEADS_PAGE = 1000;
