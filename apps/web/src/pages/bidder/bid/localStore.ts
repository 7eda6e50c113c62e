// What the bidder's own browser keeps between visits — never sent anywhere as such:
// - a random per-browser id, whose SM3 goes into the manifest's preparation fingerprint;
// - a sealed bid not yet submitted (the sealed parts as Blobs, the signed manifest) in IndexedDB, so a
//   reload resumes the uploads where tus left them instead of sealing again (a new seal has new keys
//   and would not match the bytes already uploaded);
// - each submitted bid's signed manifest and the composer's values (no files), to supplement a bid
//   by keeping its unchanged parts and to check a receipt's manifest hash.
// Ciphertext and the bidder's own entries only: content keys and private keys are never stored.
import type { BidSubmitRequest } from '@bidhall/contracts';

export type SignedManifestInput = BidSubmitRequest['signedManifest'];

export interface DraftPart {
  partId: string;
  name: string;
  /** The sealed bytes to upload; absent for a part kept from the bid this one replaces. */
  blob?: Blob;
  keep?: true;
  mediaType?: string;
  /** The finished upload's id once tus is done. */
  uploadId?: string;
}

export interface SealedDraft {
  sectionId: string;
  sealedAt: string;
  signedManifest: SignedManifestInput;
  certificatePem: string;
  replaces?: string;
  parts: DraftPart[];
  /** The composer's values (no files), kept with the bid once it is submitted. */
  values?: unknown;
}

const DB = 'bidhall-bids';
const STORE = 'sealedDrafts';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'sectionId' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

async function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = op(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result as T);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export const drafts = {
  get: (sectionId: string) => run<SealedDraft | undefined>('readonly', (s) => s.get(sectionId)),
  put: (draft: SealedDraft) => run<unknown>('readwrite', (s) => s.put(draft)),
  remove: (sectionId: string) => run<unknown>('readwrite', (s) => s.delete(sectionId)),
};

const safe = <T>(fn: () => T, fallback: T): T => {
  try {
    return fn();
  } catch {
    return fallback;
  }
};

const DEVICE_KEY = 'bidhall.deviceId';

/** A random id made once per browser profile (32 hex digits). */
export function deviceId(): string {
  const existing = safe(() => localStorage.getItem(DEVICE_KEY), null);
  if (existing && /^[0-9a-f]{32}$/.test(existing)) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  safe(() => localStorage.setItem(DEVICE_KEY, id), undefined);
  return id;
}

const MANIFEST_KEY = (bidId: string) => `bidhall.bid.${bidId}`;

export interface SubmittedRecord {
  signedManifest: SignedManifestInput;
  values?: unknown;
}

/** The signed manifest and the composer's values of a bid this browser submitted. */
export const submitted = {
  get: (bidId: string): SubmittedRecord | undefined =>
    safe(() => {
      const text = localStorage.getItem(MANIFEST_KEY(bidId));
      return text ? (JSON.parse(text) as SubmittedRecord) : undefined;
    }, undefined),
  put: (bidId: string, record: SubmittedRecord) => safe(() => localStorage.setItem(MANIFEST_KEY(bidId), JSON.stringify(record)), undefined),
};
