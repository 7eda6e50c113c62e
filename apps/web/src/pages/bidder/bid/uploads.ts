// Resumable uploads of sealed parts with tus-js-client (tus 1.0 at /api/v1/bid-uploads). Each part
// is fingerprinted by section and part id, and its upload URL kept in localStorage: a dropped
// connection retries from the offset the server has (HEAD), and a reload finds the same upload again
// as long as the sealed part itself is still in IndexedDB (localStore.ts). The session cookie goes along.
import type { Problem } from '@bidhall/contracts';
import { Upload, type DetailedError } from 'tus-js-client';
import { ApiError } from '../../../api/client.ts';

const CHUNK = 8 * 1024 * 1024;
/** Problems worth another try: the upload is busy or at another offset, or the server asks to slow down. */
const RETRYABLE = new Set(['UPLOAD_CONFLICT', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE']);
/** Retries of a dropped connection: about three minutes in all before the bidder is asked. */
const RETRY_DELAYS = [0, 1000, 2000, 3000, 5000, 5000, 10_000, 10_000, 15_000, 20_000, 30_000, 30_000, 30_000];

export interface PartUpload {
  sectionId: string;
  partId: string;
  name: string;
  blob: Blob;
  mediaType?: string;
}

const endpoint = () => `${window.location.origin}/api/v1/bid-uploads`;
const fingerprintOf = (p: Pick<PartUpload, 'sectionId' | 'partId'>) => `bidhall-bid-upload:${p.sectionId}:${p.partId}`;

/** The platform's problem in a tus error's response, if there is one. */
function problemOf(err: Error | DetailedError): ApiError | undefined {
  const res = (err as DetailedError).originalResponse;
  if (!res) return undefined;
  try {
    const body = JSON.parse(res.getBody()) as Partial<Problem>;
    if (body && typeof body.code === 'string') return new ApiError({ ...(body as Problem), status: res.getStatus() });
  } catch {
    // not a problem document
  }
  return undefined;
}

/** The failure as the page shows it: the server's refusal (BIDDING_CLOSED, BID_NOT_SEALED …) or a network error. */
export function uploadError(err: Error | DetailedError): ApiError {
  const problem = problemOf(err);
  if (problem) return problem;
  const status = (err as DetailedError).originalResponse?.getStatus() ?? 0;
  return new ApiError({ type: 'about:blank', title: err.message, detail: err.message, status, code: status === 0 ? 'NETWORK_ERROR' : 'UPLOAD_FAILED' });
}

export interface RunningUpload {
  /** Resolves with the upload id the submission names (the last segment of the tus URL). */
  done: Promise<string>;
  abort: () => void;
}

/**
 * Uploads one sealed part, resuming an earlier upload of the same part when the browser knows one.
 * `onProgress(sent, total)`; `onRetry` when the connection dropped and tus is trying again.
 */
export function uploadPart(p: PartUpload, onProgress: (sent: number, total: number) => void, onRetry?: (attempt: number) => void): RunningUpload {
  let upload: Upload | undefined;
  const done = new Promise<string>((resolve, reject) => {
    upload = new Upload(p.blob, {
      endpoint: endpoint(),
      metadata: { sectionId: p.sectionId, partId: p.partId, name: p.name, ...(p.mediaType ? { filetype: p.mediaType } : {}) },
      chunkSize: CHUNK,
      retryDelays: RETRY_DELAYS,
      fingerprint: async () => fingerprintOf(p),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      // The session cookie goes with every tus request (same origin; also when served from another).
      onBeforeRequest: (req) => {
        const xhr = req.getUnderlyingObject() as XMLHttpRequest | undefined;
        if (xhr && 'withCredentials' in xhr) xhr.withCredentials = true;
      },
      onProgress,
      onShouldRetry: (err, attempt) => {
        // A refusal of the platform (BIDDING_CLOSED at the deadline, BID_NOT_SEALED …) is final; a
        // dropped connection, a busy upload or an offset the server sees otherwise is tried again.
        const problem = problemOf(err);
        const status = err.originalResponse?.getStatus() ?? 0;
        const retry = problem
          ? RETRYABLE.has(problem.code) || status >= 500
          : status === 0 || status >= 500 || status === 409 || status === 423 || status === 429;
        if (retry) onRetry?.(attempt + 1);
        return retry;
      },
      onError: (err) => reject(uploadError(err)),
      onSuccess: () => {
        const url = upload?.url ?? '';
        resolve(new URL(url, window.location.origin).pathname.split('/').pop() ?? '');
      },
    });
  });
  const start = async () => {
    const u = upload!;
    try {
      const previous = await u.findPreviousUploads();
      const same = previous.find((x) => x.size === p.blob.size);
      if (same) u.resumeFromPreviousUpload(same);
    } catch {
      // no stored uploads: start afresh
    }
    u.start();
  };
  void start();
  return { done, abort: () => void upload?.abort() };
}
