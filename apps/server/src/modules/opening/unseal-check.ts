import { BID_SUMMARY_FORMAT, type BidSummaryField, type UnsealFailureCode } from '@bidhall/contracts';
import { equalBytes, keyCheck, unsealBidSummary, utf8, type PartHeader, type SignedManifest } from '@bidhall/crypto';

export interface PartToOpen {
  partId: string;
  name: string;
  role: 'bidSummary' | 'file';
  blobSm3: string;
  header: unknown;
}

export type UnsealResult = { ok: true; summary: Record<string, string | number | null> } | { ok: false; code: UnsealFailureCode; reason: string };

/**
 * Whether released content keys open the bid as its signed manifest describes it, without keeping any
 * plaintext but the bidSummary's fields: every part's key matches its header's key check, and the
 * bidSummary opens (every chunk's MAC) to plaintext whose hash is the manifest's (B-023: the bid read
 * out and evaluated is exactly the one signed and sealed).
 */
export async function checkReleasedKeys(input: {
  parts: readonly PartToOpen[];
  signedManifest: SignedManifest;
  keys: ReadonlyMap<string, Uint8Array>;
  fields: readonly BidSummaryField[];
  readBlob: (sm3: string) => Promise<Uint8Array>;
}): Promise<UnsealResult> {
  const { parts, keys } = input;
  for (const part of parts) {
    const key = keys.get(part.partId);
    if (!key) return { ok: false, code: 'keyMissing', reason: `no content key for part ${part.name}` };
    const header = part.header as PartHeader;
    if (key.length !== 32 || !equalBytes(utf8(keyCheck(key, part.partId)), utf8(header.keyCheck))) {
      return { ok: false, code: 'keyDoesNotOpen', reason: `the key released for part ${part.name} does not open it` };
    }
  }
  const summaryPart = parts.find((p) => p.role === 'bidSummary');
  if (!summaryPart) return { ok: false, code: 'summaryMissing', reason: 'the bid has no bidSummary part' };
  const listed = input.signedManifest.manifest.parts.find((p) => p.partId === summaryPart.partId);
  if (!listed) return { ok: false, code: 'summaryNotInManifest', reason: 'the bidSummary is not in the signed manifest' };
  let opened: Awaited<ReturnType<typeof unsealBidSummary>>;
  try {
    opened = await unsealBidSummary(await input.readBlob(summaryPart.blobSm3), { contentKey: keys.get(summaryPart.partId)! });
  } catch (err) {
    return { ok: false, code: 'summaryDoesNotOpen', reason: `the bidSummary does not open: ${(err as Error).message}` };
  }
  if (opened.digest.plaintextHash !== listed.plaintextHash || opened.digest.size !== listed.size) {
    return { ok: false, code: 'summaryNotSigned', reason: 'the opened bidSummary is not the one the bidder signed' };
  }
  return { ok: true, summary: readoutValues(opened.summary, input.fields) };
}

/** The document's bidSummary fields as the bidder sealed them; a field the bidder left out reads as null. */
export function readoutValues(summary: unknown, fields: readonly BidSummaryField[]): Record<string, string | number | null> {
  const s = summary as { format?: string; fields?: Record<string, unknown> } | null;
  const given = s && s.format === BID_SUMMARY_FORMAT && s.fields && typeof s.fields === 'object' ? s.fields : {};
  const values: Record<string, string | number | null> = {};
  for (const f of fields) {
    const v = given[f.key];
    values[f.key] = typeof v === 'string' ? v.slice(0, 200) : typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return values;
}
