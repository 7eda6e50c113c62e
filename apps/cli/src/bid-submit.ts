/**
 * Submission: every sealed part goes up with tus (tus-js-client), resumably
 * — each upload URL is kept in the workspace, so a rerun after a dropped connection or a killed
 * process continues where the server stopped — then the signed manifest is submitted and the
 * receipt saved and checked. Withdrawal signs {bidId, action: 'withdraw'} with the bidder's key.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as tus from 'tus-js-client';
import { ContinueHttpStack } from './continue-http-stack.ts';
import type { BidReceiptResponse, BidSubmitRequest, BidView } from '@bidhall/contracts';
import { signJson, type PrivateKey, type SignedManifest } from '@bidhall/crypto';
import { ApiProblem, sessionApi } from './bid-http.ts';
import { formatBytes } from './bid-print.ts';
import type { SealRecord } from './bid-seal.ts';
import { Refused, Unusable, type Session, type Workspace } from './bid-workspace.ts';

export interface StoredUpload {
  url: string;
  ciphertextHash: string;
  size: number;
  finished?: boolean;
}
type UploadsFile = Record<string, StoredUpload>;

export interface UploadOptions {
  /** Retries of one upload after a failure (default 3); 0 gives up at once (the rerun resumes). */
  retries?: number;
  chunkSize?: number;
  progress?: (line: string) => void;
}

const uploadIdOf = (url: string) => new URL(url).pathname.split('/').pop()!;

/** One sealed part through tus, resuming a stored upload when there is one. */
async function uploadPart(
  ws: Workspace,
  session: Session,
  sectionId: string,
  part: SealRecord['parts'][number],
  uploads: UploadsFile,
  opts: UploadOptions,
): Promise<string> {
  const folder = ws.sealedDir(sectionId);
  const file = join(folder, part.sealedFile);
  const size = (await stat(file)).size;
  const stored = uploads[part.partId];
  const resumeUrl =
    stored && stored.ciphertextHash === part.entry.ciphertextHash && stored.size === size ? stored.url : undefined;
  const say = opts.progress ?? (() => undefined);
  if (resumeUrl && stored?.finished) return uploadIdOf(resumeUrl);
  const save = async (url: string, finished = false) => {
    uploads[part.partId] = { url, ciphertextHash: part.entry.ciphertextHash, size, ...(finished ? { finished } : {}) };
    await ws.writeJson(join('sealed', sectionId, 'uploads.json'), uploads);
  };
  let lastReported = -1;
  let resumedAt: number | null = null;
  const retries = opts.retries ?? 3;
  const url = await new Promise<string>((resolve, reject) => {
    const upload = new tus.Upload(createReadStream(file), {
      endpoint: `${session.url}/api/v1/bid-uploads`,
      ...(resumeUrl ? { uploadUrl: resumeUrl } : {}),
      headers: { cookie: session.cookie },
      // Each PATCH's body waits for the server's 100 Continue: a bid queued at the deadline holds no buffers.
      httpStack: new ContinueHttpStack(),
      metadata: { sectionId, partId: part.partId, name: part.name, filename: part.name.split('/').pop()! },
      uploadSize: size,
      chunkSize: opts.chunkSize ?? 8 * 1024 * 1024,
      retryDelays: [500, 2000, 5000, 10000, 20000].slice(0, retries),
      storeFingerprintForResuming: false,
      onUploadUrlAvailable: () => {
        if (upload.url && upload.url !== resumeUrl) void save(upload.url);
      },
      onProgress: (sent, total) => {
        if (resumedAt === null) {
          resumedAt = sent;
        }
        const pct = total ? Math.floor((sent / total) * 100) : 100;
        const step = Math.floor(pct / 10);
        if (step !== lastReported) {
          lastReported = step;
          say(`  ${part.name}: ${pct}% (${formatBytes(sent)} of ${formatBytes(total)})`);
        }
      },
      onShouldRetry: (err) => {
        const res = err.originalResponse;
        if (!res) return true; // the connection dropped: ask the server where it stopped and go on
        const status = res.getStatus();
        // Busy or at another offset (a dropped request still being closed on the server): retry.
        // The platform's refusals are final: closed bidding, not sealed, too large, not allowed.
        return status === 423 || status >= 500 || (status === 409 && /UPLOAD_CONFLICT/.test(res.getBody() ?? ''));
      },
      onSuccess: () => resolve(upload.url!),
      onError: (err) => reject(err),
    });
    if (resumeUrl) say(`  ${part.name}: resuming the upload kept in uploads.json`);
    upload.start();
  }).catch(async (err: unknown) => {
    const e = err as tus.DetailedError;
    const res = e.originalResponse;
    if (res) {
      const body = res.getBody();
      let problem: { code?: string; detail?: string } = {};
      try {
        problem = JSON.parse(body) as typeof problem;
      } catch {
        // not JSON
      }
      throw new ApiProblem(
        res.getStatus(),
        problem.code,
        `upload of ${part.name} refused: ${problem.detail ?? body.slice(0, 200)}`,
        problem,
      );
    }
    throw new Refused(
      `upload of ${part.name} interrupted: ${(e.causingError ?? e).message}. Run the same command again to resume.`,
    );
  });
  await save(url, true);
  return uploadIdOf(url);
}

