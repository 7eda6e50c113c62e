// A sealed bid on its way: every part not yet uploaded goes up over tus (resuming where an earlier
// attempt stopped), each finished upload id is written back to the stored draft, then the bid is
// submitted; the receipt comes back and the draft is removed.
import { biddingApi, type BidReceiptResponse } from '../../../api/bidding.ts';
import { drafts, submitted, type SealedDraft } from './localStore.ts';
import { uploadPart } from './uploads.ts';

export interface UploadProgress {
  sent: number;
  total: number;
  /** The part going up now. */
  current: string;
  /** Set while a dropped connection is being retried. */
  retrying?: number;
}

export async function uploadAndSubmit(draft: SealedDraft, onProgress: (p: UploadProgress) => void, signal?: { aborted: boolean }): Promise<BidReceiptResponse> {
  const pending = draft.parts.filter((p) => !p.keep && p.blob);
  const total = pending.reduce((s, p) => s + p.blob!.size, 0);
  let before = pending.filter((p) => p.uploadId).reduce((s, p) => s + p.blob!.size, 0);
  onProgress({ sent: before, total, current: '' });
  for (const part of pending) {
    if (part.uploadId) continue;
    if (signal?.aborted) throw new Error('aborted');
    const running = uploadPart(
      { sectionId: draft.sectionId, partId: part.partId, name: part.name, blob: part.blob!, mediaType: part.mediaType },
      (sent) => onProgress({ sent: before + sent, total, current: part.name }),
      (attempt) => onProgress({ sent: before, total, current: part.name, retrying: attempt }),
    );
    part.uploadId = await running.done;
    before += part.blob!.size;
    onProgress({ sent: before, total, current: part.name });
    await drafts.put(draft).catch(() => undefined);
  }
  const response = await biddingApi.submit(draft.sectionId, {
    signedManifest: draft.signedManifest,
    certificatePem: draft.certificatePem,
    parts: draft.parts.map((p) => (p.keep ? { partId: p.partId, keep: true as const } : { partId: p.partId, uploadId: p.uploadId! })),
    ...(draft.replaces ? { replaces: draft.replaces } : {}),
  });
  submitted.put(response.receipt.bidId, { signedManifest: draft.signedManifest, values: draft.values });
  await drafts.remove(draft.sectionId).catch(() => undefined);
  return response;
}
