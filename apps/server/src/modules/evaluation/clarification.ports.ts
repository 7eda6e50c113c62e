import type { Db } from '../../platform/db/database.ts';
import type { BlobStore } from '../../platform/storage/blob-store.ts';

/** identity → evaluation: the bidder's certificate bound to its entity (as the opening record checks it). */
export type BoundCertificatePort = (trx: Db, entityId: string, certificatePem: string) => Promise<{ publicKeyPem: string; fingerprint: string }>;

/** What clarifications need beyond the evaluation's ports: the bidder's certificate and a place for files. */
export interface ClarificationPorts {
  boundCertificate: BoundCertificatePort;
  blobs: BlobStore;
}