export interface SubmitOutcome {
  response: BidReceiptResponse;
  receiptFile: string;
  uploaded: number;
  kept: number;
}

export async function submitSection(
  ws: Workspace,
  session: Session,
  sectionId: string,
  certificatePem: string,
  opts: UploadOptions & { replaces?: string },
): Promise<SubmitOutcome> {
  const rel = join('sealed', sectionId);
  const record = await ws.maybeJson<SealRecord>(join(rel, 'seal.json'));
  const signed = await ws.maybeJson<SignedManifest>(join(rel, 'manifest.json'));
  if (!record || !signed)
    throw new Unusable(`section ${sectionId} has no sealed bid in ${ws.root}: run 'bidhall bid seal' first`);
  const api = sessionApi(session);

  // Parts of the bid being replaced that are unchanged need not go up again.
  let keep = new Set<string>();
  if (opts.replaces) {
    const old = await api.json<BidView>('GET', `/api/v1/bids/${opts.replaces}`);
    if (old.sectionId !== sectionId) throw new Unusable(`bid ${opts.replaces} is for another section`);
    keep = new Set(old.parts.map((p) => p.partId));
  }
  const uploads = (await ws.maybeJson<UploadsFile>(join(rel, 'uploads.json'))) ?? {};
  const parts: BidSubmitRequest['parts'] = [];
  let uploaded = 0;
  for (const p of record.parts) {
    if (keep.has(p.partId)) {
      opts.progress?.(`  ${p.name}: kept from bid ${opts.replaces}`);
      parts.push({ partId: p.partId, keep: true });
      continue;
    }
    parts.push({ partId: p.partId, uploadId: await uploadPart(ws, session, sectionId, p, uploads, opts) });
    uploaded++;
  }
  const body: BidSubmitRequest = {
    signedManifest: signed as BidSubmitRequest['signedManifest'],
    certificatePem,
    parts,
    ...(opts.replaces ? { replaces: opts.replaces } : {}),
  };
  let response: BidReceiptResponse;
  try {
    response = await api.json<BidReceiptResponse>('POST', `/api/v1/sections/${sectionId}/bids`, body);
  } catch (err) {
    if (err instanceof ApiProblem && err.code === 'BID_REPLACEMENT_INVALID') {
      const live =
        (err.body as { liveBidId?: string; details?: { liveBidId?: string } })?.liveBidId ??
        (err.body as { details?: { liveBidId?: string } })?.details?.liveBidId;
      if (live)
        throw new Refused(`${err.message}\n  your live bid is ${live}: submit with --replace ${live}, or withdraw it first`);
    }
    throw err;
  }
  const receiptFile = await saveReceipt(ws, sectionId, response);
  await ws.writeJson(join(rel, 'submitted.json'), {
    bidId: response.receipt.bidId,
    receiptId: response.receipt.receiptId,
    receivedAt: response.receipt.receivedAt,
  });
  return { response, receiptFile, uploaded, kept: parts.length - uploaded };
}

export function saveReceipt(ws: Workspace, sectionId: string, response: BidReceiptResponse): Promise<string> {
  return ws.writeJson(join('receipts', sectionId, `${response.receipt.event}-${response.receipt.receiptId}.json`), response);
}

export async function withdrawBid(
  ws: Workspace,
  session: Session,
  bidId: string,
  key: PrivateKey,
  certificatePem: string,
): Promise<{ response: BidReceiptResponse; receiptFile: string }> {
  const api = sessionApi(session);
  const signature = signJson({ bidId, action: 'withdraw' }, key);
  const response = await api.json<BidReceiptResponse>('POST', `/api/v1/bids/${bidId}/withdrawal`, { certificatePem, signature });
  const receiptFile = await saveReceipt(ws, response.receipt.sectionId, response);
  return { response, receiptFile };
}
