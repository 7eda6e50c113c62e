// The committee reads and compares the bids (decision 0028): packages/contracts/src/evaluation-comparison.ts.
// The files are read in both sittings (a review committee reads the applications' files, decision 0032);
// the comparison and the red flags are the bids' only.
import type { BidFilesView, ComparisonView, RedFlagsView, Sitting } from '@bidhall/contracts';
import { api, ApiError } from '../../../api/client.ts';
import { evaluationBase } from '../../../api/evaluation.ts';

const base = (sectionId: string, sitting: Sitting = 'bid') => evaluationBase(sectionId, sitting);

/** A part's plaintext, read chunk by chunk so a progress bar can follow it. */
async function fetchPart(sectionId: string, bidId: string, partId: string, onProgress: (received: number, total: number) => void, sitting: Sitting = 'bid'): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${base(sectionId, sitting)}/bid-files/${bidId}/${partId}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'NETWORK_ERROR' });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ConstructorParameters<typeof ApiError>[0] | null;
    throw new ApiError(body && typeof body.code === 'string' ? body : { type: 'about:blank', title: response.statusText, status: response.status, code: 'HTTP_ERROR' });
  }
  const total = Number(response.headers.get('content-length')) || 0;
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const chunks: BlobPart[] = [];
  let received = 0;
  onProgress(0, total);
  const reader = response.body?.getReader();
  if (!reader) return new Blob([await response.arrayBuffer()], { type });
  for (;;) {
    // A copy that fails its check mid-way ends the stream with an error: the reader throws, nothing is shown.
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  if (total && received !== total) throw new ApiError({ type: 'about:blank', title: 'Incomplete', status: 0, code: 'NETWORK_ERROR' });
  return new Blob(chunks, { type });
}

export const compareApi = {
  bidFiles: (sectionId: string, sitting: Sitting = 'bid') => api.get<BidFilesView>(`${base(sectionId, sitting)}/bid-files`),
  comparison: (sectionId: string) => api.get<ComparisonView>(`${base(sectionId)}/comparison`),
  redFlags: (sectionId: string) => api.get<RedFlagsView>(`${base(sectionId)}/red-flags`),
  fetchPart,
};
